/**
 * How many sessions one client address may create (`SESSIONS_PER_ADDRESS_PER_HOUR`): a token
 * bucket of that many, refilled continuously over an hour, so a facilitator (or a school behind
 * one address) starting a few dozen sessions a day is never refused, while a script creating
 * hundreds in a burst is. One node counts in memory (`LocalSessionQuota`); several nodes count
 * together in Redis (`RedisSessionQuota`, `redisSessionQuota.ts`), so adding a node adds no allowance.
 */
import { RateLimiter } from './rateLimit.js';

/** An hour: the window the allowance refills over. */
export const SESSION_QUOTA_WINDOW_MS = 3_600_000;

/** The session-creation allowance of client addresses. */
export interface SessionQuota {
  /** Spends one creation of `address`; resolves 0 when it was spent, or the seconds to wait when there is none left (nothing spent). */
  take(address: string): Promise<number>;
  /** Lets go of what it holds (a Redis connection). */
  close(): void;
}

/** The allowance counted in this process. */
export class LocalSessionQuota implements SessionQuota {
  private readonly limiter: RateLimiter;

  constructor(perHour: number, onLimited: () => void = () => {}, now: () => number = Date.now) {
    this.limiter = new RateLimiter(perHour, now, onLimited, SESSION_QUOTA_WINDOW_MS);
  }

  async take(address: string): Promise<number> {
    const wait = this.limiter.retryAfter(address);
    if (wait === 0) this.limiter.take(address);
    return wait;
  }

  close(): void {}
}
