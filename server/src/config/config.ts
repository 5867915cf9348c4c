/**
 * Server configuration, read from the environment once at start and validated, so a bad value
 * stops the server with a message naming the variable instead of failing later.
 */
import path from 'node:path';
import {
  MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  MAX_AWARENESS_STATE_BYTES,
  MAX_ROOM_AWARENESS_BYTES,
  type PresenceLimits,
} from '../relay/presenceGuard.js';
import { MAX_RELAY_INTERVAL_MS } from '../relay/room.js';
import { parseAllowedOrigins } from '../security/origins.js';
import { z } from 'zod';
import { SIGNALS_PER_SECOND, SIGNAL_BURST, type IceSettings } from '../control/iceServers.js';
import { HTTP_LIMIT_DEFAULTS, type HttpLimits } from '../security/httpLimits.js';
import { TRUST_PROXY_PROBLEM, parseTrustProxy, type TrustProxy } from '../security/trustProxy.js';
import { CONTROL_ACTIONS_PER_SECOND, CONTROL_ACTION_BURST } from '../control/controlRate.js';
import type { SocketRate } from '../security/socketRateLimit.js';
import type { ConnectionCaps } from '../security/openConnections.js';

/**
 * A document's stored log is compacted once its entries hold this share of `MAX_DOC_BYTES`: the
 * limit is on what the document holds merged, and typing and deleting can leave a log far larger.
 */
export const COMPACT_AT_LOG_SHARE_OF_DOC_LIMIT = 0.8;

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const bytes = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*(b|kb|kib|mb|mib|gb|gib)?$/i, 'must be a size such as 1048576, 512kb or 4mb')
    .transform(parseBytes)
    .pipe(z.number().int().min(min, `must be at least ${min} bytes`).max(max, `must be at most ${max} bytes`));

