/**
 * The session-creation allowance shared by every node through Redis (`REDIS_URL`): the same token
 * bucket as `LocalSessionQuota`, kept in a hash per address (`wt:quota:sessions:<address>`) and
 * spent by one Lua script, so two nodes taking at once never both take the last one. The time is
 * Redis's own (`TIME`), so the nodes' clocks do not matter. While Redis cannot be reached, each
 * node counts on its own (in memory) rather than letting everything through or refusing everyone.
 */
import { Redis } from 'ioredis';
import { LocalSessionQuota, SESSION_QUOTA_WINDOW_MS, type SessionQuota } from './sessionQuota.js';

/** Refills the bucket in KEYS[1] (ARGV: allowance, window ms), spends one; returns 0, or the ms to wait with nothing spent. */
const TAKE = `
local allowance = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or allowance
local at = tonumber(bucket[2]) or now
tokens = math.min(allowance, tokens + math.max(0, now - at) * allowance / window)
if tokens < 1 then return math.ceil((1 - tokens) * window / allowance) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], window)
return 0`;

/** The allowance counted in Redis, for every node at once. */
export class RedisSessionQuota implements SessionQuota {
  private readonly redis: Redis;
  private readonly fallback: LocalSessionQuota;

  constructor(
    url: string,
    private readonly perHour: number,
    private readonly onLimited: () => void = () => {},
  ) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      retryStrategy: (times: number) => Math.min(times * 200, 2_000),
    });
    this.redis.on('error', () => undefined);
    this.fallback = new LocalSessionQuota(perHour, onLimited);
  }

  async take(address: string): Promise<number> {
    let waitMs: unknown;
    try {
      waitMs = await this.redis.eval(TAKE, 1, `wt:quota:sessions:${address}`, String(this.perHour), String(SESSION_QUOTA_WINDOW_MS));
    } catch {
      return this.fallback.take(address);
    }
    if (typeof waitMs !== 'number' || waitMs <= 0) return 0;
    this.onLimited();
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  close(): void {
    this.redis.quit().catch(() => this.redis.disconnect());
  }
}
