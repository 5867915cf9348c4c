/**
 * The scribe's notes: one document on the table per protocol run (in a convening, one per round,
 * so each round's notes stay a separate artifact for the people who sit down next), with a heading
 * for each phase so what the scribe writes lands under the phase it belongs to. Written by the
 * note keeper's browser when a phase starts; idempotent, so several tabs or a reconnect never add
 * a heading twice.
 */
import * as Y from 'yjs';
import {
  ArtifactField,
  ArtifactKind,
  TableRoot,
  boundsOf,
  notesKey,
  phaseNotesHeading,
  readArtifactMeta,
  type SessionState,
} from '@worktable/shared';
import { documentView } from '../artifacts/document/index.js';
import { createArtifact, readArtifacts } from '../canvas/tableModel.js';

/** Transaction origin of headings the app adds (kept out of the scribe's undo history). */
export const SCRIBE_NOTES_ORIGIN = Symbol('worktable:scribe-notes');

/** The heading of a phase in the notes, e.g. "3 / 8 · Clarifying questions · Round 2" (see `phaseNotesHeading`). */
export function phaseHeading(
  state: Pick<SessionState, 'phaseIndex' | 'phaseCount' | 'protocolRound' | 'protocolRounds'> & { phase: { title: string } },
): string {
  return phaseNotesHeading({
    phaseIndex: state.phaseIndex,
    phaseCount: state.phaseCount,
    phaseTitle: state.phase.title,
    protocolRound: state.protocolRounds > 1 ? state.protocolRound : 0,
  });
}

/**
 * Who keeps the notes: the scribe; in a convening, when the protocol has no scribe, the reporter,
 * the table host or the facilitator, so every round at every table leaves notes behind.
 */
export function notesKeeperOf(state: Pick<SessionState, 'roles' | 'convening'>): string | undefined {
  const { roles } = state;
  if (!state.convening) return roles.scribe;
  return roles.scribe ?? roles.reporter ?? roles.tableHost ?? roles.facilitator;
}

/** The title of a notes document: "Notes — Tuning Protocol", or "Notes · Round 2" in a convening. */
export function notesTitle(protocolTitle: string, round: number | null = null): string {
  return round !== null && round > 0 ? `Notes · Round ${round}` : `Notes — ${protocolTitle}`;
}

/** The convening round whose notes a state writes to (null outside convenings). */
export function notesRoundOfState(state: Pick<SessionState, 'convening' | 'round'>): number | null {
  return state.convening && state.round > 0 ? state.round : null;
}

/** The id of the notes document keyed `key` (see `notesKey`), if it exists. */
export function findNotesId(doc: Y.Doc, key: string): string | null {
  for (const [id, artifact] of doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).entries()) {
    if (
      artifact instanceof Y.Map &&
      artifact.get(ArtifactField.NotesOf) === key &&
      readArtifactMeta(artifact)?.kind === ArtifactKind.Document
    )
      return id;
  }
  return null;
}

/** The notes document keyed `key` (see `notesKey`), if it exists. */
export function findNotesDocument(doc: Y.Doc, key: string): Y.Map<unknown> | null {
  const id = findNotesId(doc, key);
  return id === null ? null : (doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(id) ?? null);
}

/** The id of the notes document the run of `state` writes to, if it exists yet. */
export function runNotesId(doc: Y.Doc, state: Pick<SessionState, 'protocolId' | 'convening' | 'round'>): string | null {
  return findNotesId(doc, notesKey(state.protocolId, notesRoundOfState(state)));
}

function headingsOf(fragment: Y.XmlFragment): string[] {
  return fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'heading')
    .map((node) =>
      node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? child.toString() : ''))
        .join(''),
    );
}

/**
 * Makes sure the run's notes document exists and ends with (or holds) the heading of this phase.
 * `round` is the convening round (each has its own notes document), null outside convenings.
 */
export function ensurePhaseNotes(
  doc: Y.Doc,
  run: { protocolId: string; protocolTitle: string; heading: string; round?: number | null },
  creator: { participantId: string; name: string },
): void {
  const key = notesKey(run.protocolId, run.round ?? null);
  let notes = findNotesDocument(doc, key);
  if (!notes) {
    const bounds = boundsOf(readArtifacts(doc));
    const id = createArtifact(doc, {
      kind: ArtifactKind.Document,
      at: bounds ? { x: bounds.x + bounds.w + 48, y: bounds.y } : { x: 0, y: 0 },
      title: notesTitle(run.protocolTitle, run.round ?? null),
      creator,
      initialize: documentView.initialize,
      fields: { [ArtifactField.NotesOf]: key },
    });
    notes = doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(id) ?? null;
  }
  const fragment = notes?.get(ArtifactField.Content);
  if (!(fragment instanceof Y.XmlFragment) || headingsOf(fragment).includes(run.heading)) return;
  doc.transact(() => {
    const heading = new Y.XmlElement<{ level: number }>('heading');
    heading.setAttribute('level', 2); // TipTap reads the level as a number
    heading.insert(0, [new Y.XmlText(run.heading)]);
    fragment.push([heading as unknown as Y.XmlElement, new Y.XmlElement('paragraph')]);
  }, SCRIBE_NOTES_ORIGIN);
}
