/**
 * Options of the relay benchmark, from CLI flags (`--rooms 50` or `--rooms=50`) or environment
 * variables (`BENCH_ROOMS=50`); flags win. Every option has a default so `npm run bench` runs the
 * target scenario.
 */

/**
 * Servers the benchmark can run: Worktable on SQLite, Hocuspocus 4 in memory, the reference in memory, the reference
 * persisting to LevelDB, Worktable on PostgreSQL (one node), two Worktable nodes sharing
 * PostgreSQL and syncing over Redis (issue #7), and the floor: a relay that only forwards bytes.
 */
export const SERVER_CHOICES = [
  'worktable',
  'hocuspocus',
  'reference',
  'floor',
  'reference-leveldb',
  'worktable-postgres',
  'worktable-2nodes',
] as const;
/** One of `SERVER_CHOICES`. */
export type ServerChoice = (typeof SERVER_CHOICES)[number];

function isServerChoice(name: string): name is ServerChoice {
  return (SERVER_CHOICES as readonly string[]).includes(name);
}

/** The scenarios of issue #8, in the order `--scenario all` runs them. */
export const SCENARIOS = ['convening', 'hot-room', 'many-idle', 'join-storm', 'large-doc', 'awareness'] as const;
/** One of `SCENARIOS`. */
export type Scenario = (typeof SCENARIOS)[number];
/** Scenarios that run the steady writer load of `LoadRun`. */
export type LoadScenario = 'convening' | 'hot-room' | 'many-idle';

/** The shape of a steady-load scenario. */
export interface LoadShape {
  /** Rooms (documents); each gets `clients` connections. */
  rooms: number;
  /** Connections per room. */
  clients: number;
  /** Connections per room that write; the others only receive. */
  writers: number;
  /** Changes per second of each writer. */
  hz: number;
  /** Length of the measured window. */
  seconds: number;
  /** Load before the measured window starts (not measured). */
  warmupSeconds: number;
  /** Longest wait after the window for in-flight updates before declaring them lost. */
  drainSeconds: number;
  /** Generator processes the connections are spread over (each room's clients alternate between them). */
  generators: number;
}

/** Generator processes by default: two, so the load of one process never caps the hot room. */
const DEFAULT_GENERATORS = 2;

/**
 * The steady-load scenarios: a convening (50 rooms × 20, 2 writers per room at 5 Hz), a hot room
 * (1 room × 200, 10 writers at 20 Hz) and many idle connections (5,000 in 250 rooms of 20, one
 * writer per room at 0.2 Hz: 50 changes/s over the whole server).
 */
export const LOAD_PRESETS: Record<LoadScenario, LoadShape> = {
  convening: { rooms: 50, clients: 20, writers: 2, hz: 5, seconds: 20, warmupSeconds: 5, drainSeconds: 15, generators: DEFAULT_GENERATORS },
  'hot-room': {
    rooms: 1,
    clients: 200,
    writers: 10,
    hz: 20,
    seconds: 20,
    warmupSeconds: 5,
    drainSeconds: 15,
    generators: DEFAULT_GENERATORS,
  },
  'many-idle': {
    rooms: 250,
    clients: 20,
    writers: 1,
    hz: 0.2,
    seconds: 30,
    warmupSeconds: 5,
    drainSeconds: 15,
    generators: DEFAULT_GENERATORS,
  },
};

/** The same scenarios, small enough to prove in a few seconds that everything works (`--smoke`, CI). */
export const SMOKE_PRESETS: Record<LoadScenario, LoadShape> = {
  convening: { rooms: 3, clients: 4, writers: 2, hz: 5, seconds: 2, warmupSeconds: 1, drainSeconds: 10, generators: DEFAULT_GENERATORS },
  'hot-room': { rooms: 1, clients: 12, writers: 3, hz: 20, seconds: 2, warmupSeconds: 1, drainSeconds: 10, generators: DEFAULT_GENERATORS },
  'many-idle': {
    rooms: 10,
    clients: 10,
    writers: 1,
    hz: 1,
    seconds: 2,
    warmupSeconds: 1,
    drainSeconds: 10,
    generators: DEFAULT_GENERATORS,
  },
};

