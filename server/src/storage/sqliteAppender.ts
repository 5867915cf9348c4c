/**
 * The group commit of the SQLite adapter, off the main thread: a worker thread with its own
 * connection to the same file (WAL, synchronous=FULL) appends each batch of updates in one
 * transaction and answers once it is durable. The fsync of a commit (0.8–1.5 ms on a quiet disk,
 * 10 ms and more on a busy one) then no longer stops the relay; the updates were already relayed,
 * and the persistence hook waits for the answer exactly as it waits for PostgreSQL.
 *
 * The worker's code is a small CommonJS script run with `eval`, so the same file works in the
 * compiled server and under the TypeScript test runner; the driver's resolved path is handed to
 * it. Should the worker die, appends fall back to the main thread's connection.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PendingUpdate } from './port.js';

/** What the worker is sent: a batch to append, or the request to close. */
type AppendRequest = { type: 'append'; id: number; batch: readonly PendingUpdate[]; now: number } | { type: 'close' };

/** What the worker answers for one batch. */
type AppendReply = { id: number; ok: true } | { id: number; ok: false; error: string; code: string | null };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO doc_updates (doc_key, data, created_at) VALUES (?, ?, ?)');
const append = db.transaction((batch, now) => {
  for (const { docKey, update } of batch) insert.run(docKey, Buffer.from(update.buffer, update.byteOffset, update.byteLength), now);
});
parentPort.on('message', (request) => {
  if (request.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    append(request.batch, request.now);
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

  /** Starts the worker on the database `file` (migrated already: the table must exist). */
  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
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

  /** Appends `batch` in one transaction; resolves once it is committed. */
  append(batch: readonly PendingUpdate[], now: number): Promise<void> {
    if (!this.alive) return Promise.reject(this.dead ?? new Error('the SQLite append worker is closed'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Referenced while a batch is out, so the process waits for its commit.
      this.worker.ref();
      this.worker.postMessage({ type: 'append', id, batch, now } satisfies AppendRequest);
    });
  }

  /** Closes the worker's connection once the batches sent so far are committed. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    if (this.dead) return Promise.resolve();
    this.closing = new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.ref();
      this.worker.postMessage({ type: 'close' } satisfies AppendRequest);
    });
    return this.closing;
  }
}
