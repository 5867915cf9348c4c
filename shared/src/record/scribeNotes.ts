/**
 * How scribe notes are keyed and headed, for the client that writes them and the record that
 * reads them back: one notes document per protocol run (in a convening, one per round, its
 * `notesOf` key ending in `@round-N`), with a heading per phase naming the phase's place.
 */

const ROUND_SUFFIX = /@round-([1-9][0-9]*)$/;

/** The `notesOf` value of a run's notes: the protocol id, plus `@round-N` in round N of a convening. */
export function notesKey(protocolId: string, round: number | null = null): string {
  return round !== null && round > 0 ? `${protocolId}@round-${round}` : protocolId;
}

/** The convening round a notes key belongs to, or null for a run outside convenings. */
export function notesRoundOf(key: string): number | null {
  const match = ROUND_SUFFIX.exec(key);
  return match ? Number(match[1]) : null;
}

/** The protocol id of a notes key. */
export function notesProtocolOf(key: string): string {
  return key.replace(ROUND_SUFFIX, '');
}

/** Where a phase sits in its run, as its notes heading names it. */
export interface PhasePlace {
  /** 0-based index in the run's timeline, and the timeline's length. */
  phaseIndex: number;
  phaseCount: number;
  phaseTitle: string;
  /** The protocol's own round, 0 when the protocol has one round. */
  protocolRound: number;
}

/** The heading of a phase in the notes, e.g. "3 / 8 · Clarifying questions · Round 2". */
export function phaseNotesHeading(place: PhasePlace): string {
  const round = place.protocolRound > 0 ? ` · Round ${place.protocolRound}` : '';
  return `${place.phaseIndex + 1} / ${place.phaseCount} · ${place.phaseTitle}${round}`;
}
