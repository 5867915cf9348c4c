/**
 * A convening's agenda: a protocol mapped onto blocks that run either in the plenary (everyone
 * together) or at the tables. The protocol's opening and closing phases run in the plenary; each
 * protocol round is one seating round at the tables, with its own question. Whether travelers
 * move between rounds is the protocol's `reseat`. Pure data and functions.
 */
import { RoleName, RotateAt, type Phase, type Protocol } from '../protocols/definition.js';

/** Where a block runs. */
export const BlockKind = {
  /** Everyone together, run by the session host. */
  Plenary: 'plenary',
  /** Everyone at their table, each table running the block's phases. */
  Tables: 'tables',
} as const;
/** One of `BlockKind`. */
export type BlockKind = (typeof BlockKind)[keyof typeof BlockKind];

/** One block of the agenda. */
export interface AgendaBlock {
  /** `opening`, `round-1`, `round-2`, …, `closing`. */
  id: string;
  kind: BlockKind;
  title: string;
  phases: Phase[];
  /** The seating round this block is (1-based) for table blocks; 0 for plenary blocks. */
  round: number;
  /** Travelers move to new tables when this block starts (a café's later rounds). */
  reseat: boolean;
  /** The question that opens a table round, as the protocol (or the host's composition) gave it. */
  question?: string;
  /** Roles of the protocol this block comes from, when the host composed the agenda (else the session's protocol's). */
  roles?: RoleName[];
  /** Title of the protocol this block comes from, when the host composed the agenda. */
  protocolTitle?: string;
}

/** The run key of the plenary's own run (table runs are keyed by table id). */
export const PLENARY_RUN = 'plenary';

/** Titles a plenary block after its phases: the one phase's title, or what the block is for. */
function plenaryTitle(phases: readonly Phase[], fallback: string): string {
  return phases.length === 1 ? (phases[0] as Phase).title : fallback;
}

/** The agenda a protocol makes for a convening, in order. */
export function agendaOf(protocol: Protocol): AgendaBlock[] {
  const blocks: AgendaBlock[] = [];
  if (protocol.opening.length > 0) {
    blocks.push({
      id: 'opening',
      kind: BlockKind.Plenary,
      title: plenaryTitle(protocol.opening, 'Opening'),
      phases: protocol.opening,
      round: 0,
      reseat: false,
    });
  }
  for (let round = 1; round <= protocol.rounds; round++) {
    blocks.push({
      id: `round-${round}`,
      kind: BlockKind.Tables,
      title: protocol.rounds > 1 ? `Round ${round}` : protocol.title,
      phases: protocol.round,
      round,
      reseat: round > 1 && protocol.reseat === true,
      ...(protocol.roundQuestions?.[round - 1] ? { question: protocol.roundQuestions[round - 1] } : {}),
    });
  }
  if (protocol.closing.length > 0) {
    blocks.push({
      id: 'closing',
      kind: BlockKind.Plenary,
      title: plenaryTitle(protocol.closing, 'Closing'),
      phases: protocol.closing,
      round: 0,
      reseat: false,
    });
  }
  return blocks;
}

/** How many seating rounds an agenda has. */
export function roundCountOf(agenda: readonly AgendaBlock[]): number {
  return agenda.reduce((most, block) => Math.max(most, block.round), 0);
}

/**
 * The protocol one block's runs step through: the block's phases as a single round. Table blocks
 * keep the protocol's roles (assigned once when the block starts: roles rotate per round);
 * the plenary is run by the session host and deals no roles.
 */
export function blockProtocol(protocol: Protocol, block: AgendaBlock): Protocol {
  return {
    ...protocol,
    title: block.protocolTitle ?? protocol.title,
    roles: block.kind === BlockKind.Plenary ? [RoleName.Facilitator] : (block.roles ?? protocol.roles),
    rotateAt: RotateAt.Run,
    opening: [],
    round: block.phases,
    rounds: 1,
    closing: [],
  };
}

/** The question that opens a table block: the host's for this session, else the protocol's. */
export function questionOf(block: AgendaBlock, questions: Readonly<Record<string, string>>): string | null {
  if (block.kind !== BlockKind.Tables) return null;
  const own = questions[block.id];
  if (own !== undefined) return own.length > 0 ? own : null;
  return block.question ?? null;
}

/** Total planned minutes of an agenda, in ms. */
export function agendaDurationMs(agenda: readonly AgendaBlock[]): number {
  return agenda.reduce((sum, block) => sum + block.phases.reduce((s, phase) => s + phase.durationMs, 0), 0);
}
