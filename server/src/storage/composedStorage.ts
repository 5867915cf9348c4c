/**
 * The storage port assembled from one part per concern (`ports/`): an adapter builds a part for
 * each on its engine, and this base class answers the port by handing every call to the part it
 * concerns. What is the engine's own (ping, close, the engine's name) the adapter adds.
 */
import type {
  CompactionResult,
  ControlStore,
  DocumentStore,
  HistorySnapshotInput,
  HistorySnapshotRecord,
  HistoryStore,
  MergeDocument,
  ParticipantRecord,
  PendingUpdate,
  RecordLinkRecord,
  RecordLinkStore,
  RosterChanges,
  SessionRecord,
  SessionStore,
  StoragePort,
  StoredDocument,
  UploadStore,
} from './port.js';

/** An adapter's parts, one per concern of the storage port. */
export interface StorageParts {
  sessions: SessionStore;
  documents: DocumentStore;
  control: ControlStore;
  history: HistoryStore;
  recordLinks: RecordLinkStore;
  uploads: UploadStore;
}

/**
 * The storage port answered by an adapter's parts (`Parts`: their types as the adapter made them);
 * the adapter adds the engine's own calls.
 */
export abstract class ComposedStorage<Parts extends StorageParts = StorageParts> implements StoragePort {
  /** Which engine this is, for health and metrics. */
  abstract readonly engine: string;
  /** The uploads of every session. */
  readonly uploads: Parts['uploads'];

  constructor(protected readonly parts: Parts) {
    this.uploads = parts.uploads;
  }

  /** Resolves when storage answers a trivial query; rejects otherwise. */
  abstract ping(): Promise<void>;
  /** Flushes and releases the engine. */
  abstract close(): Promise<void>;

  /** See `SessionStore.createSession`. */
  createSession(session: SessionRecord, host: ParticipantRecord): Promise<void> {
    return this.parts.sessions.createSession(session, host);
  }

  /** See `SessionStore.getSession`. */
  getSession(sessionId: string): Promise<SessionRecord | null> {
    return this.parts.sessions.getSession(sessionId);
  }

  /** See `SessionStore.addParticipant`. */
  addParticipant(participant: ParticipantRecord): Promise<void> {
    return this.parts.sessions.addParticipant(participant);
  }

  /** See `SessionStore.getParticipant`. */
  getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    return this.parts.sessions.getParticipant(sessionId, participantId);
  }

  /** See `SessionStore.listParticipants`. */
  listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return this.parts.sessions.listParticipants(sessionId);
  }

  /** See `SessionStore.saveRoster`. */
  saveRoster(sessionId: string, changes: RosterChanges): Promise<void> {
    return this.parts.sessions.saveRoster(sessionId, changes);
  }

  /** See `SessionStore.setInviteCode`. */
  setInviteCode(sessionId: string, inviteCode: string): Promise<boolean> {
    return this.parts.sessions.setInviteCode(sessionId, inviteCode);
  }

  /** See `SessionStore.removeParticipant`. */
  removeParticipant(sessionId: string, participantId: string): Promise<boolean> {
    return this.parts.sessions.removeParticipant(sessionId, participantId);
  }

  /** See `SessionStore.deleteSession`. */
  deleteSession(sessionId: string): Promise<boolean> {
    return this.parts.sessions.deleteSession(sessionId);
  }

  /** See `DocumentStore.loadDocument`. */
  loadDocument(docKey: string): Promise<StoredDocument> {
    return this.parts.documents.loadDocument(docKey);
  }

  /** See `DocumentStore.appendUpdates`. */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    return this.parts.documents.appendUpdates(batch);
  }

  /** See `DocumentStore.compactDocument`. */
  compactDocument(docKey: string, merge: MergeDocument): Promise<CompactionResult> {
    return this.parts.documents.compactDocument(docKey, merge);
  }

  /** See `ControlStore.replaceControlState`. */
  replaceControlState(sessionId: string, status: string, state: unknown, version: number, expected: number | null): Promise<boolean> {
    return this.parts.control.replaceControlState(sessionId, status, state, version, expected);
  }

  /** See `ControlStore.loadControlState`. */
  loadControlState(sessionId: string): Promise<unknown> {
    return this.parts.control.loadControlState(sessionId);
  }

  /** See `ControlStore.listActiveControlStates`. */
  listActiveControlStates(): Promise<{ sessionId: string; state: unknown }[]> {
    return this.parts.control.listActiveControlStates();
  }

  /** See `HistoryStore.saveHistorySnapshot`. */
  saveHistorySnapshot(snapshot: HistorySnapshotInput): Promise<number> {
    return this.parts.history.saveHistorySnapshot(snapshot);
  }

  /** See `HistoryStore.listHistory`. */
  listHistory(sessionId: string, docName?: string): Promise<HistorySnapshotRecord[]> {
    return this.parts.history.listHistory(sessionId, docName);
  }

  /** See `HistoryStore.loadHistorySnapshot`. */
  loadHistorySnapshot(sessionId: string, snapshotId: number): Promise<{ record: HistorySnapshotRecord; state: Uint8Array } | null> {
    return this.parts.history.loadHistorySnapshot(sessionId, snapshotId);
  }

  /** See `RecordLinkStore.createRecordLink`. */
  createRecordLink(link: RecordLinkRecord): Promise<void> {
    return this.parts.recordLinks.createRecordLink(link);
  }

  /** See `RecordLinkStore.getRecordLink`. */
  getRecordLink(linkId: string): Promise<RecordLinkRecord | null> {
    return this.parts.recordLinks.getRecordLink(linkId);
  }

  /** See `RecordLinkStore.listRecordLinks`. */
  listRecordLinks(sessionId: string): Promise<RecordLinkRecord[]> {
    return this.parts.recordLinks.listRecordLinks(sessionId);
  }

  /** See `RecordLinkStore.revokeRecordLink`. */
  revokeRecordLink(sessionId: string, linkId: string, at: number): Promise<boolean> {
    return this.parts.recordLinks.revokeRecordLink(sessionId, linkId, at);
  }
}