/** Validated benchmark options. */
export interface BenchOptions {
  /** Scenarios to run, in order. */
  scenarios: Scenario[];
  /** Load-shape values given on the command line; they replace the preset's in every steady-load scenario. */
  overrides: Partial<LoadShape>;
  /** Small versions of every scenario (for CI: proves the suite works, measures nothing worth keeping). */
  smoke: boolean;
  /** Servers to run, in order. */
  servers: ServerChoice[];
  /** Keep Worktable's data folder (and PostgreSQL database) instead of deleting it. */
  keepData: boolean;
}

/** The load shape of `scenario`: its preset (or smoke preset) with the command line's overrides. */
export function loadShape(scenario: LoadScenario, options: BenchOptions): LoadShape {
  const shape = { ...(options.smoke ? SMOKE_PRESETS : LOAD_PRESETS)[scenario], ...options.overrides };
  if (shape.writers > shape.clients) {
    throw new OptionError(`--writers (${shape.writers}) cannot exceed the clients per room (${shape.clients}) of ${scenario}`);
  }
  return shape;
}

interface IntegerSpec {
  key: 'rooms' | 'clients' | 'writers' | 'seconds' | 'warmupSeconds' | 'drainSeconds' | 'generators';
  flag: string;
  min: number;
  max: number;
}

const INTEGERS: readonly IntegerSpec[] = [
  { key: 'rooms', flag: 'rooms', min: 1, max: 10_000 },
  { key: 'clients', flag: 'clients', min: 2, max: 10_000 },
  { key: 'writers', flag: 'writers', min: 1, max: 1_000 },
  { key: 'seconds', flag: 'seconds', min: 1, max: 3_600 },
  { key: 'warmupSeconds', flag: 'warmup', min: 0, max: 600 },
  { key: 'drainSeconds', flag: 'drain', min: 1, max: 600 },
  { key: 'generators', flag: 'generators', min: 1, max: 64 },
];

/** Usage text printed by `--help` and after a bad option. */
export const USAGE = `Usage: npm run bench -- [options]
  --scenario L   comma-separated from ${SCENARIOS.join(', ')}, or all
                                                         default all  env BENCH_SCENARIO
                 convening  50 rooms × 20 clients, 2 writers/room at 5 Hz
                 hot-room   1 room × 200 clients, 10 writers at 20 Hz
                 many-idle  5,000 connections (250 rooms × 20), 1 writer/room at 0.2 Hz
                 join-storm 1,000 clients connect at once to 50 rooms that already hold work
                 large-doc  a table with 50,000 stored updates: load time and memory
                 awareness  200 clients in one room moving cursors at 10 Hz
  --smoke        every scenario scaled down to seconds (CI)            env BENCH_SMOKE=1
  For the steady-load scenarios (convening, hot-room, many-idle), these replace the preset:
  --rooms N      rooms (documents)                                     env BENCH_ROOMS
  --clients N    connections per room                                  env BENCH_CLIENTS
  --writers N    writing connections per room                          env BENCH_WRITERS
  --hz X         changes per second per writer                         env BENCH_HZ
  --seconds N    measured window                                       env BENCH_SECONDS
  --warmup N     load before the window (not measured)                 env BENCH_WARMUP
  --drain N      max wait for in-flight updates                        env BENCH_DRAIN
  --generators N load-generator processes (default 2)                  env BENCH_GENERATORS
  --servers L    comma-separated, in order, from worktable, hocuspocus, reference, floor,
                 reference-leveldb, worktable-postgres, worktable-2nodes
                 (hocuspocus = @hocuspocus/server 4 in memory, driven by @hocuspocus/provider;
                 reference = y-websocket 2.1 in memory;
                 floor = a relay that only forwards each frame to the room (no Yjs, no
                 storage): the least any relay costs on this machine;
                 reference-leveldb = with YPERSISTENCE;
                 worktable-postgres = one node on a fresh PostgreSQL database;
                 worktable-2nodes = two nodes on one fresh database, synced over Redis,
                 each room's clients alternating between them; these four run the
                 steady-load scenarios only)
                                      default worktable,hocuspocus,reference,floor   env BENCH_SERVERS
  --only S       shorthand for --servers S                            env BENCH_ONLY
  --keep-data    keep Worktable's data folder (and PostgreSQL database)  env BENCH_KEEP_DATA=1
Server settings such as FLUSH_INTERVAL_MS are passed to the Worktable server from the environment.
PostgreSQL and Redis for the worktable-postgres/-2nodes runs: BENCH_DATABASE_URL (a database the
bench connects to for CREATE/DROP DATABASE; default postgres://postgres@127.0.0.1:5432/test) and
BENCH_REDIS_URL (default redis://127.0.0.1:6379).`;

