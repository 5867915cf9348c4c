/**
 * Setting up the event bench's café: the protocol (auto phases, later rounds reseat), the server
 * nodes and their storage, the participants' joins, and the CPU counters read around each part.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateSessionResponse, JoinSessionResponse } from '@worktable/shared';
import type { PersonSpec } from './eventProtocol.js';
import type { EventShape } from './eventReport.js';
import { machineBusyMicros, processCpuMicros } from './procStats.js';
import { BENCH_REDIS_URL, createBenchDatabase, type BenchDatabase } from './scaleout.js';
import { freePort, startServer, worktableSpec, type ServerProcess, type WorktableSetup } from './serverProcess.js';
import { postJson } from './targets.js';
import { monotonicMs } from './time.js';
import { Advance, type Protocol } from '@worktable/shared';
import { testPhase } from '@worktable/server/testing/fixtures';
import { benchCafe } from './benchProtocols.js';

/** A café of `rounds` rounds of auto phases; later rounds reseat. */
export function cafeProtocol(o: EventShape): Protocol {
  const round = Array.from({ length: o.phasesPerRound }, (_, i) =>
    testPhase(`talk-${i + 1}`, { title: `Talk ${i + 1}`, durationMs: o.phaseMs, advance: Advance.Auto }),
  );
  return benchCafe('bench-event', 'Event benchmark', round, o.rounds);
}

/** The server nodes of a run and where they store. */
export interface Deployment {
  nodes: ServerProcess[];
  dataDir: string;
  setup: WorktableSetup;
  database: BenchDatabase | null;
}

/** Starts `o.nodes` server processes: SQLite in a fresh folder for one, a fresh PostgreSQL database and Redis for more. */
export async function deploy(o: EventShape, log: (line: string) => void): Promise<Deployment> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-event-'));
  const deployment: Deployment = { nodes: [], dataDir, setup: {}, database: null };
  if (o.nodes > 1) {
    deployment.database = await createBenchDatabase();
    deployment.setup = {
      databaseUrl: deployment.database.url,
      redisUrl: BENCH_REDIS_URL,
      tokenSecret: crypto.randomBytes(32).toString('hex'),
    };
    log(`database ${deployment.database.name} (${deployment.database.settings})`);
  }
  // One after the other: the first migrates a fresh database.
  for (let i = 0; i < o.nodes; i++)
    deployment.nodes.push(
      await startServer(worktableSpec(await freePort(), dataDir, { ...deployment.setup, name: `Worktable node ${i + 1}` })),
    );
  return deployment;
}

/** Joins `count` participants (8 requests at a time); they get node `i % nodes`. */
export async function joinPeople(session: CreateSessionResponse, nodes: readonly ServerProcess[], count: number): Promise<PersonSpec[]> {
  const people = new Array<PersonSpec>(count);
  let next = 0;
  const joiner = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const name = `Person ${i + 1}`;
      const node = nodes[i % nodes.length] as ServerProcess;
      const joined = await postJson<JoinSessionResponse>(`${node.httpUrl}/api/sessions/${session.sessionId}/join`, {
        inviteCode: session.inviteCode,
        name,
      });
      people[i] = {
        participantId: joined.participantId,
        name,
        token: joined.token,
        controlUrl: node.httpUrl,
        docUrlBase: `${node.wsUrl}/yjs/${encodeURIComponent(session.sessionId)}/`,
      };
    }
  };
  await Promise.all(Array.from({ length: 8 }, joiner));
  return people;
}

/** CPU counters at one moment, µs: each node, the participant processes with this one, the whole machine. */
export interface CpuReading {
  at: number;
  nodes: number[];
  clients: number;
  machine: number;
}

/** Reads the counters of `nodes` and of the processes `clientPids` (this process counted with them). */
export function readCpu(nodes: readonly ServerProcess[], clientPids: readonly number[]): CpuReading {
  const own = process.cpuUsage();
  return {
    at: monotonicMs(),
    nodes: nodes.map((n) => n.cpuMicros()),
    clients: own.user + own.system + clientPids.reduce((sum, pid) => sum + processCpuMicros(pid), 0),
    machine: machineBusyMicros(),
  };
}

/** Between two readings, % of one core: each node, the participant processes, and everything else on the machine. */
export function cpuShares(from: CpuReading, to: CpuReading): { nodes: number[]; clients: number; background: number } {
  const percent = (micros: number): number => (micros / 1000 / (to.at - from.at)) * 100;
  const nodes = to.nodes.map((micros, i) => micros - (from.nodes[i] ?? 0));
  const clients = to.clients - from.clients;
  const background = to.machine - from.machine - clients - nodes.reduce((sum, micros) => sum + micros, 0);
  return { nodes: nodes.map(percent), clients: percent(clients), background: Math.max(0, percent(background)) };
}
