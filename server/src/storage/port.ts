/**
 * The storage port: everything the server keeps durably goes through this interface, one part
 * per concern (`ports/`): sessions and people, documents, uploads, control state, history and
 * record links. SQLite is the embedded default, PostgreSQL the adapter for several nodes; both
 * pass the same contract suite (`contractSuite.ts`).
 */
import type { ControlStore } from './ports/control.js';
import type { DocumentStore } from './ports/documents.js';
import type { HistoryStore } from './ports/history.js';
import type { RecordLinkStore } from './ports/recordLinks.js';
import type { SessionStore } from './ports/sessions.js';
import type { UploadStore } from './ports/uploads.js';

export * from './ports/control.js';
export * from './ports/documents.js';
export * from './ports/history.js';
export * from './ports/recordLinks.js';
export * from './ports/sessions.js';
export * from './ports/uploads.js';

/** Durable storage behind the server. Every method either completes fully or changes nothing. */
export interface StoragePort extends SessionStore, DocumentStore, ControlStore, HistoryStore, RecordLinkStore {
  /** Which engine this is, for health and metrics. */
  readonly engine: string;
  /** Resolves when storage answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** The uploads of every session, in storage shared by every node (not the local disk). */
  readonly uploads: UploadStore;
  /** Flushes and releases the engine. */
  close(): Promise<void>;
}
