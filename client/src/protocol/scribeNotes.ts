/**
 * The scribe's notes: one document on the table per protocol run, with a heading for each phase
 * so what the scribe writes lands under the phase it belongs to. Written by the scribe's browser
 * when a phase starts; idempotent, so several tabs or a reconnect never add a heading twice.
 */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, TableRoot, boundsOf, readArtifactMeta, type SessionState } from '@worktable/shared';
import { documentView } from '../artifacts/document/index.js';
import { createArtifact, readArtifacts } from '../canvas/tableModel.js';

/** Transaction origin of headings the app adds (kept out of the scribe's undo history). */
export const SCRIBE_NOTES_ORIGIN = Symbol('worktable:scribe-notes');

/** The heading of a phase in the notes, e.g. "3 / 8 · Clarifying questions · Round 2". */
export function phaseHeading(state: Pick<SessionState, 'phaseIndex' | 'phaseCount' | 'round' | 'rounds'> & { phase: { title: string } }): string {
  const round = state.rounds > 1 && state.round > 0 ? ` · Round ${state.round}` : '';
  return `${state.phaseIndex + 1} / ${state.phaseCount} · ${state.phase.title}${round}`;
}

/** The notes document of a protocol run, if it exists. */
export function findNotesDocument(doc: Y.Doc, protocolId: string): Y.Map<unknown> | null {
  for (const artifact of doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).values()) {
    if (artifact instanceof Y.Map && artifact.get(ArtifactField.NotesOf) === protocolId && readArtifactMeta(artifact)?.kind === ArtifactKind.Document) {
      return artifact;
    }
  }
  return null;
}

function headingsOf(fragment: Y.XmlFragment): string[] {
  return fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'heading')
    .map((node) => node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join(''));
}

/** Makes sure the run's notes document exists and ends with (or holds) the heading of this phase. */
export function ensurePhaseNotes(
  doc: Y.Doc,
  run: { protocolId: string; protocolTitle: string; heading: string },
  creator: { participantId: string; name: string },
): void {
  let notes = findNotesDocument(doc, run.protocolId);
  if (!notes) {
    const bounds = boundsOf(readArtifacts(doc));
    const id = createArtifact(doc, {
      kind: ArtifactKind.Document,
      at: bounds ? { x: bounds.x + bounds.w + 48, y: bounds.y } : { x: 0, y: 0 },
      title: `Notes — ${run.protocolTitle}`,
      creator,
      initialize: documentView.initialize,
      fields: { [ArtifactField.NotesOf]: run.protocolId },
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
