/**
 * The only writer of harvest cards (the plenary document's Y.Map `harvest`, see shared
 * `harvest.ts`), who may post them, and the checks of a card being written.
 */
import type * as Y from 'yjs';
import { HarvestKind, MAX_HARVEST_CHARS, PlenaryRoot, readHarvestCard, type HarvestCard, type SessionState } from '@worktable/shared';

/** The harvest map of the plenary document. */
export function harvestMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PlenaryRoot.Harvest);
}

/** Every well-formed card (malformed entries are skipped). */
export function readHarvest(doc: Y.Doc): HarvestCard[] {
  const cards: HarvestCard[] = [];
  for (const value of harvestMapOf(doc).values()) {
    const card = readHarvestCard(value);
    if (card) cards.push(card);
  }
  return cards;
}

/**
 * Who posts a table's harvest: its reporter; when nobody holds that role, the scribe, then the
 * facilitator (protocols without a reporter still harvest).
 */
export function harvesterOf(roles: SessionState['roles']): string | undefined {
  return roles.reporter ?? roles.scribe ?? roles.facilitator;
}

/** Whether `me` may post to the plenary: the session host always, else the harvester of their table. */
export function canPostHarvest(
  state: Pick<SessionState, 'roles' | 'tableId' | 'convening'>,
  me: { participantId: string; role: string },
): boolean {
  if (me.role === 'observer' || !state.convening) return false;
  if (me.role === 'host') return true;
  return state.tableId !== null && harvesterOf(state.roles) === me.participantId;
}

/** A card being written. */
export interface HarvestDraft {
  kind: HarvestKind;
  /** The insight or question; for a shift, "we thought…". */
  text: string;
  /** For a shift: "it turns out…". */
  turnsOut: string;
}

/** What is wrong with a draft, per field (empty when it can be posted). */
export interface HarvestProblems {
  text?: string;
  turnsOut?: string;
}

/** The labels of a draft's text fields for its kind. */
export function harvestFieldLabels(kind: HarvestKind): { text: string; turnsOut: string | null } {
  if (kind === HarvestKind.Shift) return { text: 'We thought…', turnsOut: 'It turns out…' };
  return { text: kind === HarvestKind.Question ? 'The question' : 'The insight', turnsOut: null };
}

function problemOf(value: string): string | undefined {
  if (value.trim().length === 0) return 'Write something first.';
  if (value.length > MAX_HARVEST_CHARS) return `Keep it to ${MAX_HARVEST_CHARS} characters (now ${value.length}).`;
  return undefined;
}

/** Checks a draft: the text always, "it turns out…" for a shift. */
export function checkHarvestDraft(draft: HarvestDraft): HarvestProblems {
  const problems: HarvestProblems = {};
  const text = problemOf(draft.text);
  if (text) problems.text = text;
  if (draft.kind === HarvestKind.Shift) {
    const turnsOut = problemOf(draft.turnsOut);
    if (turnsOut) problems.turnsOut = turnsOut;
  }
  return problems;
}

/** Where and by whom a card is posted. */
export interface HarvestOrigin {
  tableId: string;
  tableName: string;
  round: number;
  by: string;
  byName: string;
}

/** The card a checked draft becomes (texts trimmed; `turnsOut` for shifts only). */
export function harvestCardFrom(draft: HarvestDraft, origin: HarvestOrigin, now: number, id: string = crypto.randomUUID()): HarvestCard {
  const card: HarvestCard = { id, ...origin, kind: draft.kind, text: draft.text.trim(), at: now };
  if (draft.kind === HarvestKind.Shift) card.turnsOut = draft.turnsOut.trim();
  return card;
}

/** Posts a card to the plenary document. */
export function postHarvest(doc: Y.Doc, card: HarvestCard): void {
  doc.transact(() => harvestMapOf(doc).set(card.id, { ...card }));
}

/** A table's cards of one round, oldest first. */
export function tableHarvest(cards: readonly HarvestCard[], tableId: string, round?: number): HarvestCard[] {
  return cards
    .filter((c) => c.tableId === tableId && (round === undefined || c.round === round))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