/** Thrown for a bad flag or value; the message says which. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

/** Parses `argv` (without node and script) and `env` into options; throws `OptionError`. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = readFlags(argv);
  const raw = (flag: string): string | undefined => {
    const fromFlag = flags.get(flag);
    if (fromFlag !== undefined) return fromFlag;
    const fromEnv = env[`BENCH_${flag.toUpperCase().replace(/-/g, '_')}`];
    return fromEnv === '' ? undefined : fromEnv;
  };

  const options: BenchOptions = {
    scenarios: [...SCENARIOS],
    overrides: {},
    smoke: isOn(raw('smoke')),
    servers: ['worktable', 'hocuspocus', 'reference', 'floor'],
    keepData: isOn(raw('keep-data')),
  };
  for (const spec of INTEGERS) {
    const text = raw(spec.flag);
    if (text !== undefined) options.overrides[spec.key] = integer(spec, text);
  }
  const hzText = raw('hz');
  if (hzText !== undefined) {
    const hz = Number(hzText);
    if (!Number.isFinite(hz) || hz <= 0 || hz > 1000)
      throw new OptionError(`--hz must be a number above 0 and at most 1000, got "${hzText}"`);
    options.overrides.hz = hz;
  }
  const scenarios = raw('scenario');
  if (scenarios !== undefined && scenarios.trim() !== 'all') {
    const names = scenarios.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !isScenario(name));
    if (unknown.length > 0) throw new OptionError(`unknown scenario "${unknown.join(', ')}"; choose from ${SCENARIOS.join(', ')} or all`);
    options.scenarios = [...new Set(names.filter(isScenario))];
  }
  const servers = raw('only') ?? raw('servers');
  if (servers !== undefined) {
    const names = servers.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !isServerChoice(name));
    if (unknown.length > 0 || names.length === 0) {
      throw new OptionError(`unknown server "${unknown.join(', ')}"; choose from ${SERVER_CHOICES.join(', ')}`);
    }
    options.servers = [...new Set(names.filter(isServerChoice))];
  }
  return options;
}

function isScenario(name: string): name is Scenario {
  return (SCENARIOS as readonly string[]).includes(name);
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value !== 'false';
}

/** Reads `--name value`, `--name=value` and bare boolean `--name` flags. */
function readFlags(argv: readonly string[]): Map<string, string> {
  const known = new Set(['hz', 'only', 'servers', 'scenario', 'smoke', 'keep-data', 'help', ...INTEGERS.map((spec) => spec.flag)]);
  const booleans = new Set(['keep-data', 'smoke', 'help']);
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new OptionError(`unexpected argument "${arg}"`);
    const name = match[1] as string;
    if (!known.has(name)) throw new OptionError(`unknown option --${name}`);
    let value = match[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (booleans.has(name)) value = '1';
      else if (next === undefined || next.startsWith('--')) throw new OptionError(`--${name} needs a value`);
      else {
        value = next;
        i++;
      }
    }
    flags.set(name, value);
  }
  if (flags.has('help')) throw new OptionError('');
  return flags;
}

function integer(spec: IntegerSpec, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < spec.min || value > spec.max) {
    throw new OptionError(`--${spec.flag} must be a whole number from ${spec.min} to ${spec.max}, got "${text}"`);
  }
  return value;
}