/** Every environment variable the server reads, with its default and its constraints. */
export const configSchema = z.object({
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: integer(0, 65535).default(8080),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://worktable.example.org' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (use `openssl rand -hex 32`)').optional(),
  TOKEN_TTL_SECONDS: integer(60, 366 * 24 * 3600).default(14 * 24 * 3600),
  MAX_MESSAGE_BYTES: bytes(1024, 256 * 1024 * 1024).default(2 * 1024 * 1024),
  MAX_DOC_BYTES: bytes(4096, 2 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Largest awareness state one client sets; a larger one closes its connection (4413). */
  MAX_AWARENESS_BYTES: bytes(256, 1024 * 1024).default(MAX_AWARENESS_STATE_BYTES),
  /** Awareness client ids one connection may introduce (a browser tab uses one per document); entries for more are dropped. */
  MAX_AWARENESS_CLIENTS_PER_CONNECTION: integer(1, 256).default(MAX_AWARENESS_CLIENTS_PER_CONNECTION),
  /** Bytes the awareness states of one document may take together (every newcomer receives them in one message); entries past it are dropped. 1 MiB unless the message or buffer limits are smaller. */
  MAX_ROOM_AWARENESS_BYTES: bytes(1024, 256 * 1024 * 1024).optional(),
  MAX_BUFFERED_BYTES: bytes(64 * 1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Largest uploaded image or PDF; held in memory while it is checked and stored, and kept as one BLOB. */
  MAX_UPLOAD_BYTES: bytes(1024, 512 * 1024 * 1024).default(20 * 1024 * 1024),
  /** Files one session keeps, and their bytes together; a file past either is refused with 413 `session_full`. */
  MAX_UPLOADS_PER_SESSION: integer(1, 1_000_000).default(500),
  MAX_UPLOAD_BYTES_PER_SESSION: bytes(1024, 1024 * 1024 * 1024 * 1024).default(1024 * 1024 * 1024),
  /** Bytes of images one HTML or PDF record embeds (each image once, in the order they appear); images past it are named, not embedded. */
  MAX_EXPORT_EMBED_BYTES: bytes(0, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  /** Records of one session rendered at the same time (exports and record links together); more wait with 429. */
  EXPORTS_PER_SESSION_AT_ONCE: integer(1, 100).default(2),
  DOC_UNLOAD_GRACE_MS: integer(0, 3_600_000).default(30_000),
  FACILITATOR_GRACE_MS: integer(0, 3_600_000).default(30_000),
  FLUSH_INTERVAL_MS: integer(1, 100).default(50),
  /** The longest a busy room holds a change to relay it merged with the next ones (it waits 0.16 ms per connection, up to this); 0: at once. */
  MAX_RELAY_WAIT_MS: integer(0, 1000).default(MAX_RELAY_INTERVAL_MS),
  /** Most bytes of changes held in memory while storage is unreachable; beyond it new changes are refused (4503). */
  MAX_PENDING_BYTES: bytes(64 * 1024, 4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  COMPACT_AFTER_UPDATES: integer(1, 10_000_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Origins whose pages may open WebSockets, comma-separated (`https://a.example,https://b.example`); same origin when unset. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Wrong invite codes allowed per client address and session per minute; then 429 for wrong codes until the bucket refills (right ones always join). */
  JOIN_FAILURES_PER_MINUTE: integer(1, 100_000).default(10),
  /** Sessions one client address may create per hour (a bucket of this many, refilled over the hour); then 429 until it refills. Shared by every node with REDIS_URL. */
  SESSIONS_PER_ADDRESS_PER_HOUR: integer(1, 1_000_000).default(100),
  /** When set, creating a session needs it in the `X-Create-Session-Secret` header; joining with an invite code never does. */
  CREATE_SESSION_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters (use `openssl rand -hex 16`)')
    .max(512, 'must be at most 512 characters')
    .optional(),
  /** Connections one token (one person of one session) may hold open at once on this node, counted for documents and for the control channel each; the next is refused. */
  MAX_CONNECTIONS_PER_TOKEN: integer(1, 100_000).default(20),
  /** Connections one client address may hold open at once on this node, counted for documents and for the control channel each; the next is refused. */
  MAX_CONNECTIONS_PER_ADDRESS: integer(1, 1_000_000).default(1000),
  /** Which proxies' `X-Forwarded-For` names the client: off (the socket's address), a hop count, or their addresses / CIDRs / `loopback`, `linklocal`, `uniquelocal`. */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((value) => parseTrustProxy(value) !== null, TRUST_PROXY_PROBLEM)
    .optional(),
  /** Most time a client may take to send a request's headers before the server answers 408 and closes the connection. */
  HEADERS_TIMEOUT_MS: integer(100, 600_000).default(HTTP_LIMIT_DEFAULTS.headersTimeoutMs),
  /** Most time a client may take to send a whole request (headers and body, an upload too) before 408. */
  REQUEST_TIMEOUT_MS: integer(100, 3_600_000).default(HTTP_LIMIT_DEFAULTS.requestTimeoutMs),
  /** How long an idle keep-alive HTTP connection stays open waiting for the next request. */
  KEEP_ALIVE_TIMEOUT_MS: integer(1000, 600_000).default(HTTP_LIMIT_DEFAULTS.keepAliveTimeoutMs),
  /** Most open TCP connections (HTTP, WebSocket, socket.io) at once; the next ones are closed as they arrive. */
  MAX_CONNECTIONS: integer(10, 1_000_000).default(HTTP_LIMIT_DEFAULTS.maxConnections),
  /** When set, `GET /metrics` needs `Authorization: Bearer <token>`; open to anyone who reaches the port when unset. */
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (use `openssl rand -hex 32`)').optional(),
  /** Unknown or revoked record links allowed per client IP per minute; then 429 until the bucket refills. */
  RECORD_LINK_FAILURES_PER_MINUTE: integer(1, 100_000).default(10),
  /** ICE servers for the calls at the tables, comma-separated (`stun:stun.example.org:3478,turn:turn.example.org:3478`); none: browsers connect directly (a LAN, localhost). */
  ICE_SERVERS: z
    .string()
    .trim()
    .regex(
      /^(?:(?:stuns?|turns?):[^\s,]+)(?:\s*,\s*(?:stuns?|turns?):[^\s,]+)*$/i,
      'must be comma-separated stun:, stuns:, turn: or turns: addresses such as stun:stun.example.org:3478,turn:turn.example.org:3478',
    )
    .optional(),
  /** The TURN server's shared secret (coturn `static-auth-secret`); credentials are derived from it per person. */
  TURN_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters (use `openssl rand -hex 32`), the same as coturn’s static-auth-secret')
    .optional(),
  /** How long a person's TURN credentials stay valid. */
  TURN_TTL_SECONDS: integer(60, 24 * 3600).default(3600),
  /** `relay`: calls go only through the TURN server (participants never learn each other's addresses); `all`: direct when possible. */
  ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
  /** Above this many people in one table's call, video is off (audio only): a full mesh sends every stream to every peer. */
  CALL_MAX_VIDEO_PEERS: integer(2, 16).default(8),
  /** Most people in the plenary's audio-only call (a convening without a call link of its own); beyond it the host gives the plenary a call link. */
  CALL_MAX_PLENARY_PEERS: integer(2, 50).default(24),
  /** Call messages (signals, joins, updates) one connection may send at once; beyond it they are dropped and counted. */
  CALL_SIGNAL_BURST: integer(10, 10_000).default(SIGNAL_BURST),
  /** Call messages per second one connection may send after its burst. */
  CALL_SIGNALS_PER_SECOND: integer(1, 1_000).default(SIGNALS_PER_SECOND),
  /** Control actions (ready, next, votes, visits, speaking-time reports) one connection may send at once; beyond it they are refused (`rate_limited`) and counted. */
  CONTROL_ACTION_BURST: integer(5, 10_000).default(CONTROL_ACTION_BURST),
  /** Control actions per second one connection may send after its burst. */
  CONTROL_ACTIONS_PER_SECOND: integer(1, 1_000).default(CONTROL_ACTIONS_PER_SECOND),
  /** Chromium used to print the record to PDF; found in the usual places when unset. */
  CHROMIUM_PATH: z.string().optional(),
  /** PostgreSQL for several nodes (`postgres://user:password@host:5432/db`); the embedded SQLite file when unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL such as postgres://worktable@127.0.0.1:5432/worktable')
    .optional(),
  /** Redis for cross-node document sync and socket.io between nodes; one node alone when unset. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL such as redis://127.0.0.1:6379')
    .optional(),
});

/** Validated configuration. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  publicUrl: string | undefined;
  tokenSecret: string | undefined;
  tokenTtlSeconds: number;
  maxMessageBytes: number;
  maxDocBytes: number;
  /** Bytes of one awareness state, awareness client ids per connection and awareness bytes per room. */
  presence: PresenceLimits;
  maxBufferedBytes: number;
  maxUploadBytes: number;
  /** What one session may keep in uploads: files and bytes. */
  uploadsPerSession: { uploads: number; bytes: number };
  /** What rendering records may take: embedded image bytes per record, records per session at once. */
  exports: { embedBytes: number; perSessionAtOnce: number };
  docUnloadGraceMs: number;
  facilitatorGraceMs: number;
  flushIntervalMs: number;
  maxRelayWaitMs: number;
  maxPendingBytes: number;
  compactAfterUpdates: number;
  /** Bytes of log entries after which a document is compacted (`COMPACT_AT_LOG_SHARE_OF_DOC_LIMIT` of `MAX_DOC_BYTES`). */
  compactAfterLogBytes: number;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  chromiumPath: string | undefined;
  /** PostgreSQL connection string, when the store is Postgres. */
  databaseUrl: string | undefined;
  /** Redis connection string, when several nodes work together. */
  redisUrl: string | undefined;
  /** Origins allowed to open WebSockets (null: same origin). */
  allowedOrigins: string[] | null;
  joinFailuresPerMinute: number;
  /** Sessions one client address may create per hour. */
  sessionsPerAddressPerHour: number;
  /** The secret creating a session needs, or undefined when anyone may create one. */
  createSessionSecret: string | undefined;
  /** Connections open at once per token and per client address (on each node, for each plane). */
  connectionCaps: ConnectionCaps;
  recordLinkFailuresPerMinute: number;
  /** Which proxies name the client address (false: the socket's own address). */
  trustProxy: TrustProxy;
  /** Timeouts and the connection cap of the Node HTTP server. */
  http: HttpLimits;
  /** Bearer token `GET /metrics` requires, or undefined when it is open. */
  metricsToken: string | undefined;
  /** The calls' ICE servers, TURN secret and mesh cap. */
  ice: IceSettings;
  /** Control actions one connection may send at once and per second. */
  controlActionRate: SocketRate;
}

/** Room for the framing around a room's awareness states in one message (type, lengths, count). */
const AWARENESS_FRAMING_BYTES = 1024;

/** Names of the environment variables the server reads. */
export const CONFIG_ENV_NAMES: readonly string[] = Object.keys(configSchema.shape);

/** Thrown when the environment holds bad values; `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (empty strings count as unset). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const name of CONFIG_ENV_NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') input[name] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = parsed.data;
  if (c.ICE_TRANSPORT_POLICY === 'relay' && !/(^|,)\s*turns?:/i.test(c.ICE_SERVERS ?? '')) {
    throw new ConfigError(['ICE_TRANSPORT_POLICY: relay needs a turn: address in ICE_SERVERS (and TURN_SECRET)']);
  }
  if (c.ICE_SERVERS && /(^|,)\s*turns?:/i.test(c.ICE_SERVERS) && !c.TURN_SECRET) {
    throw new ConfigError([
      'TURN_SECRET: must be set when ICE_SERVERS has a turn: address (the same value as coturn’s static-auth-secret)',
    ]);
  }
  if (c.REQUEST_TIMEOUT_MS < c.HEADERS_TIMEOUT_MS) {
    throw new ConfigError([
      `REQUEST_TIMEOUT_MS: must be at least HEADERS_TIMEOUT_MS (${c.HEADERS_TIMEOUT_MS}), since a request's time includes its headers`,
    ]);
  }
  // Every newcomer receives a room's states in one message, and a stock client sends them back in one.
  const roomAwarenessCeiling = Math.min(c.MAX_MESSAGE_BYTES - AWARENESS_FRAMING_BYTES, c.MAX_BUFFERED_BYTES);
  if (c.MAX_ROOM_AWARENESS_BYTES !== undefined && c.MAX_ROOM_AWARENESS_BYTES > roomAwarenessCeiling) {
    throw new ConfigError([
      `MAX_ROOM_AWARENESS_BYTES: must be at most ${roomAwarenessCeiling} (MAX_MESSAGE_BYTES less 1 KiB, and MAX_BUFFERED_BYTES), since newcomers receive a room's states in one message and stock clients send them back in one`,
    ]);
  }
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL,
    tokenSecret: c.TOKEN_SECRET,
    tokenTtlSeconds: c.TOKEN_TTL_SECONDS,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    maxDocBytes: c.MAX_DOC_BYTES,
    presence: {
      maxStateBytes: c.MAX_AWARENESS_BYTES,
      maxClientsPerConnection: c.MAX_AWARENESS_CLIENTS_PER_CONNECTION,
      maxRoomBytes: c.MAX_ROOM_AWARENESS_BYTES ?? Math.min(MAX_ROOM_AWARENESS_BYTES, roomAwarenessCeiling),
    },
    maxBufferedBytes: c.MAX_BUFFERED_BYTES,
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    uploadsPerSession: { uploads: c.MAX_UPLOADS_PER_SESSION, bytes: c.MAX_UPLOAD_BYTES_PER_SESSION },
    exports: { embedBytes: c.MAX_EXPORT_EMBED_BYTES, perSessionAtOnce: c.EXPORTS_PER_SESSION_AT_ONCE },
    docUnloadGraceMs: c.DOC_UNLOAD_GRACE_MS,
    facilitatorGraceMs: c.FACILITATOR_GRACE_MS,
    flushIntervalMs: c.FLUSH_INTERVAL_MS,
    maxRelayWaitMs: c.MAX_RELAY_WAIT_MS,
    maxPendingBytes: c.MAX_PENDING_BYTES,
    compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
    compactAfterLogBytes: Math.floor(c.MAX_DOC_BYTES * COMPACT_AT_LOG_SHARE_OF_DOC_LIMIT),
    logLevel: c.LOG_LEVEL,
    chromiumPath: c.CHROMIUM_PATH,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    allowedOrigins: parseAllowedOrigins(c.ALLOWED_ORIGINS),
    joinFailuresPerMinute: c.JOIN_FAILURES_PER_MINUTE,
    sessionsPerAddressPerHour: c.SESSIONS_PER_ADDRESS_PER_HOUR,
    createSessionSecret: c.CREATE_SESSION_SECRET,
    connectionCaps: { perToken: c.MAX_CONNECTIONS_PER_TOKEN, perAddress: c.MAX_CONNECTIONS_PER_ADDRESS },
    recordLinkFailuresPerMinute: c.RECORD_LINK_FAILURES_PER_MINUTE,
    trustProxy: c.TRUST_PROXY === undefined ? false : (parseTrustProxy(c.TRUST_PROXY) ?? false),
    http: {
      headersTimeoutMs: c.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: c.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: c.MAX_CONNECTIONS,
    },
    metricsToken: c.METRICS_TOKEN,
    ice: {
      urls: c.ICE_SERVERS ? c.ICE_SERVERS.split(',').map((u) => u.trim()) : [],
      turnSecret: c.TURN_SECRET,
      turnTtlSeconds: c.TURN_TTL_SECONDS,
      maxVideoPeers: c.CALL_MAX_VIDEO_PEERS,
      transportPolicy: c.ICE_TRANSPORT_POLICY,
      maxPlenaryPeers: c.CALL_MAX_PLENARY_PEERS,
      signalBurst: c.CALL_SIGNAL_BURST,
      signalsPerSecond: c.CALL_SIGNALS_PER_SECOND,
    },
    controlActionRate: { burst: c.CONTROL_ACTION_BURST, perSecond: c.CONTROL_ACTIONS_PER_SECOND },
  };
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 };

/** Parses `4mb`, `512kb`, `1048576` into a byte count (units are powers of 1024). */
export function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return Number.NaN;
  const unit = (match[2] ?? '').toLowerCase() || 'b';
  return Math.round(Number(match[1]) * (UNITS[unit] ?? Number.NaN));
}
