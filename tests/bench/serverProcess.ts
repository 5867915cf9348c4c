/**
 * The server under test, run as its own process (spawned with this Node binary, never through
 * npx, so the pid is the server's) so its CPU can be measured apart from the load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, freePort } from '../support/serverProcess.js';
import { ONE_ADDRESS_ENV } from '@worktable/server/testing/services';
import { processCpuMicros, processMemory, type MemorySample } from './procStats.js';
import { sleep } from './time.js';

/** Re-exported from tests/support so bench code imports process helpers from one place. */
export { freePort };

/** How to start one server. */
export interface ServerSpec {
  /** Name for messages. */
  name: string;
  /** Arguments to `node`. */
  args: string[];
  /** Environment variables set on top of this process's environment (`undefined` removes one). */
  env: Record<string, string | undefined>;
  /** Port it will listen on (127.0.0.1). */
  port: number;
  /** HTTP path that answers 200 once the server is ready. */
  readyPath: string;
}

/** A running server process. */
export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` */
  readonly httpUrl: string;
  /** `ws://127.0.0.1:<port>` */
  readonly wsUrl: string;
  /** CPU time consumed so far, in microseconds. */
  cpuMicros(): number;
  /** Resident memory now and at peak. */
  memory(): MemorySample;
  /** The last lines the server wrote (for error messages). */
  outputTail(): string;
  /** Sends SIGTERM and resolves with the exit code (SIGKILL after `timeoutMs`, resolving null). */
  stop(timeoutMs?: number): Promise<number | null>;
  /** Sends SIGKILL (a crash: no shutdown work) and resolves once the process is gone. */
  kill(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const OUTPUT_TAIL_LINES = 40;
const running = new Set<ChildProcess>();

// Never leave a server behind if the benchmark dies.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Where a Worktable server stores and whom it syncs with, beyond its data folder. */
export interface WorktableSetup {
  /** Name for messages (default "Worktable"). */
  name?: string;
  /** PostgreSQL instead of SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Redis for cross-node sync (several nodes). */
  redisUrl?: string;
  /** Token secret; nodes that share a database must share it (default: kept in `dataDir`). */
  tokenSecret?: string;
}

/**
 * Worktable as `npm start` runs it (`node --expose-gc server/dist/main.mjs`, built by
 * `npm run build:server`), persisting to SQLite in `dataDir`, or to PostgreSQL with
 * `setup.databaseUrl`. DATABASE_URL, REDIS_URL and TOKEN_SECRET come from `setup` only, never
 * from this process's environment, so the SQLite run stays a SQLite run. The per-address limits
 * are lifted (`ONE_ADDRESS_ENV`): every simulated person connects from 127.0.0.1.
 */
export function worktableSpec(port: number, dataDir: string, setup: WorktableSetup = {}): ServerSpec {
  return {
    name: setup.name ?? 'Worktable',
    args: ['--expose-gc', 'server/dist/main.mjs'],
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DOC_UNLOAD_GRACE_MS: process.env.DOC_UNLOAD_GRACE_MS ?? '2000',
      DATABASE_URL: setup.databaseUrl,
      REDIS_URL: setup.redisUrl,
      TOKEN_SECRET: setup.tokenSecret,
      ...ONE_ADDRESS_ENV,
    },
    port,
    readyPath: '/healthz',
  };
}

/** The reference y-websocket 2.1 server: in memory, or persisting to LevelDB in `leveldbDir` (YPERSISTENCE). */
export function referenceSpec(port: number, leveldbDir?: string): ServerSpec {
  return {
    name: leveldbDir ? 'y-websocket 2.1 reference (LevelDB)' : 'y-websocket 2.1 reference',
    args: ['node_modules/y-websocket-reference/bin/server.cjs'],
    env: { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: leveldbDir },
    port,
    readyPath: '/',
  };
}

/** Hocuspocus 4 (`@hocuspocus/server`, defaults, in memory) started by `hocuspocusServer.mjs`. */
export function hocuspocusSpec(port: number): ServerSpec {
  return {
    name: 'Hocuspocus 4',
    args: ['tests/bench/hocuspocusServer.mjs'],
    env: { HOST: '127.0.0.1', PORT: String(port) },
    port,
    readyPath: '/',
  };
}

/** The floor: a relay that only forwards each frame to the room (`floorRelay.ts`), no Yjs, no storage. */
export function floorSpec(port: number): ServerSpec {
  return {
    name: 'floor (forward only)',
    args: ['--import', 'tsx', 'tests/bench/floorRelay.ts'],
    env: { HOST: '127.0.0.1', PORT: String(port) },
    port,
    readyPath: '/',
  };
}

/**
 * Starts a server and resolves once it answers HTTP; rejects with its output if it exits or hangs.
 * `BENCH_SERVER_NODE_ARGS` (space-separated, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is passed to `node`.
 */
export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(spec.env)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, ...spec.args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const tail: string[] = [];
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name} could not be started`);

  const httpUrl = `http://127.0.0.1:${spec.port}`;
  const outputTail = (): string => tail.join('\n');
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited) throw new Error(`${spec.name} exited before it was ready:\n${outputTail()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${spec.name} was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${outputTail()}`);
    }
    if (await answers(`${httpUrl}${spec.readyPath}`)) break;
    await sleep(100);
  }

  return {
    name: spec.name,
    pid,
    httpUrl,
    wsUrl: httpUrl.replace(/^http/, 'ws'),
    cpuMicros: () => processCpuMicros(pid),
    memory: () => processMemory(pid),
    outputTail,
    async kill() {
      if (hasExited) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 15_000) {
      if (hasExited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
