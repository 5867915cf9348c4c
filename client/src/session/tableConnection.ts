/**
 * The live connection to one of a session's canvas documents (a table `table-N`, or the
 * convening's `plenary`): a Y.Doc synced through the stock y-websocket `WebsocketProvider` and
 * kept in IndexedDB, with connection state and presence mirrored into a zustand store for the UI.
 * One canvas is open at a time.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { create } from 'zustand';
import { DEFAULT_TABLE_DOC, SessionRole } from '@worktable/shared';
import { ApiRequestError, getSession } from '../api.js';
import { accessCloseCode, explainClose, type CloseExplanation } from './closeAdvice.js';
import { openDocumentProvider } from './documentProvider.js';
import { openLocalStore } from './localStore.js';
import { reconnectWithBackoff } from './reconnect.js';

/** What the connection indicator shows. `offline` covers both "never reached" and "lost". */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

/** The awareness state each client publishes. */
export interface PresenceUser {
  name: string;
  color: string;
  participantId: string;
  role: SessionRole;
}

/** Someone connected to the table right now (one entry per browser tab). */
export interface PresentPeer extends PresenceUser {
  clientId: number;
  isLocal: boolean;
}

/** Connection state of the open table. */
export interface TableState {
  status: ConnectionStatus;
  /** Whether the document has completed its first sync with the server. */
  synced: boolean;
  /** Whether the copy kept in this browser has loaded (the table can be shown and edited offline). */
  storedLocally: boolean;
  /** Everyone connected, the local client first. */
  peers: PresentPeer[];
  /** Why the server last closed the connection, while that still applies. */
  closed: CloseExplanation | null;
}

const initialState: TableState = { status: 'connecting', synced: false, storedLocally: false, peers: [], closed: null };

/** The open table's connection state. */
export const useTableStore = create<TableState>(() => initialState);

/** An open table: the shared document and its provider. */
export interface TableConnection {
  /** The document's name within the session (`table-2`, `plenary`). */
  docName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Tries again after the server closed the connection for good. */
  reconnect(): void;
  /** Disconnects and frees the document. */
  close(): void;
}

/**
 * The longest the connection waits for this browser's copy of the document to load (ms). Connected
 * after it loaded, the server sends only what the copy lacks; connected before, the whole document
 * again (a reload of a 300-note table: about 100 KB instead of a few).
 */
export const LOCAL_COPY_WAIT_MS = 1_000;

/** Failed connection attempts in a row after which the token is re-checked over HTTP. */
const ACCESS_CHECK_AFTER_FAILURES = 3;

const ROLES: ReadonlySet<string> = new Set(Object.values(SessionRole));

function readPresence(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== 'object' || user === null) return null;
  const u = user as Record<string, unknown>;
  if (typeof u.name !== 'string' || typeof u.color !== 'string') return null;
  return {
    name: u.name,
    color: /^#[0-9a-f]{6}$/i.test(u.color) ? u.color : '#555555',
    participantId: typeof u.participantId === 'string' ? u.participantId : '',
    role: typeof u.role === 'string' && ROLES.has(u.role) ? (u.role as SessionRole) : SessionRole.Participant,
  };
}

const samePresentPeer = (a: PresentPeer, b: PresentPeer) =>
  a.clientId === b.clientId &&
  a.isLocal === b.isLocal &&
  a.name === b.name &&
  a.color === b.color &&
  a.participantId === b.participantId &&
  a.role === b.role;

/** Whether two people lists show the same people in the same order. */
export function samePeers(a: readonly PresentPeer[], b: readonly PresentPeer[]): boolean {
  return a.length === b.length && a.every((peer, i) => samePresentPeer(peer, b[i] as PresentPeer));
}

/** How `openTable` connects. */
export interface OpenTableOptions {
  /**
   * Connect at once rather than after this browser's copy loaded (see LOCAL_COPY_WAIT_MS): for
   * someone who just joined, who has no copy yet, waiting would only delay the table.
   */
  noLocalCopy?: boolean;
}

