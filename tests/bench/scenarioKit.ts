/**
 * What the scenarios beyond the steady load (join storm, large document, awareness) share: the
 * three servers every scenario runs (Worktable with persistence, Hocuspocus and the reference in
 * memory), how to make rooms and clients on each, and how a scenario reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_FACTORIES, type ClientKind, type LoadClientFactory } from './clientKinds.js';
import { freePort, hocuspocusSpec, referenceSpec, startServer, worktableSpec, type ServerProcess } from './serverProcess.js';
import { referenceRooms, worktableRooms, type RoomPaths } from './targets.js';

/** The servers every scenario runs. */
export type CoreServer = 'worktable' | 'hocuspocus' | 'reference';

/** Column titles, shared with the steady-load tables. */
export const CORE_SERVER_NAMES: Record<CoreServer, string> = {
  worktable: 'Worktable (SQLite)',
  hocuspocus: 'Hocuspocus 4 (memory)',
  reference: 'y-websocket 2.1 (memory)',
};

/** The client each server is driven with. */
export const CORE_SERVER_CLIENTS: Record<CoreServer, ClientKind> = {
  worktable: 'y-websocket',
  hocuspocus: 'hocuspocus',
  reference: 'y-websocket',
};

/** A server started for one scenario. */
export interface ScenarioServer {
  choice: CoreServer;
  name: string;
  process: ServerProcess;
  /** Rooms with `clients` connection paths each (Worktable: sessions with a token per client). */
  rooms(count: number, clients: number): Promise<RoomPaths[]>;
  /** Makes the scenario's clients for this server. */
  clients: LoadClientFactory;
  /** Worktable's data folder (null for the in-memory baselines). */
  dataDir: string | null;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

/** Starts `choice`; Worktable gets a fresh data folder and `env` on top of its defaults. */
export async function startScenarioServer(choice: CoreServer, env: Record<string, string> = {}): Promise<ScenarioServer> {
  const port = await freePort();
  if (choice !== 'worktable') {
    const spec = choice === 'hocuspocus' ? hocuspocusSpec(port) : referenceSpec(port);
    const process = await startServer(spec);
    return {
      choice,
      name: CORE_SERVER_NAMES[choice],
      process,
      rooms: async (count, clients) => referenceRooms(count, clients),
      clients: CLIENT_FACTORIES[CORE_SERVER_CLIENTS[choice]],
      dataDir: null,
      stop: async () => {
        await process.stop();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-bench-'));
  const spec = worktableSpec(port, dataDir);
  const process = await startServer({ ...spec, env: { ...spec.env, ...env } });
  return {
    choice,
    name: CORE_SERVER_NAMES.worktable,
    process,
    rooms: (count, clients) => worktableRooms(process.httpUrl, count, clients),
    clients: CLIENT_FACTORIES[CORE_SERVER_CLIENTS.worktable],
    dataDir,
    stop: async () => {
      await process.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** How a scenario run is told where to write and whether it is the smoke version. */
export interface ScenarioContext {
  smoke: boolean;
  log(line: string): void;
  /** Worktable's server CPU (% of one core) in the hot room of this run, once measured. */
  hotRoomCpuPercent: number | null;
}

/** What a scenario concluded: whether it passed, and lines for the final summary. */
export interface ScenarioOutcome {
  ok: boolean;
  summary: string[];
}

/** A scenario beyond the steady load, run on each of `servers` in turn. */
export type ScenarioRunner = (servers: readonly CoreServer[], context: ScenarioContext) => Promise<ScenarioOutcome>;

/** A Markdown table: one row per label, one column per server. */
export function scenarioTable(columns: readonly string[], rows: ReadonlyArray<[string, ...string[]]>): string {
  const table = [['', ...columns], ...rows];
  const widths = (table[0] ?? []).map((_, column) => Math.max(3, ...table.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(table[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...table.slice(1).map(line)].join('\n');
}

/** `0.42×`, or n/a when either side is missing. */
export function ratio(ours: number, theirs: number): string {
  const value = ours / theirs;
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

/** A number with `digits` decimals, or n/a when missing or not finite. */
export function fixed(value: number | null, digits = 1): string {
  return value !== null && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
