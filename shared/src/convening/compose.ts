/**
 * An agenda the host composes by hand from protocols, e.g. check-in → norms → 1-2-4-All → café
 * rounds → harvest → closing circle. Each part is a protocol run where the host says: everyone
 * together (one plenary block), at the tables (one table block: a seating round), or as the
 * protocol maps itself (opening and closing in the plenary, each round a seating round). Table
 * blocks are numbered as seating rounds across the whole agenda; a café's later rounds reseat.
 */
import type { Protocol } from '../protocols/definition.js';
import { BlockKind, agendaOf, type AgendaBlock } from './agenda.js';

/** Where a part of a composed agenda runs. */
export const PartPlace = {
  Plenary: 'plenary',
  Tables: 'tables',
  /** As the protocol maps itself (agendaOf). */
  Own: 'own',
} as const;
/** One of `PartPlace`. */
export type PartPlace = (typeof PartPlace)[keyof typeof PartPlace];

/** Most parts an agenda may have. */
export const MAX_AGENDA_PARTS = 12;

/** One part the host chose: a protocol and where it runs. */
export interface AgendaPart {
  protocolId: string;
  place: PartPlace;
}

/** The outcome of composing. */
export type Composed = { ok: true; agenda: AgendaBlock[] } | { ok: false; message: string };

/** The blocks one part makes, before numbering. */
function blocksOf(protocol: Protocol, place: PartPlace): AgendaBlock[] {
  const own = agendaOf(protocol).map((block) => ({ ...block, roles: protocol.roles, protocolTitle: protocol.title }));
  if (place === PartPlace.Own) return own;
  const phases = own.flatMap((block) => block.phases);
  const kind = place === PartPlace.Plenary ? BlockKind.Plenary : BlockKind.Tables;
  return [{ id: '', kind, title: protocol.title, phases, round: 0, reseat: false, roles: protocol.roles, protocolTitle: protocol.title }];
}

/**
 * Composes an agenda from `parts`, finding each protocol with `find`. Table blocks become seating
 * rounds 1, 2, … in order (ids `round-N`); plenary blocks are `part-N`. Refuses an empty agenda,
 * too many parts or an unknown protocol, with a message for people.
 */
export function composeAgenda(parts: readonly AgendaPart[], find: (protocolId: string) => Protocol | undefined): Composed {
  if (parts.length === 0) return { ok: false, message: 'Add at least one part to the agenda.' };
  if (parts.length > MAX_AGENDA_PARTS) return { ok: false, message: `An agenda has at most ${MAX_AGENDA_PARTS} parts.` };
  const blocks: AgendaBlock[] = [];
  for (const [index, part] of parts.entries()) {
    const protocol = find(part.protocolId);
    if (!protocol) return { ok: false, message: `Part ${index + 1}: there is no protocol "${part.protocolId}".` };
    blocks.push(...blocksOf(protocol, part.place));
  }
  let round = 0;
  let plenary = 0;
  const agenda = blocks.map((block) => {
    if (block.kind === BlockKind.Plenary) return { ...block, id: `part-${++plenary}`, round: 0, reseat: false };
    round += 1;
    // A café's own later rounds reseat; the first seating round of the agenda never does.
    return {
      ...block,
      id: `round-${round}`,
      round,
      title:
        block.round > 0 && block.title.startsWith('Round ') ? `${block.protocolTitle ?? ''} · round ${block.round}`.trim() : block.title,
      reseat: round > 1 && block.reseat,
    };
  });
  if (round === 0) return { ok: false, message: 'Put at least one part at the tables: an agenda needs a seating round.' };
  return { ok: true, agenda };
}
