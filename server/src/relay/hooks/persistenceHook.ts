/**
 * Persistence: loads a document before anyone is served, appends every accepted update to the
 * document's log with group commit (one transaction per flush interval, well under 100 ms), and
 * compacts the log into a snapshot when it grows past a threshold (in entries or in bytes) and when
 * the document unloads. A failed write keeps the updates queued and retries; nothing is dropped.
 * It also tells the room what its document holds once merged: at load, and after each compaction.
 */
import * as Y from 'yjs';
import { mergeYjsDocument } from '../../storage/mergeDocument.js';
import type { MergeDocument, PendingUpdate, StoragePort, StoredDocument } from '../../storage/port.js';
import { CloseCode } from '@worktable/shared';
import { RelayRejection, type RelayHook } from '../hooks.js';
import type { Connection } from '../connection.js';
import type { RelayLogger } from '../relay.js';
import { LOAD_ORIGIN, type Room } from '../room.js';

/** Receives persistence events (the metrics hook implements it). */
export interface PersistenceObserver {
  /** A batch of `updates` was committed in `seconds`. */
  flushed(updates: number, seconds: number): void;
  /** A write or compaction failed. */
  failed(operation: 'flush' | 'compact' | 'load'): void;
  /** A compaction merged `updates` log entries. */
  compacted(updates: number): void;
  /** A document was loaded from storage (read, then snapshot and `updates` log entries applied) in `seconds`. */
  loaded?(updates: number, seconds: number): void;
}

/** Persistence settings. */
export interface PersistenceOptions {
  flushIntervalMs: number;
  compactAfterUpdates: number;
  /**
   * Compact once the log's entries hold this many bytes, whatever their count (default: no such
   * bound): text typed and deleted over and over leaves a log many times the size of the document.
   */
  compactAfterLogBytes?: number;
  logger: RelayLogger;
  observer?: PersistenceObserver;
  /** How compaction merges a snapshot and its log (default: in this thread; the server uses a worker thread). */
  merge?: MergeDocument;
  /** Called with every batch once it is committed (cross-node sync relays only stored updates). */
  onCommitted?: (batch: readonly PendingUpdate[]) => void;
  /**
   * Most bytes of updates waiting to be stored (storage unreachable). Beyond it new updates are
   * refused with close code 4503 — the client keeps them and sends them again on reconnect —
   * rather than held without bound.
   */
  maxPendingBytes?: number;
}

const MAX_RETRY_DELAY_MS = 2000;

/** The persistence hook, with `flush()` for callers that must know everything is stored. */
export class PersistenceHook implements RelayHook {
  readonly name = 'persistence';
  private queue: PendingUpdate[] = [];
  /** The batch being committed now. */
  private committing: readonly PendingUpdate[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private consecutiveFailures = 0;
  private readonly compactions = new Map<string, Promise<void>>();
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly storage: StoragePort,
    private readonly options: PersistenceOptions,
  ) {}

  /** Updates accepted but not yet committed. */
  get pendingUpdates(): number {
    return this.queue.length;
  }

  /** Bytes of updates accepted but not yet committed. */
  get pendingBytes(): number {
    return bytesOf(this.queue);
  }

  /** Drops what is queued for a session's documents (the session is being deleted). */
  discardSession(sessionId: string): void {
    const prefix = `${sessionId}/`;
    this.queue = this.queue.filter((entry) => !entry.docKey.startsWith(prefix));
  }

  /** Whether the last attempt to store failed (storage unreachable or refusing). */
  get failing(): boolean {
    return this.consecutiveFailures > 0;
  }

  beforeApplyUpdate(_connection: Connection, _room: Room, update: Uint8Array): void {
    const max = this.options.maxPendingBytes;
    if (max === undefined || !this.failing) return;
    const pending = this.pendingBytes;
    if (pending + update.byteLength <= max) return;
    throw new RelayRejection(
      CloseCode.Unavailable,
      503,
      `storage is unreachable and ${Math.round(pending / 1024)} KiB of changes are waiting to be stored; this change was not accepted — your app keeps it and sends it again when it reconnects`,
    );
  }

