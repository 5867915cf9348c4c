/**
 * A small per-key rate limit (a token bucket per key: a client address, or an address and a
 * session) for what people could use to guess: wrong invite codes, record links that do not work.
 * Only failures spend tokens, so a room of 200 people behind one school network joining at once is
 * never slowed. Also for what is costly to serve (PDFs printed through record links), where each
 * request spends one. And for sessions created per address (`sessionQuota.ts`), over an hour.
 * In memory, per node; a deployment behind a proxy should also limit there.
 */

/** A limit of `allowance` attempts per key and `windowMs` (a minute by default), refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly allowance: number,
    private readonly now: () => number = Date.now,
    /** Told each time `retryAfter` refuses (for the metrics). */
    private readonly onLimited: () => void = () => {},
    private readonly windowMs = 60_000,
  ) {}

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.allowance, at: now };
    bucket.tokens = Math.min(this.allowance, bucket.tokens + (now - bucket.at) * (this.allowance / this.windowMs));
    bucket.at = now;
    return bucket;
  }

  /** Seconds `key` must wait before its next attempt (0: go ahead). Spends nothing; a wait is counted as one refusal. */
  retryAfter(key: string): number {
    const bucket = this.refilled(key, this.now());
    if (bucket.tokens >= 1) return 0;
    this.onLimited();
    return Math.ceil((1 - bucket.tokens) / (this.allowance / this.windowMs) / 1000);
  }

  /** Spends one attempt of `key` (a failure). */
  take(key: string): void {
    const now = this.now();
    const bucket = this.refilled(key, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at > this.windowMs) this.buckets.delete(key);
  }
}
