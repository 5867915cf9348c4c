/**
 * One open document: its Y.Doc, its awareness, and the connections editing it. A client's update
 * is applied, then relayed and stored as the very bytes it arrived in (updates accepted in the
 * same turn of the event loop are relayed merged, as one): Yjs updates are idempotent and
 * commutative, so peers and storage converge on what the server holds, and each message is framed
 * once for all recipients.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { AwarenessChange } from './awarenessEntries.js';
import type { Connection } from './connection.js';
import { DocumentSize } from './documentSize.js';
import type { DocumentAddress } from './address.js';
import { encodeAwareness, encodeSyncUpdate } from './messages.js';
import { DEFAULT_PRESENCE_LIMITS, PresenceGuard, type PresenceLimits } from './presenceGuard.js';
import { throttle } from './throttle.js';

/** What a room reports to the relay. */
export interface RoomListener {
  /** The document accepted an update from a connection (exactly the bytes that were applied). */
  changed(room: Room, update: Uint8Array): void;
  /** A message went to `recipients` connections. */
  broadcasted(room: Room, recipients: number, bytes: number): void;
}

/** Origin of updates and awareness from other server nodes. */
export const REMOTE_ORIGIN = Symbol('worktable:remote');

/** Origin of the server's own edits (`applyServerEdit`). */
export const SERVER_ORIGIN = Symbol('worktable:server');

/** Origin of transactions that replay stored state into a room. */
export const LOAD_ORIGIN = Symbol('worktable:load');

/**
 * Awareness (cursors, selections, who is here) is relayed at most once per this many ms per room:
 * the first change after a quiet spell goes out at once; changes that follow within the interval
 * are merged into one message carrying each changed client's latest state. 200 people moving
 * cursors 10 times a second then cost 20 messages a second per connection, not 2,000.
 */
export const AWARENESS_FLUSH_MS = 50;

/**
 * A busy room relays document updates at most once per this many ms for each connection in it,
 * and at least once per its longest wait (`MAX_RELAY_INTERVAL_MS` unless configured); an update
 * after a quiet spell goes out at the end of the turn that accepted it. A relay costs one socket
 * write per connection, so this caps the writes a room makes at about 6,000 a second until the cap on the wait takes over: a table of 20
 * waits at most 3.2 ms (its tail latency stays that of an unthrottled relay), a room of 200 with
 * ten people typing sends each client ≤ 50 merged messages a second instead of one per keystroke
 * anyone makes.
 */
export const RELAY_MS_PER_CONNECTION = 0.16;

/**
 * The longest a busy room holds an update before relaying it, by default (one 50 Hz frame;
 * `MAX_RELAY_WAIT_MS`); it binds rooms of more than 125 connections. Shorter trades server CPU
 * for latency in big rooms, 0 relays every turn's updates at once. 20 ms is where the hot-room
 * benchmark (200 connections) measured both half Hocuspocus's CPU per delivery and no more than
 * its p99 latency; 32 ms cost 0.35× its CPU but 1.4–1.7× its p99 (docs/BENCHMARKS.md).
 */
export const MAX_RELAY_INTERVAL_MS = 20;

/** How long a busy room with `connections` connections waits between relays, ms, at most `maxWaitMs`. */
export function relayIntervalMs(connections: number, maxWaitMs = MAX_RELAY_INTERVAL_MS): number {
  return Math.min(maxWaitMs, connections * RELAY_MS_PER_CONNECTION);
}

/** How a room relays. */
export interface RoomOptions {
  /** The longest a busy room holds an update before relaying it, ms (default `MAX_RELAY_INTERVAL_MS`). */
  maxRelayWaitMs?: number;
  /** How much presence a connection and the room may hold (default `DEFAULT_PRESENCE_LIMITS`). */
  presence?: PresenceLimits;
}

/** At most this many updates are merged into one relayed update. */
const MERGE_CHUNK = 32;