  async onLoadDocument(room: Room): Promise<void> {
    const started = performance.now();
    let stored: StoredDocument;
    try {
      stored = await this.storage.loadDocument(room.docKey);
    } catch (error) {
      this.options.observer?.failed('load');
      throw error;
    }
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    }, LOAD_ORIGIN);
    room.logLength = stored.updates.length;
    room.logBytes = stored.bytes - (stored.snapshot?.byteLength ?? 0);
    // A snapshot is a merged encoding: its length is the document's size. A log on top is measured, not summed.
    if (stored.updates.length === 0) room.size.rebase(stored.snapshot?.byteLength ?? 0);
    else room.size.measure();
    this.rooms.set(room.docKey, room);
    this.options.observer?.loaded?.(stored.updates.length, (performance.now() - started) / 1000);
  }

  onChange(room: Room, update: Uint8Array): void {
    this.queue.push({ docKey: room.docKey, update });
    this.schedule();
  }

  async beforeUnloadDocument(room: Room): Promise<void> {
    await this.flush();
    await this.compact(room.docKey).catch(() => undefined);
  }

  afterUnloadDocument(docKey: string): void {
    this.rooms.delete(docKey);
  }

  /** Stores everything queued and lets running compactions finish. */
  async onShutdown(): Promise<void> {
    await this.flush();
    await Promise.allSettled(this.compactions.values());
  }

  /** Commits everything queued so far; rejects if storage refused (the updates stay queued). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length > 0 ? this.flush() : undefined));
    this.clearTimer();
    if (this.queue.length === 0) return Promise.resolve();
    const batch = this.queue;
    this.queue = [];
    this.committing = batch;
    const started = performance.now();
    const run = this.storage.appendUpdates(batch).then(
      () => {
        this.committing = [];
        this.consecutiveFailures = 0;
        this.options.observer?.flushed(batch.length, (performance.now() - started) / 1000);
        this.options.onCommitted?.(batch);
        this.compactWhereDue(batch);
      },
      (error: unknown) => {
        this.committing = [];
        this.queue = batch.concat(this.queue);
        this.consecutiveFailures++;
        this.options.observer?.failed('flush');
        this.options.logger.error({ err: error, queued: this.queue.length }, 'could not store updates; will retry');
        throw error;
      },
    );
    this.flushing = run.finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    });
    return this.flushing;
  }

  private schedule(): void {
    if (this.timer || this.flushing) return;
    const backoff = this.consecutiveFailures === 0 ? 0 : Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** this.consecutiveFailures);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => undefined);
    }, this.options.flushIntervalMs + backoff);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private compactWhereDue(batch: readonly PendingUpdate[]): void {
    const due = new Set<string>();
    for (const { docKey } of batch) {
      const room = this.rooms.get(docKey);
      if (room && this.compactionDue(room.logLength, room.logBytes)) due.add(docKey);
    }
    for (const docKey of due) this.compact(docKey).catch(() => undefined);
  }

  /** Whether a log of `entries` entries holding `bytes` bytes is due for compaction. */
  private compactionDue(entries: number, bytes: number): boolean {
    return entries >= this.options.compactAfterUpdates || bytes >= (this.options.compactAfterLogBytes ?? Infinity);
  }

  /**
   * Folds a document's stored log into a snapshot; one compaction per document at a time. Updates
   * keep being stored while a large document merges: if they alone pass the threshold, another follows.
   * The new snapshot's length is the merged size of what storage held, so the room's size estimate
   * is re-based on it, plus whatever the room applied that storage may not have held: the updates
   * waiting to be stored when the compaction began, and every update applied since. (One gap: an
   * update another node sent while answering a state vector, before storing it itself.)
   */
  compact(docKey: string): Promise<void> {
    const running = this.compactions.get(docKey);
    if (running) return running;
    const startRoom = this.rooms.get(docKey);
    const appliedMark = startRoom?.size.markApplied() ?? 0;
    const unstoredBytes = bytesOf(this.queue, docKey) + bytesOf(this.committing, docKey);
    let again = false;
    const run = this.storage
      .compactDocument(docKey, this.options.merge ?? mergeYjsDocument)
      .then(
        (result) => {
          this.options.observer?.compacted(result.mergedUpdates);
          const room = this.rooms.get(docKey);
          if (!room) return;
          // The log now: what storage still holds (appended while the merge ran) and what waits to be stored.
          const pending = this.queue.filter((entry) => entry.docKey === docKey);
          room.logLength = result.logUpdates + pending.length;
          room.logBytes = result.logBytes + bytesOf(pending);
          if (result.mergedUpdates > 0 && room === startRoom) {
            room.size.rebaseIfLower(result.snapshotBytes, unstoredBytes + room.size.appliedSince(appliedMark));
          }
          // Entries still queued trigger one after their flush; those stored during the merge would not.
          again = result.mergedUpdates > 0 && this.compactionDue(result.logUpdates, result.logBytes);
        },
        (error: unknown) => {
          this.options.observer?.failed('compact');
          this.options.logger.error({ err: error, doc: docKey }, 'compaction failed; the log is intact');
          throw error;
        },
      )
      .finally(() => {
        this.compactions.delete(docKey);
        if (again) this.compact(docKey).catch(() => undefined);
      });
    this.compactions.set(docKey, run);
    return run;
  }
}

/** Bytes of the updates in `entries` (only `docKey`'s, when given). */
function bytesOf(entries: readonly PendingUpdate[], docKey?: string): number {
  let total = 0;
  for (const entry of entries) if (docKey === undefined || entry.docKey === docKey) total += entry.update.byteLength;
  return total;
}
