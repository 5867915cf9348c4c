/**
 * Where a session is in its agenda: the current block, the block each run belongs to, and the
 * protocol a run steps through. Pure reads of the session control.
 */
import type { Protocol } from '../protocols/definition.js';
import { BlockKind, PLENARY_RUN, blockProtocol, type AgendaBlock } from './agenda.js';
import type { SessionControl } from './sessionTypes.js';

/** The block going on now, or null (before the start, after the end, or not a convening). */
export function currentBlock(control: SessionControl): AgendaBlock | null {
  return control.convening ? (control.agenda[control.block] ?? null) : null;
}

/** Whether the convening's agenda has started and not ended. */
export function agendaGoing(control: SessionControl): boolean {
  return control.convening && control.block >= 0 && control.block < control.agenda.length;
}

/** Whether the convening's agenda ran to its end. */
export function agendaOver(control: SessionControl): boolean {
  return control.convening && control.agenda.length > 0 && control.block >= control.agenda.length;
}

/** The nearest block of `kind` at or after `from`, else the nearest before it. */
function nearestBlock(agenda: readonly AgendaBlock[], from: number, kind: BlockKind): AgendaBlock | null {
  const start = Math.max(0, Math.min(from, agenda.length - 1));
  for (let i = start; i < agenda.length; i++) if (agenda[i]?.kind === kind) return agenda[i] as AgendaBlock;
  for (let i = start - 1; i >= 0; i--) if (agenda[i]?.kind === kind) return agenda[i] as AgendaBlock;
  return null;
}

/**
 * The block a run steps through: the current block when it is of the run's kind; otherwise the
 * next one of that kind (table runs wait in the lobby through the opening), else the last one
 * (table runs stay done through the closing).
 */
export function blockOfRun(control: SessionControl, runKey: string): AgendaBlock | null {
  if (!control.convening || control.agenda.length === 0) return null;
  const kind = runKey === PLENARY_RUN ? BlockKind.Plenary : BlockKind.Tables;
  return nearestBlock(control.agenda, control.block, kind);
}

/** The protocol a run steps through: the whole protocol at a single table, else its block's phases. */
export function runProtocolOf(control: SessionControl, protocol: Protocol, runKey: string): Protocol {
  const block = blockOfRun(control, runKey);
  return block ? blockProtocol(protocol, block) : protocol;
}

/** The run keys of the current block (the plenary's run, or every table's). */
export function currentRunKeys(control: SessionControl): string[] {
  const block = currentBlock(control);
  if (!block) return [];
  return block.kind === BlockKind.Plenary ? [PLENARY_RUN] : control.tables.map((t) => t.id);
}
