/**
 * Cross-node document sync over Redis pub/sub (`REDIS_URL`). A node holding a document relays
 * the updates it accepted, once committed, and its awareness changes to the other nodes holding it,
 * on the channel `wt:doc:<docKey>`, and applies theirs without storing them again: each update
 * is stored once, by the node its client sent it to.
 *
 * Missing nothing: a node subscribes to a document's channel *before* loading it from storage,
 * buffers what arrives meanwhile and applies it after the load; then it publishes its state
 * vector and every other node holding the document answers with whatever it has beyond it (its
 * updates not yet committed, say). The same state-vector exchange runs for every open document
 * when the Redis connection comes back after an outage, so nodes converge by state vectors, not
 * by hoping nothing was dropped.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { RelayHook } from '../relay/hooks.js';
import type { RelayLogger } from '../relay/relay.js';
import type { AwarenessChange } from '../relay/awarenessEntries.js';
import { REMOTE_ORIGIN, type Room } from '../relay/room.js';

/**
 * Message types on a document channel. `StateVector` asks "send me what I lack, and tell me your
 * state vector"; `StateVectorReply` only asks for what the sender lacks, so an exchange started by
 * either side covers both directions and ends.
 */
const Kind = { Update: 1, Awareness: 2, StateVector: 3, StateVectorReply: 4 } as const;
const NODE_ID_BYTES = 16;
const PREFIX = 'wt:doc:';

/** Counters for /metrics and the benchmark. */
export interface SyncCounters {
  published: number;
  received: number;
  /** Remote updates that changed nothing here (already known). */
  duplicates: number;
  publishFailures: number;
}

/** The relay hook that keeps a document in sync across nodes. */
export class RedisDocumentSync implements RelayHook {
  readonly name = 'redis-sync';
  readonly nodeId = crypto.randomBytes(NODE_ID_BYTES);
  readonly counters: SyncCounters = { published: 0, received: 0, duplicates: 0, publishFailures: 0 };
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly rooms = new Map<string, Room>();
  /** Messages that arrived while a document was loading, applied once it has loaded. */
  private readonly buffers = new Map<string, Buffer[]>();
  private readonly awarenessListeners = new Map<string, (change: AwarenessChange, origin: unknown) => void>();
  private connected = false;
  /** A message could not be sent: exchange state vectors once Redis is back. */
  private needsCatchUp = false;
  private lastError: string | null = null;