/** Opens the session's document `docName` (its first table by default) with `token` and publishes `user` as presence. */
export function openTable(
  sessionId: string,
  token: string,
  user: PresenceUser,
  docName: string = DEFAULT_TABLE_DOC,
  options: OpenTableOptions = {},
): TableConnection {
  useTableStore.setState(initialState, true);
  const doc = new Y.Doc();
  // The table is also kept in this browser (IndexedDB, one database per document): it opens
  // offline, edits made offline are kept across reloads, and everything merges when the
  // connection returns. (Written in short batches: see localStore.ts.)
  const local = openLocalStore(`worktable:${sessionId}/${docName}`, doc);
  local.whenSynced.then(
    () => useTableStore.setState({ storedLocally: true }),
    () => undefined,
  );
  // Connects once the copy kept here has loaded (see LOCAL_COPY_WAIT_MS).
  const provider = openDocumentProvider(sessionId, docName, token, doc, { connect: false });
  let waiting = true;
  const stopWaiting = () => {
    waiting = false;
    clearTimeout(waitTimer);
  };
  const connectFirst = () => {
    if (!waiting) return;
    stopWaiting();
    provider.connect();
  };
  const waitTimer = setTimeout(connectFirst, options.noLocalCopy ? 0 : LOCAL_COPY_WAIT_MS);
  local.whenSynced.then(connectFirst, connectFirst);
  // Reconnects with backoff and jitter (4503 waits longer), never after access ended.
  const retry = reconnectWithBackoff(provider);
  const { awareness } = provider;
  awareness.setLocalStateField('user', user);

  // Awareness changes with every pointer move and every caret move in a document; the people list
  // only changes when someone arrives, leaves or renames, so the store (and everything showing
  // who is here) is only updated then.
  const updatePeers = () => {
    const peers: PresentPeer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const presence = readPresence(state);
      if (presence) peers.push({ ...presence, clientId, isLocal: clientId === doc.clientID });
    }
    peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.name.localeCompare(b.name));
    if (!samePeers(peers, useTableStore.getState().peers)) useTableStore.setState({ peers });
  };
  awareness.on('change', updatePeers);
  updatePeers();

  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      failedAttempts = 0;
      useTableStore.setState({ status: 'connected', closed: null });
    }
    // While offline the provider keeps retrying; stay "offline" until a retry succeeds.
    else if (status === 'connecting') useTableStore.setState((s) => (s.status === 'offline' ? s : { status: 'connecting' }));
    else useTableStore.setState({ status: 'offline' });
  });
  // The server refuses a bad token at the handshake with HTTP 401/403/404, which a browser only
  // sees as close code 1006. After a few failed attempts in a row, ask the API whether the token
  // is still good, and stop retrying (with the matching explanation) when it is not.
  let failedAttempts = 0;
  const checkAccess = () => {
    getSession(sessionId, token).catch((error: unknown) => {
      if (!(error instanceof ApiRequestError)) return;
      const code = accessCloseCode(error.status);
      if (code === null) return;
      retry.cancel();
      provider.disconnect();
      useTableStore.setState({ status: 'offline', closed: explainClose(code) });
    });
  };
  provider.on('connection-close', (event) => {
    const explained = event ? explainClose(event.code, event.reason) : null;
    useTableStore.setState((s) => ({ status: 'offline', synced: s.synced, closed: explained ?? s.closed }));
    if (!explained && ++failedAttempts === ACCESS_CHECK_AFTER_FAILURES) checkAccess();
  });
  provider.on('sync', (isSynced) => {
    if (isSynced) useTableStore.setState({ synced: true });
  });

  return {
    docName,
    doc,
    provider,
    reconnect() {
      stopWaiting();
      useTableStore.setState({ status: 'connecting', closed: null });
      retry.cancel();
      provider.connect();
    },
    close() {
      stopWaiting();
      retry.stop();
      awareness.off('change', updatePeers);
      provider.destroy();
      local.close();
      doc.destroy();
      useTableStore.setState(initialState, true);
    },
  };
}
