/**
 * The agenda moving on: entering a block (the plenary's run, or a table round with its seating:
 * travelers move in a café, groups stay otherwise), and settling — catching up every deadline of
 * the current block and moving to the next block when all its runs are done, at the exact moment
 * the last one finished, unless the host holds the round. Pure; `now` comes from the context.
 */
import { RunStatus, applyControl, catchUp, initialControlState, type Actor, type ControlState } from '../protocols/control.js';
import { mixSeed } from '../protocols/random.js';
import { BlockKind, PLENARY_RUN, type AgendaBlock } from './agenda.js';
import { addRoundToHistory } from './pairs.js';
import { agendaGoing, currentRunKeys } from './position.js';
import { freshRun, reseat, runContext, sessionRoleCounts } from './tableSeating.js';
import { Gathering, type SessionContext, type SessionControl } from './sessionTypes.js';

/** The server itself starting a block's runs (the host's authority, nobody's identity). */
const AGENDA: Actor = { participantId: '', isHost: true, isObserver: false };

/** Starts a run at `at` (its first deadline counts from then). */
function startRun(run: ControlState, control: SessionControl, context: SessionContext, key: string, at: number): ControlState {
  if (run.status !== RunStatus.Lobby) return run;
  const started = applyControl(run, { action: 'start' }, AGENDA, { ...runContext(control, context, key), now: at });
  return started.ok ? started.state : run;
}

/** Ends every run of the current block now (each marked done at `at`). */
export function endCurrentRuns(control: SessionControl, at: number): SessionControl {
  const runs = { ...control.runs };
  for (const key of currentRunKeys(control)) {
    const run = runs[key];
    if (!run || run.status === RunStatus.Done) continue;
    runs[key] = {
      ...run,
      status: RunStatus.Done,
      endsAt: null,
      remainingMs: 0,
      overAt: null,
      ready: [],
      offer: null,
      facilitatorAwaySince: null,
      doneAt: at,
      version: run.version + 1,
    };
  }
  return { ...control, runs, summonPaused: [] };
}

/** The same tables for the next round (groups stay together; roles rotate in fresh runs). */
function keepTables(control: SessionControl, context: SessionContext, round: number): SessionControl {
  const counts = sessionRoleCounts(control, context);
  const next: SessionControl = {
    ...control,
    round,
    history: addRoundToHistory(control.history, { tables: control.tables.map((t) => t.members), hosts: [] }),
    pastRounds: [...control.pastRounds, { round: control.round, tables: control.tables }],
    pastRoleCounts: counts,
    privateWriting: {},
  };
  const runs = { ...control.runs };
  for (const [t, table] of next.tables.entries()) runs[table.id] = freshRun(next, context, table, t, counts);
  return { ...next, runs };
}

/** Seats the tables for a table block: the planned seating for the first round, else reseated or kept. */
function seatFor(control: SessionControl, context: SessionContext, block: AgendaBlock): SessionControl {
  const first = !control.agenda.slice(0, control.block).some((b) => b.kind === BlockKind.Tables);
  if (first) {
    const runs = { ...control.runs };
    control.tables.forEach((table, t) => {
      if (runs[table.id]?.status !== RunStatus.Lobby)
        runs[table.id] = freshRun(control, context, table, t, sessionRoleCounts(control, context));
    });
    return { ...control, runs };
  }
  return block.reseat ? reseat(control, context, block.round) : keepTables(control, context, block.round);
}

/**
 * Enters block `index` at `at`: a plenary block starts the plenary's run with everyone together;
 * a table block seats the round and starts every table's run. Past the last block, the agenda is
 * over. Broadcasts, the spotlight and the host's hold belong to the block that ended.
 */
export function enterBlock(control: SessionControl, context: SessionContext, index: number, at: number): SessionControl {
  const ended = endCurrentRuns(control, at);
  const base: SessionControl = { ...ended, block: index, hold: false, broadcast: null, spotlight: null, talk: {} };
  const block = control.agenda[index];
  if (!block) return { ...base, block: control.agenda.length };
  if (block.kind === BlockKind.Plenary) {
    const fresh = initialControlState(runContext(base, context, PLENARY_RUN).protocol, mixSeed(control.seed, 7_000 + index));
    const plenary = startRun(fresh, base, context, PLENARY_RUN, at);
    return { ...base, gathering: Gathering.Plenary, runs: { ...base.runs, [PLENARY_RUN]: plenary } };
  }
  const seated = seatFor(base, context, block);
  const runs = { ...seated.runs };
  for (const table of seated.tables) {
    const run = runs[table.id];
    if (run) runs[table.id] = startRun(run, seated, context, table.id, at);
  }
  const seating = { round: block.round, blockId: block.id, at, tables: seated.tables };
  return { ...seated, runs, gathering: Gathering.Tables, seatings: [...seated.seatings, seating] };
}

/** The result of settling: the state (the same object when nothing was due) and what changed. */
export interface Settled {
  control: SessionControl;
  /** The block changed (everyone's view changed). */
  moved: boolean;
  /** Runs whose state changed without the block changing. */
  runs: string[];
}

/**
 * Catches up every deadline of the current block that passed by `context.now`; when every run of
 * the block is done and the host does not hold it, enters the next block at the moment the last
 * run finished (so a server that was down catches up as if it never stopped).
 */
export function settle(control: SessionControl, context: SessionContext): Settled {
  let current = control;
  let moved = false;
  const changed = new Set<string>();
  for (let guard = 0; guard <= control.agenda.length + 1 && agendaGoing(current); guard++) {
    const keys = currentRunKeys(current);
    const runs = { ...current.runs };
    for (const key of keys) {
      const run = runs[key];
      if (!run) continue;
      const caught = catchUp(run, runContext(current, context, key));
      if (caught === run) continue;
      runs[key] = caught;
      changed.add(key);
    }
    current = changed.size > 0 ? { ...current, runs } : current;
    const blockRuns = keys.map((key) => current.runs[key]);
    if (current.hold || blockRuns.some((run) => run?.status !== RunStatus.Done)) break;
    const finishedAt = blockRuns.map((run) => run?.doneAt ?? context.now);
    const at = finishedAt.length > 0 ? Math.min(context.now, Math.max(...finishedAt)) : context.now;
    current = enterBlock(current, context, current.block + 1, at);
    moved = true;
  }
  return { control: current, moved, runs: [...changed] };
}
