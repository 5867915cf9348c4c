/**
 * The group commit of the SQLite adapter, off the main thread: a worker thread with its own
 * connection to the same file (WAL, synchronous=FULL) appends each batch of updates in one
 * transaction and answers once it is durable. The fsync of a commit (0.8–1.5 ms on a quiet disk,
 * 10 ms and more on a busy one) then no longer stops the relay; the updates were already relayed,
 * and the persistence hook waits for the answer exactly as it waits for PostgreSQL.
 *
 * A batch's bytes travel in one SharedArrayBuffer the two threads share, copied in once: posting
 * the updates themselves would copy each one's whole backing buffer (often a 64 KiB socket read),
 * and the worker, which allocates almost nothing, would hold every copy until a rare garbage
 * collection — a 100 MiB flood of changes grew the process by 100 MiB that way. Batches go one at
 * a time, so one buffer serves them all: it doubles for a bigger batch and returns to its default
 * size once the batches have been small for a while (reallocating it at every change of size made
 * garbage of its own).
 *
 * The worker's code is a small CommonJS script run with `eval`, so the same file works in the
 * compiled server and under the TypeScript test runner; the driver's resolved path is handed to
 * it. Should the worker die, appends fall back to the main thread's connection.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { packInto, totalBytes } from './packedBytes.js';
import type { PendingUpdate } from './port.js';

/**
 * What the worker is sent: a batch to append — update `i` of document `docKeys[i]` is
 * `bytes[ends[i - 1] ?? 0 … ends[i])` — or the request to close.
 */
type AppendRequest =
  | { type: 'append'; id: number; docKeys: string[]; ends: number[]; bytes: SharedArrayBuffer; now: number }
  | { type: 'close' };

/**
 * The settings of every connection to the store, the main one and the worker's: WAL, full fsync at
 * each commit, foreign keys checked, and a wait of up to 5 s for the other connection's write lock.
 */
export const CONNECTION_PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
];

/** Appends one update to a document's log. */
export const INSERT_UPDATE_SQL = 'INSERT INTO doc_updates (doc_key, data, created_at) VALUES (?, ?, ?)';

/** Size of the shared buffer between floods. */
const DEFAULT_BUFFER_BYTES = 1024 * 1024;

/** A grown buffer returns to the default after this many batches in a row that fit it (5 s at 50 ms). */
const SHRINK_AFTER_SMALL_BATCHES = 100;

/** What the worker answers for one batch. */
type AppendReply = { id: number; ok: true } | { id: number; ok: false; error: string; code: string | null };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const pragma of workerData.pragmas) db.pragma(pragma);
const insert = db.prepare(workerData.insertSql);
const append = db.transaction(({ docKeys, ends, bytes, now }) => {
  let start = 0;
  for (let i = 0; i < docKeys.length; i++) {
    insert.run(docKeys[i], Buffer.from(bytes, start, ends[i] - start), now);
    start = ends[i];
  }
});
parentPort.on('message', (request) => {
  if (request.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    append(request);
    parentPort.postMessage({ id: request.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, error: String(error && error.message || error), code: (error && error.code) || null });
  }
});
`;

/** An error the worker's connection raised, with SQLite's code (SQLITE_FULL, …) when it had one. */
export class SqliteAppendError extends Error {
  override readonly name = 'SqliteAppendError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** Appends batches of updates to `doc_updates` on a worker thread. */
export class SqliteAppender {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private dead: Error | null = null;
  private closing: Promise<void> | null = null;
  /** The batch in flight (batches go one at a time: they share `buffer`). */
  private inFlight: Promise<void> = Promise.resolve();
  private buffer = new SharedArrayBuffer(DEFAULT_BUFFER_BYTES);
  /** Consecutive batches that fitted the default size (the buffer shrinks back after enough of them). */
  private smallBatches = 0;

  /** Starts the worker on the database `file` (migrated already: the table must exist). */
  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, pragmas: CONNECTION_PRAGMAS, insertSql: INSERT_UPDATE_SQL },
    });
    this.worker.unref();
    this.worker.on('message', (reply: AppendReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.ok) waiter.resolve();
      else waiter.reject(new SqliteAppendError(reply.error, reply.code));
    });
    const die = (error: Error): void => {
      this.dead ??= error;
      for (const waiter of this.pending.values()) waiter.reject(this.dead);
      this.pending.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`the SQLite append worker exited with code ${code}`)));
  }

  /** Whether the worker can take batches (false once it died or was closed). */
  get alive(): boolean {
    return this.dead === null && this.closing === null;
  }

  /** Appends `batch` in one transaction, after the batches before it; resolves once it is committed. */
  append(batch: readonly PendingUpdate[], now: number): Promise<void> {
    const run = this.inFlight.then(() => this.send(batch, now));
    this.inFlight = run.catch(() => undefined);
    return run;
  }

  private send(batch: readonly PendingUpdate[], now: number): Promise<void> {
    // A batch handed over before `close` still goes: the worker closes after it.
    if (this.dead) return Promise.reject(this.dead);
    const updates = batch.map((entry) => entry.update);
    const total = totalBytes(updates);
    this.smallBatches = total <= DEFAULT_BUFFER_BYTES ? this.smallBatches + 1 : 0;
    if (total > this.buffer.byteLength) this.buffer = new SharedArrayBuffer(Math.max(total, 2 * this.buffer.byteLength));
    else if (this.buffer.byteLength > DEFAULT_BUFFER_BYTES && this.smallBatches >= SHRINK_AFTER_SMALL_BATCHES) {
      this.buffer = new SharedArrayBuffer(DEFAULT_BUFFER_BYTES);
    }
    const ends = packInto(new Uint8Array(this.buffer), updates);
    const docKeys = batch.map((entry) => entry.docKey);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Referenced while a batch is out, so the process waits for its commit.
      this.worker.ref();
      this.worker.postMessage({ type: 'append', id, docKeys, ends, bytes: this.buffer, now } satisfies AppendRequest);
    });
  }

  /** Closes the worker's connection once the batches sent so far are committed. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    if (this.dead) return Promise.resolve();
    this.closing = this.inFlight.then(
      () =>
        new Promise<void>((resolve) => {
          this.worker.once('exit', () => resolve());
          this.worker.ref();
          this.worker.postMessage({ type: 'close' } satisfies AppendRequest);
        }),
    );
    return this.closing;
  }
}
