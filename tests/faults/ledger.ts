/**
 * Rooms of clients that keep a ledger: every client types unique entries (`r3c7.12;`) at the end
 * of the shared Y.Text `t`, one update each, and remembers each one. Because every insert goes at
 * the end of the text, no entry is ever split by another, so a room's text can be parsed back into
 * entries and compared, as a multiset, with the union of its clients' ledgers: nothing missing,
 * nothing duplicated, nothing foreign.
 */
import path from 'node:path';
import * as Y from 'yjs';
import type { CreateSessionResponse, JoinSessionResponse } from '@worktable/shared';
import { connectClient, postJson, type YClient } from '@worktable/server/testing';
import { mergeYjsDocument } from '@worktable/server/storage/merge';
import { openSqliteStorage } from '@worktable/server/storage/sqlite';
import { mapLimit, onCleanup } from './faultSupport.js';

/** One document (a session's `table-1`) and the clients editing it. */
export interface LedgerRoom {
  index: number;
  sessionId: string;
  docName: string;
  hostToken: string;
  inviteCode: string;
  /** Participant tokens, one per client. */
  tokens: string[];
  clients: LedgerClient[];
}

/** A stock y-websocket client with its ledger. */
export interface LedgerClient extends YClient {
  name: string;
  room: LedgerRoom;
  /** Every entry this client typed, in order. */
  ledger: string[];
}

/** Creates `rooms` sessions, each with `perRoom` participants (joined over HTTP). */
export async function createRooms(baseUrl: string, rooms: number, perRoom: number): Promise<LedgerRoom[]> {
  return mapLimit(
    Array.from({ length: rooms }, (_, i) => i),
    8,
    async (index) => {
      const created = await postJson<CreateSessionResponse>(`${baseUrl}/api/sessions`, { title: `Fault room ${index}` });
      if (created.status !== 201) throw new Error(`create session: ${created.status}`);
      const { sessionId, hostToken, inviteCode } = created.body;
      const tokens: string[] = [];
      for (let c = 0; c < perRoom; c++) {
        const joined = await postJson<JoinSessionResponse>(`${baseUrl}/api/sessions/${sessionId}/join`, {
          inviteCode,
          name: `r${index}c${c}`,
        });
        if (joined.status !== 201) throw new Error(`join: ${joined.status}`);
        tokens.push(joined.body.token);
      }
      return { index, sessionId, docName: 'table-1', hostToken, inviteCode, tokens, clients: [] };
    },
  );
}

/** Connects one stock `WebsocketProvider` per participant of every room; destroyed after the test. */
export function connectRooms(wsUrl: string, rooms: LedgerRoom[], options: { awareness?: boolean } = {}): LedgerClient[] {
  const all: LedgerClient[] = [];
  // Each stock provider adds a process 'exit' listener; a thousand are expected here.
  const providers = rooms.reduce((n, room) => n + room.tokens.length, 0);
  process.setMaxListeners(Math.max(process.getMaxListeners(), providers + 50));
  for (const room of rooms) {
    room.clients = room.tokens.map((token, c) => {
      const client = connectClient(wsUrl, room.sessionId, room.docName, token);
      if (options.awareness === false) client.provider.awareness.setLocalState(null);
      const ledgerClient: LedgerClient = Object.assign(client, { name: `r${room.index}c${c}`, room, ledger: [] as string[] });
      all.push(ledgerClient);
      return ledgerClient;
    });
  }
  onCleanup(() => {
    for (const client of all) client.destroy();
  });
  return all;
}

/** Connects one ledger client (a stock provider) to a room's document with `token`; destroyed after the test. */
export function ledgerClient(wsUrl: string, room: LedgerRoom, token: string, name: string): LedgerClient {
  const client: LedgerClient = Object.assign(connectClient(wsUrl, room.sessionId, room.docName, token), {
    name,
    room,
    ledger: [] as string[],
  });
  room.clients.push(client);
  onCleanup(() => client.destroy());
  return client;
}

