/**
 * What the storage contract's tests share: the factory of the store under test, the context each
 * test reaches it through, and the records and bytes they store.
 */
import * as Y from 'yjs';
import type { ParticipantRecord, SessionRecord, StoragePort, UploadRecord } from '../port.js';

/** Creates a fresh empty store; `reopen` (when the engine supports it) opens the same data again. */
export interface StorageFactory {
  create(): Promise<StoragePort>;
  reopen?(previous: StoragePort): Promise<StoragePort>;
}

/** What a contract test runs on: the store under test (fresh for each test, replaced when it reopens it) and its factory. */
export interface ContractContext {
  readonly factory: StorageFactory;
  store: StoragePort;
}

/** A session record with id `id`. */
export const session = (id: string): SessionRecord => ({
  sessionId: id,
  title: `Session ${id}`,
  protocol: 'tuning',
  inviteCode: 'ABCD2345',
  createdAt: 1_700_000_000_000,
  customProtocol: null,
});
/** A participant record of `sessionId`. */
export const participant = (sessionId: string, id: string, role: ParticipantRecord['role'], joinedAt: number): ParticipantRecord => ({
  participantId: id,
  sessionId,
  name: `Name ${id}`,
  role,
  joinedAt,
  organization: null,
  systemRole: null,
  rostered: false,
});

/** An upload record of `sessionId`, `size` bytes long. */
export const upload = (sessionId: string, id: string, size: number): UploadRecord => ({
  uploadId: id,
  sessionId,
  mime: 'application/pdf',
  size,
  name: `Notes ${id}.pdf`,
  sha256: 'ab'.repeat(32),
  createdBy: 'p_host',
  createdAt: 1_700_000_000_500,
});

/** Bytes with every value 0–255, so nothing is mangled as text. */
export const binary = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 7 + 3) % 256);

/** Yjs updates that each insert one character, as a client would send them. */
export function typedUpdates(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  return updates;
}

/** The text `t` of the document a snapshot and the updates after it make. */
export function textOf(snapshot: Uint8Array | null, updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}