  constructor(
    url: string,
    private readonly logger: RelayLogger,
  ) {
    const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => {
        this.lastError = error.message;
      });
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
    for (const client of [this.pub, this.sub]) {
      client.on('ready', () => this.onReady());
      client.on('close', () => {
        if (this.connected) this.logger.warn({ err: this.lastError }, 'redis connection lost: serving local clients only until it returns');
        this.connected = false;
      });
    }
  }

  /** Whether cross-node sync works now, and why not. */
  status(): { ok: boolean; reason: string | null } {
    const ok = this.connected && this.pub.status === 'ready';
    return {
      ok,
      reason: ok
        ? null
        : `redis unreachable${this.lastError ? `: ${this.lastError}` : ''}; each node serves its own clients and catches up when it returns`,
    };
  }

  /** Both connections are up again: ask the other nodes, by state vector, for whatever we missed. */
  private onReady(): void {
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
    if (this.connected && !this.needsCatchUp) return;
    this.connected = true;
    this.needsCatchUp = false;
    if (this.rooms.size > 0)
      this.logger.info({ documents: this.rooms.size }, 'redis is up: catching up every open document by state vector');
    // Resubscriptions are automatic (ioredis); each node that reconnects does the same, so both directions are covered.
    for (const room of this.rooms.values()) this.publish(room.docKey, Kind.StateVector, Y.encodeStateVector(room.doc));
  }

  async onLoadDocument(room: Room): Promise<void> {
    this.buffers.set(room.docKey, []);
    try {
      await this.sub.subscribe(PREFIX + room.docKey);
    } catch (error) {
      // Redis is down: serve from storage; the state-vector exchange on reconnect catches up.
      this.lastError = error instanceof Error ? error.message : String(error);
    }
  }

  afterLoadDocument(room: Room): void {
    const key = room.docKey;
    this.rooms.set(key, room);
    const buffered = this.buffers.get(key) ?? [];
    this.buffers.delete(key);
    for (const message of buffered) this.apply(room, message);
    const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) return;
      const changed = added.concat(updated, removed);
      if (changed.length > 0) this.publish(key, Kind.Awareness, encodeAwarenessUpdate(room.awareness, changed));
    };
    room.awareness.on('update', onAwareness);
    this.awarenessListeners.set(key, onAwareness);
    this.publish(key, Kind.StateVector, Y.encodeStateVector(room.doc));
  }

  /**
   * Relays updates once they are committed, never before: if this node dies before committing,
   * no other node holds an update that storage lacks (which would leave later updates unable to
   * integrate); the client still has it and sends it to whichever node it reconnects to.
   */
  committed(batch: readonly { docKey: string; update: Uint8Array }[]): void {
    for (const { docKey, update } of batch) this.publish(docKey, Kind.Update, update);
  }

  afterUnloadDocument(docKey: string): void {
    const room = this.rooms.get(docKey);
    const listener = this.awarenessListeners.get(docKey);
    if (room && listener) room.awareness.off('update', listener);
    this.awarenessListeners.delete(docKey);
    this.rooms.delete(docKey);
    this.buffers.delete(docKey);
    this.sub.unsubscribe(PREFIX + docKey).catch(() => undefined);
  }

  async onShutdown(): Promise<void> {
    // QUIT lets commands in flight finish instead of rejecting unheard.
    await Promise.all([this.pub, this.sub].map((client) => client.quit().catch(() => client.disconnect())));
  }

  private publish(docKey: string, kind: number, payload: Uint8Array): void {
    if (this.pub.status !== 'ready') {
      this.counters.publishFailures++;
      this.needsCatchUp = true;
      return;
    }
    const message = Buffer.allocUnsafe(1 + NODE_ID_BYTES + payload.byteLength);
    message[0] = kind;
    this.nodeId.copy(message, 1);
    message.set(payload, 1 + NODE_ID_BYTES);
    this.counters.published++;
    this.pub.publish(PREFIX + docKey, message).catch(() => {
      this.counters.publishFailures++;
      this.needsCatchUp = true;
    });
  }

  private received(channel: string, message: Buffer): void {
    if (!channel.startsWith(PREFIX) || message.byteLength < 1 + NODE_ID_BYTES) return;
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(this.nodeId)) return;
    this.counters.received++;
    const key = channel.slice(PREFIX.length);
    const buffer = this.buffers.get(key);
    if (buffer) {
      buffer.push(message);
      return;
    }
    const room = this.rooms.get(key);
    if (room) this.apply(room, message);
  }

  private apply(room: Room, message: Buffer): void {
    const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + NODE_ID_BYTES, message.byteLength - 1 - NODE_ID_BYTES);
    try {
      switch (message[0]) {
        case Kind.Update:
          if (!room.applyRemoteUpdate(payload)) this.counters.duplicates++;
          break;
        case Kind.Awareness:
          applyAwarenessUpdate(room.awareness, payload, REMOTE_ORIGIN);
          break;
        case Kind.StateVector:
        case Kind.StateVectorReply: {
          const missing = Y.encodeStateAsUpdate(room.doc, payload);
          // An update with no structs and no deletions is two zero bytes: nothing to send.
          if (missing.byteLength > 2) this.publish(room.docKey, Kind.Update, missing);
          if (message[0] === Kind.StateVector) this.publish(room.docKey, Kind.StateVectorReply, Y.encodeStateVector(room.doc));
          break;
        }
      }
    } catch (error) {
      this.logger.error({ err: error, doc: room.docKey }, 'could not apply a message from another node');
    }
  }
}