/** Types the client's next ledger entry at the end of the text. */
export function typeEntry(client: LedgerClient, extra = ''): string {
  const entry = `${client.name}.${client.ledger.length}${extra};`;
  const text = client.doc.getText('t');
  text.insert(text.length, entry);
  client.ledger.push(entry);
  return entry;
}

/** Every client types an entry about every `everyMs` (± 50 %, so they do not march in step) until stopped. */
export function startTyping(clients: readonly LedgerClient[], everyMs: number): { stop(): void } {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (client: LedgerClient, first: boolean) => {
    const delay = first ? Math.random() * everyMs : everyMs * (0.5 + Math.random());
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      typeEntry(client);
      schedule(client, false);
    }, delay);
    timers.add(timer);
  };
  for (const client of clients) schedule(client, true);
  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** The entries of a text (`a;b;c;` → a;, b;, c;). */
export function entriesOf(text: string): string[] {
  if (text === '') return [];
  if (!text.endsWith(';')) return [...text.split(';').map((e) => `${e};`), '<text does not end with ;>'];
  return text
    .slice(0, -1)
    .split(';')
    .map((e) => `${e};`);
}

/**
 * What is wrong with `text` against `expected` (the union of the ledgers), or null: missing,
 * duplicated and unknown entries.
 */
export function ledgerProblem(text: string, expected: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const entry of entriesOf(text)) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  const missing: string[] = [];
  for (const entry of expected) {
    const n = counts.get(entry);
    if (n === undefined) missing.push(entry);
    else if (n === 1) counts.delete(entry);
    else counts.set(entry, n - 1);
  }
  const extra = [...counts.entries()].flatMap(([entry, n]) => Array<string>(n).fill(entry));
  if (missing.length === 0 && extra.length === 0) return null;
  return `${missing.length} missing (${missing.slice(0, 5).join(' ')}), ${extra.length} duplicated or unknown (${extra.slice(0, 5).join(' ')})`;
}

/** Every entry typed in the room. */
export function roomLedger(room: LedgerRoom): string[] {
  return room.clients.flatMap((client) => client.ledger);
}

/** What keeps a room from having converged, or null: every client holds the same text and it is exactly the room's ledger. */
export function roomProblem(room: LedgerRoom): string | null {
  const first = room.clients[0]?.doc.getText('t').toString() ?? '';
  const differ = room.clients.filter((client) => client.doc.getText('t').toString() !== first);
  if (differ.length > 0)
    return `room ${room.index}: ${differ.length} of ${room.clients.length} clients differ from ${room.clients[0]?.name}`;
  const problem = ledgerProblem(first, roomLedger(room));
  return problem ? `room ${room.index}: ${problem}` : null;
}

/** The first problem of any room, or null when all converged. */
export function roomsProblem(rooms: readonly LedgerRoom[]): string | null {
  for (const room of rooms) {
    const problem = roomProblem(room);
    if (problem) return problem;
  }
  return null;
}

/** Reads the stored documents from the SQLite file of a stopped server: docKey → text `t`. */
export async function storedTexts(dataDir: string, docKeys: readonly string[]): Promise<Map<string, string>> {
  const storage = openSqliteStorage(path.join(dataDir, 'worktable.sqlite'));
  try {
    const texts = new Map<string, string>();
    for (const key of docKeys) {
      const stored = await storage.loadDocument(key);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, mergeYjsDocument(stored.snapshot, stored.updates));
      if (doc.store.pendingStructs !== null) throw new Error(`${key}: the stored updates lack some of their predecessors`);
      texts.set(key, doc.getText('t').toString());
      doc.destroy();
    }
    return texts;
  } finally {
    await storage.close();
  }
}

/** `<sessionId>/<docName>` of a room. */
export function roomKey(room: LedgerRoom): string {
  return `${room.sessionId}/${room.docName}`;
}
