/**
 * Keeps the table as it was at the end of each phase: when the control plane reports ended
 * phases, the table document's current state (from the open room, else from storage) is stored
 * as a labelled history snapshot.
 */
import * as Y from 'yjs';
import { docKey, type HistoryLabel } from '@worktable/shared';
import type { RelayLogger } from '../relay/relay.js';
import { mergeYjsDocument } from '../storage/mergeDocument.js';
import type { StoragePort } from '../storage/port.js';

/** Reads a document's current state: the open one when the server holds it. */
export interface DocumentSource {
  openDocument(docKey: string): Y.Doc | undefined;
}

/** Stores history snapshots at phase boundaries. */
export class HistoryRecorder {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: StoragePort,
    private readonly documents: DocumentSource,
    private readonly logger: RelayLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The full state of a document now, as one update. */
  async capture(key: string): Promise<Uint8Array> {
    const open = this.documents.openDocument(key);
    if (open) return Y.encodeStateAsUpdate(open);
    const stored = await this.storage.loadDocument(key);
    return mergeYjsDocument(stored.snapshot, stored.updates);
  }

  /** Records the ended phases of a session (in order, after earlier recordings); never throws. */
  phasesEnded(sessionId: string, labels: readonly HistoryLabel[]): Promise<void> {
    if (labels.length === 0) return Promise.resolve();
    // Every table as it was at the boundary, captured now (an open document costs a quick encode);
    // stored after earlier recordings, one table per turn of the event loop, so that 200 tables
    // ending a phase together never hold up the states and edits of the next one.
    const captured = labels.map((label) => ({ label, state: this.capture(docKey(sessionId, label.tableId)) }));
    for (const { state } of captured) state.catch(() => undefined); // reported when stored
    const run = this.pending.then(async () => {
      for (const { label, state } of captured) {
        await new Promise((resolve) => setImmediate(resolve));
        try {
          await this.storage.saveHistorySnapshot({ sessionId, docName: label.tableId, label, state: await state, createdAt: this.now() });
        } catch (error) {
          this.logger.error({ err: error, session: sessionId, table: label.tableId }, 'history snapshot failed');
        }
      }
    });
    this.pending = run;
    return run;
  }

  /** Resolves when every recording asked for so far is stored. */
  flush(): Promise<unknown> {
    return this.pending;
  }
}
