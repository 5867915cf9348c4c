import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseBytes } from './config.js';

/** The problems `loadConfig` names for `env`, one a line (fails when it accepts it). */
function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (caught) {
    expect(caught).toBeInstanceOf(ConfigError);
    return (caught as ConfigError).problems.join('\n');
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('C1 has working defaults: 127.0.0.1:8080, ./data, SQLite', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.flushIntervalMs).toBeLessThanOrEqual(100);
    expect(config.maxRelayWaitMs).toBe(20);
  });

  it('C2 reads values from the environment, treating empty strings as unset', () => {
    const config = loadConfig({
      PORT: '9001',
      HOST: '0.0.0.0',
      MAX_MESSAGE_BYTES: '4mb',
      TOKEN_SECRET: '',
      DOC_UNLOAD_GRACE_MS: '0',
      MAX_RELAY_WAIT_MS: '0',
    });
    expect(config.port).toBe(9001);
    expect(config.host).toBe('0.0.0.0');
    expect(config.maxMessageBytes).toBe(4 * 1024 * 1024);
    expect(config.tokenSecret).toBeUndefined();
    expect(config.docUnloadGraceMs).toBe(0);
    expect(config.maxRelayWaitMs).toBe(0);
  });

  it('C3 names every bad variable in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      TOKEN_SECRET: 'short',
      MAX_MESSAGE_BYTES: 'lots',
      FLUSH_INTERVAL_MS: '500',
      PUBLIC_URL: 'ftp://x',
      MAX_RELAY_WAIT_MS: '5000',
    });
    expect(problems).toMatch(/^PORT: must be a whole number/m);
    expect(problems).toMatch(/^TOKEN_SECRET: must be at least 32 characters/m);
    expect(problems).toMatch(/^MAX_MESSAGE_BYTES: must be a size/m);
    expect(problems).toMatch(/^FLUSH_INTERVAL_MS: must be at most 100/m);
    expect(problems).toMatch(/^MAX_RELAY_WAIT_MS: must be at most 1000/m);
    expect(problems).toMatch(/^PUBLIC_URL:/m);
  });

  it('C4 takes postgres and redis URLs, and refuses anything else with an example', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://wt@127.0.0.1:5432/wt' }).databaseUrl).toBe('postgres://wt@127.0.0.1:5432/wt');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(() => loadConfig({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
  });

  it('C5 parses sizes', () => {
    expect(parseBytes('1024')).toBe(1024);
    expect(parseBytes('512kb')).toBe(512 * 1024);
    expect(parseBytes('1.5 MB')).toBe(1.5 * 1024 * 1024);
    expect(parseBytes('nope')).toBeNaN();
  });

  it('C6 hostile-user limits: HTTP timeouts and connection cap, TRUST_PROXY forms, METRICS_TOKEN; bad values named', () => {
    const defaults = loadConfig({});
    expect(defaults.http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 120_000,
      keepAliveTimeoutMs: 72_000,
      maxConnections: 10_000,
    });
    expect(defaults.trustProxy).toBe(false);
    expect(defaults.metricsToken).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback', '::1']);
    const hops = loadConfig({ TRUST_PROXY: '1' }).trustProxy;
    expect(typeof hops === 'function' && [hops('a', 0), hops('b', 1)]).toEqual([true, false]);
    const problems = problemsOf({ TRUST_PROXY: 'everyone', MAX_CONNECTIONS: '5', HEADERS_TIMEOUT_MS: '10', METRICS_TOKEN: 'short' });
    expect(problems).toMatch(/^TRUST_PROXY: must be off, a hop count/m);
    expect(problems).toMatch(/^MAX_CONNECTIONS: must be at least 10/m);
    expect(problems).toMatch(/^HEADERS_TIMEOUT_MS: must be at least 100/m);
    expect(problems).toMatch(/^METRICS_TOKEN: must be at least 16 characters/m);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /REQUEST_TIMEOUT_MS: must be at least HEADERS_TIMEOUT_MS/,
    );
  });

  it('C7 presence limits: 32 KiB a state, 4 awareness clients a connection, 1 MiB a room (less when a message or a send buffer is smaller); a room cap a newcomer could not be sent is refused', () => {
    expect(loadConfig({}).presence).toEqual({ maxStateBytes: 32 * 1024, maxClientsPerConnection: 4, maxRoomBytes: 1024 * 1024 });
    expect(loadConfig({ MAX_AWARENESS_CLIENTS_PER_CONNECTION: '2', MAX_ROOM_AWARENESS_BYTES: '256kb' }).presence).toMatchObject({
      maxClientsPerConnection: 2,
      maxRoomBytes: 256 * 1024,
    });
    expect(loadConfig({ MAX_MESSAGE_BYTES: '64kb' }).presence.maxRoomBytes).toBe(63 * 1024);
    expect(loadConfig({ MAX_BUFFERED_BYTES: '512kb' }).presence.maxRoomBytes).toBe(512 * 1024);
    expect(() => loadConfig({ MAX_AWARENESS_CLIENTS_PER_CONNECTION: '0' })).toThrow(
      /MAX_AWARENESS_CLIENTS_PER_CONNECTION: must be at least 1/,
    );
    expect(() => loadConfig({ MAX_ROOM_AWARENESS_BYTES: '2mb' })).toThrow(
      /MAX_ROOM_AWARENESS_BYTES: must be at most 2096128 \(MAX_MESSAGE_BYTES less 1 KiB/,
    );
    expect(() => loadConfig({ MAX_ROOM_AWARENESS_BYTES: '1mb', MAX_BUFFERED_BYTES: '512kb' })).toThrow(
      /MAX_ROOM_AWARENESS_BYTES: must be at most 524288/,
    );
  });

  it('C8 session creation and connection limits: defaults, values, and bad values named', () => {
    const defaults = loadConfig({});
    expect(defaults.sessionsPerAddressPerHour).toBe(100);
    expect(defaults.createSessionSecret).toBeUndefined();
    expect(defaults.connectionCaps).toEqual({ perToken: 20, perAddress: 1000 });
    const set = loadConfig({
      SESSIONS_PER_ADDRESS_PER_HOUR: '500',
      CREATE_SESSION_SECRET: 'a-secret-of-16-chars',
      MAX_CONNECTIONS_PER_TOKEN: '5',
      MAX_CONNECTIONS_PER_ADDRESS: '50',
    });
    expect([set.sessionsPerAddressPerHour, set.createSessionSecret, set.connectionCaps]).toEqual([
      500,
      'a-secret-of-16-chars',
      { perToken: 5, perAddress: 50 },
    ]);
    const problems = problemsOf({
      SESSIONS_PER_ADDRESS_PER_HOUR: '0',
      CREATE_SESSION_SECRET: 'short',
      MAX_CONNECTIONS_PER_TOKEN: 'many',
      MAX_CONNECTIONS_PER_ADDRESS: '0',
    });
    expect(problems).toMatch(/^SESSIONS_PER_ADDRESS_PER_HOUR: must be at least 1/m);
    expect(problems).toMatch(/^CREATE_SESSION_SECRET: must be at least 16 characters/m);
    expect(problems).toMatch(/^MAX_CONNECTIONS_PER_TOKEN: must be a whole number/m);
    expect(problems).toMatch(/^MAX_CONNECTIONS_PER_ADDRESS: must be at least 1/m);
  });
});
