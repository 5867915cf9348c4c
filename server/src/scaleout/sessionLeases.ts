/**
 * Who keeps a session's timers: exactly one node at a time. On one node it is always that node
 * (`LocalLeases`); with Redis a node holds a lease per running session (`wt:lease:<sessionId>`,
 * set only if free, renewed every `LEASE_RENEW_MS`, lost after `LEASE_TTL_MS` without renewal),
 * so when a node dies another takes its sessions over within a few seconds. Leases only decide
 * who arms the timer: every change is still a compare-and-set on storage, so even two nodes
 * believing they own a session could not advance a phase twice.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';

/** How long a lease lasts without renewal. */
export const LEASE_TTL_MS = 6_000;
/** How often held leases are renewed (and free ones looked for). */
export const LEASE_RENEW_MS = 2_000;

/** Timer ownership of sessions. */
export interface Leases {
  /** Whether this node keeps the session's timers now. */
  owns(sessionId: string): boolean;
  /** Takes the lease if it is free (or already ours); resolves whether we hold it. */
  acquire(sessionId: string): Promise<boolean>;
  /** Gives the lease up (the session is over or unloaded here). */
  release(sessionId: string): void;
  /** Called with a session whose lease this node lost (stop its timers). */
  onLost(listener: (sessionId: string) => void): void;
  /** Whether several nodes share the work (leases are real). */
  readonly shared: boolean;
  close(): void;
}

/** One node: it owns everything. */
export class LocalLeases implements Leases {
  readonly shared = false;
  owns(): boolean {
    return true;
  }
  async acquire(): Promise<boolean> {
    return true;
  }
  release(): void {}
  onLost(): void {}
  close(): void {}
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Leases in Redis. */
export class RedisLeases implements Leases {
  readonly shared = true;
  private readonly redis: Redis;
  private readonly nodeId = crypto.randomBytes(9).toString('base64url');
  private readonly held = new Set<string>();
  private readonly listeners: ((sessionId: string) => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(url: string) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (times: number) => Math.min(times * 200, 2_000),
    });
    this.redis.on('error', () => undefined);
    this.timer = setInterval(() => void this.renewAll(), LEASE_RENEW_MS);
    this.timer.unref();
  }

  private key(sessionId: string): string {
    return `wt:lease:${sessionId}`;
  }

  owns(sessionId: string): boolean {
    return this.held.has(sessionId);
  }

  async acquire(sessionId: string): Promise<boolean> {
    if (this.held.has(sessionId)) return true;
    try {
      const set = await this.redis.set(this.key(sessionId), this.nodeId, 'PX', LEASE_TTL_MS, 'NX');
      const ours = set === 'OK' || (await this.redis.get(this.key(sessionId))) === this.nodeId;
      if (ours) this.held.add(sessionId);
      return ours;
    } catch {
      return false;
    }
  }

  release(sessionId: string): void {
    if (!this.held.delete(sessionId)) return;
    this.redis.eval(RELEASE, 1, this.key(sessionId), this.nodeId).catch(() => undefined);
  }

  onLost(listener: (sessionId: string) => void): void {
    this.listeners.push(listener);
  }

  private async renewAll(): Promise<void> {
    for (const sessionId of [...this.held]) {
      let kept = false;
      try {
        kept = (await this.redis.eval(RENEW, 1, this.key(sessionId), this.nodeId, String(LEASE_TTL_MS))) === 1;
      } catch {
        // Redis unreachable: we cannot prove we still hold it, and others cannot take it either
        // until it expires; stop arming timers only once it would have expired.
        kept = true;
      }
      if (!kept) {
        this.held.delete(sessionId);
        for (const listener of this.listeners) listener(sessionId);
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const sessionId of [...this.held]) this.release(sessionId);
    this.redis.quit().catch(() => this.redis.disconnect());
  }
}
