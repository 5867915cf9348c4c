/**
 * A token bucket per connection: `burst` messages at once, then `perSecond`, refilled
 * continuously. What one socket sends beyond it is refused before any work is done for it, so a
 * single flooding client cannot make the server store, fan out or answer late for everyone else.
 * Used for the call signals (callSignaling.ts) and the control actions (controlPlane.ts); each
 * keeps its own buckets, so one never spends the other's allowance. In memory, per node; the
 * buckets go with their sockets (weakly held).
 */

/** A rate: messages at once, and per second after. */
export interface SocketRate {
  burst: number;
  perSecond: number;
}

/** One bucket per socket (any object), spent one message at a time. */
export class SocketRateLimit<Key extends object> {
  private readonly buckets = new WeakMap<Key, { tokens: number; at: number }>();

  constructor(
    private readonly rate: SocketRate,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token of `key`'s bucket; false (and nothing taken) when it is empty. */
  spend(key: Key): boolean {
    const now = this.now();
    const { burst, perSecond } = this.rate;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perSecond) / 1000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