/** An accepted update waiting for the relay, with its frame if it has one and the connection it came from. */
interface QueuedUpdate {
  update: Uint8Array;
  message: Uint8Array | null;
  origin: Connection | null;
}

/** Marks a batch of awareness changes that came from more than one origin. */
const MIXED_ORIGINS = Symbol('worktable:mixed-origins');

/** An open document and who is connected to it. */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Who may change which awareness states, and within what bytes: every connection's awareness goes through it. */
  readonly presence: PresenceGuard;
  /** What the document holds once merged (the size `MAX_DOC_BYTES` limits), estimated between measurements. */
  readonly size = new DocumentSize(this.doc);
  /** Entries in the stored log since the last snapshot, including ones waiting to be written. */
  logLength = 0;
  /** Bytes of those entries. */
  logBytes = 0;

  private lastTransaction: Y.Transaction | null = null;
  /** Updates accepted and not yet relayed (`relayLater`). */
  private readonly pendingRelay: QueuedUpdate[] = [];
  private readonly relayThrottle = throttle(
    () => relayIntervalMs(this.connections.size, this.options.maxRelayWaitMs),
    () => this.relayPending(),
    'end-of-turn',
  );
  /** Awareness clients changed since the last relay, and where the changes came from. */
  private readonly pendingAwareness = new Set<number>();
  private pendingAwarenessOrigin: unknown = null;
  private readonly awarenessThrottle = throttle(AWARENESS_FLUSH_MS, () => this.flushAwareness(), 'now');

  constructor(
    readonly address: DocumentAddress,
    private readonly listener: RoomListener,
    private readonly options: RoomOptions = {},
  ) {
    this.presence = new PresenceGuard(this.awareness, options.presence ?? DEFAULT_PRESENCE_LIMITS);
    this.awareness.setLocalState(null);
    this.doc.on('afterTransaction', this.onAfterTransaction);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** `<sessionId>/<docName>`. */
  get docKey(): string {
    return this.address.docKey;
  }

  /**
   * Applies an update from `origin`, then stores it and relays it to everyone else. `frame`, when
   * given, is the received message that carries exactly this update (sent on unchanged).
   * Throws when Yjs cannot read the update; whatever part Yjs integrated before failing is still
   * stored and relayed, so memory, storage and peers never disagree.
   */
  applyUpdate(update: Uint8Array, origin: Connection, frame?: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      const partial = this.partialChange(origin);
      if (partial) this.accept(partial, encodeSyncUpdate(partial), origin);
      throw error;
    }
    this.accept(update, frame ?? encodeSyncUpdate(update), origin);
  }

  /**
   * Runs `edit` on the document as the server (e.g. revealing private notes), then stores and
   * relays the resulting update to every connection, exactly like a client's. Returns whether
   * the edit changed anything.
   */
  applyServerEdit(edit: (doc: Y.Doc) => void): boolean {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) updates.push(update);
    };
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => edit(this.doc), SERVER_ORIGIN);
    } finally {
      this.doc.off('update', collect);
    }
    for (const update of updates) this.accept(update, encodeSyncUpdate(update), null);
    return updates.length > 0;
  }

  /**
   * Applies an update another server node accepted (and stored): relayed to every connection
   * here, not stored again. Always relayed, even when it changes nothing here yet (it may wait
   * for an earlier update, which Yjs keeps pending), so clients get every piece. Returns false
   * when it was a duplicate (nothing new and nothing pending).
   */
  applyRemoteUpdate(update: Uint8Array): boolean {
    const before = Y.encodeStateVector(this.doc);
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    this.relayLater(update, null, null);
    const grew = !equalBytes(before, Y.encodeStateVector(this.doc));
    const novel = grew || this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    if (novel) this.size.grew(update.byteLength);
    return novel;
  }

  private accept(update: Uint8Array, message: Uint8Array, origin: Connection | null): void {
    if (isEmptyUpdate(update)) return;
    this.size.grew(update.byteLength);
    this.logLength += 1;
    this.logBytes += update.byteLength;
    this.listener.changed(this, update);
    this.relayLater(update, message, origin);
  }

  /**
   * Queues an update for the relay. The updates a room accepts before the relay leave as one
   * message: the lone update as the very frame it arrived in, several merged into one update
   * (`Y.mergeUpdates`), so every client integrates one update and the server writes one frame per
   * client. The relay runs at the end of this turn of the event loop, or, when the room relayed
   * less than `relayIntervalMs` ago (a busy room), that long after its last relay.
   * `message` is the update's frame if there is one already.
   */
  private relayLater(update: Uint8Array, message: Uint8Array | null, origin: Connection | null): void {
    this.pendingRelay.push({ update, message, origin });
    this.relayThrottle.request();
  }

  /** Sends what `relayLater` queued. */
  private relayPending(): void {
    const batch = this.pendingRelay.splice(0);
    // Merging costs more than linear time in the number of updates: a bulk arrival (a client
    // back from offline, a paste of thousands of changes) is merged in chunks.
    for (let start = 0; start < batch.length; start += MERGE_CHUNK) this.relayMerged(batch.slice(start, start + MERGE_CHUNK));
  }

  /**
   * Relays `chunk` as one update — a lone one as the frame it came in, several merged — to
   * everyone but its origin when it has only one.
   */
  private relayMerged(chunk: readonly QueuedUpdate[]): void {
    const first = chunk[0];
    if (!first) return;
    const origin = chunk.every((queued) => queued.origin === first.origin) ? first.origin : null;
    let merged: Uint8Array;
    try {
      merged = chunk.length === 1 ? first.update : Y.mergeUpdates(chunk.map((queued) => queued.update));
    } catch {
      // An update Yjs could apply but not merge (odd bytes a client sent): relay each as it came.
      for (const queued of chunk) this.broadcast(queued.message ?? encodeSyncUpdate(queued.update), queued.origin);
      return;
    }
    this.broadcast(chunk.length === 1 && first.message ? first.message : encodeSyncUpdate(merged), origin);
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    this.lastTransaction = transaction;
  };

  /** What a failed transaction of `origin` integrated anyway, as an update, or null if nothing. */
  private partialChange(origin: Connection): Uint8Array | null {
    const transaction = this.lastTransaction;
    if (!transaction || transaction.origin !== origin) return null;
    const { beforeState, afterState, deleteSet } = transaction;
    const grew = [...afterState].some(([client, clock]) => (beforeState.get(client) ?? 0) !== clock);
    if (!grew && deleteSet.clients.size === 0) return null;
    return Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(beforeState));
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    this.pendingAwarenessOrigin = this.pendingAwareness.size === 0 || this.pendingAwarenessOrigin === origin ? origin : MIXED_ORIGINS;
    for (const id of changed) this.pendingAwareness.add(id);
    this.awarenessThrottle.request();
  };

  /** Relays the latest state of every awareness client changed since the last relay, in one message. */
  private flushAwareness(): void {
    if (this.pendingAwareness.size === 0) return;
    const changed = [...this.pendingAwareness];
    const origin = this.pendingAwarenessOrigin;
    this.pendingAwareness.clear();
    this.pendingAwarenessOrigin = null;
    // A batch from one connection skips it (it knows its own state); a mixed batch goes to everyone.
    this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)), origin === MIXED_ORIGINS ? undefined : origin);
  }

  /** Sends one encoded message to every connection except `except`. */
  broadcast(message: Uint8Array, except?: unknown): void {
    let recipients = 0;
    for (const connection of this.connections) {
      if (connection === except) continue;
      connection.send(message);
      recipients++;
    }
    if (recipients > 0) this.listener.broadcasted(this, recipients, message.byteLength);
  }

  /** Releases the document and its awareness, and drops relays still scheduled (nobody is left to get them). */
  destroy(): void {
    this.relayThrottle.cancel();
    this.awarenessThrottle.cancel();
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.presence.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether an update carries nothing: no structs and no deletions (`[0, 0]`, a typical sync step 2 reply). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
