/**
 * Options of the relay benchmark, from CLI flags (`--rooms 50` or `--rooms=50`) or environment
 * variables (`BENCH_ROOMS=50`); flags win. Every option has a default so `npm run bench` runs the
 * target scenario.
 */

/**
 * Servers the benchmark can run: Worktable on SQLite, the reference in memory, the reference
 * persisting to LevelDB, Worktable on PostgreSQL (one node), and two Worktable nodes sharing
 * PostgreSQL and syncing over Redis (issue #7).
 */
export const SERVER_CHOICES = ['worktable', 'reference', 'reference-leveldb', 'worktable-postgres', 'worktable-2nodes'] as const;
/** One of `SERVER_CHOICES`. */
export type ServerChoice = (typeof SERVER_CHOICES)[number];

function isServerChoice(name: string): name is ServerChoice {
  return (SERVER_CHOICES as readonly string[]).includes(name);
}

/** Validated benchmark options. */
export interface BenchOptions {
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
  /** Servers to run, in order. */
  servers: ServerChoice[];
  /** Keep Worktable's data folder (and PostgreSQL database) instead of deleting it. */
  keepData: boolean;
}

interface IntegerSpec {
  key: 'rooms' | 'clients' | 'writers' | 'seconds' | 'warmupSeconds' | 'drainSeconds';
  flag: string;
  min: number;
  max: number;
  fallback: number;
}

const INTEGERS: readonly IntegerSpec[] = [
  { key: 'rooms', flag: 'rooms', min: 1, max: 10_000, fallback: 50 },
  { key: 'clients', flag: 'clients', min: 2, max: 1_000, fallback: 20 },
  { key: 'writers', flag: 'writers', min: 1, max: 1_000, fallback: 2 },
  { key: 'seconds', flag: 'seconds', min: 1, max: 3_600, fallback: 20 },
  { key: 'warmupSeconds', flag: 'warmup', min: 0, max: 600, fallback: 5 },
  { key: 'drainSeconds', flag: 'drain', min: 1, max: 600, fallback: 15 },
];

/** Usage text printed by `--help` and after a bad option. */
export const USAGE = `Usage: npm run bench -- [options]
  --rooms N      rooms (documents)                       default 50   env BENCH_ROOMS
  --clients N    connections per room                    default 20   env BENCH_CLIENTS
  --writers N    writing connections per room            default 2    env BENCH_WRITERS
  --hz X         changes per second per writer           default 5    env BENCH_HZ
  --seconds N    measured window                         default 20   env BENCH_SECONDS
  --warmup N     load before the window (not measured)   default 5    env BENCH_WARMUP
  --drain N      max wait for in-flight updates          default 15   env BENCH_DRAIN
  --servers L    comma-separated, in order, from worktable, reference, reference-leveldb,
                 worktable-postgres, worktable-2nodes
                 (reference = y-websocket 2.1 in memory; reference-leveldb = with YPERSISTENCE;
                 worktable-postgres = one node on a fresh PostgreSQL database;
                 worktable-2nodes = two nodes on one fresh database, synced over Redis,
                 each room's clients alternating between them)
                                            default worktable,reference   env BENCH_SERVERS
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
    rooms: 0,
    clients: 0,
    writers: 0,
    hz: 0,
    seconds: 0,
    warmupSeconds: 0,
    drainSeconds: 0,
    servers: ['worktable', 'reference'],
    keepData: false,
  };
  for (const spec of INTEGERS) {
    const text = raw(spec.flag);
    options[spec.key] = text === undefined ? spec.fallback : integer(spec, text);
  }
  const hzText = raw('hz');
  options.hz = hzText === undefined ? 5 : Number(hzText);
  if (!Number.isFinite(options.hz) || options.hz <= 0 || options.hz > 1000) {
    throw new OptionError(`--hz must be a number above 0 and at most 1000, got "${hzText ?? ''}"`);
  }
  if (options.writers > options.clients) {
    throw new OptionError(`--writers (${options.writers}) cannot exceed --clients (${options.clients})`);
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
  const keep = raw('keep-data');
  options.keepData = keep !== undefined && keep !== '0' && keep !== 'false';
  return options;
}

/** Reads `--name value`, `--name=value` and bare boolean `--name` flags. */
function readFlags(argv: readonly string[]): Map<string, string> {
  const known = new Set(['hz', 'only', 'servers', 'keep-data', 'help', ...INTEGERS.map((spec) => spec.flag)]);
  const booleans = new Set(['keep-data', 'help']);
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
