/**
 * The one way the page opens a session's document over y-websocket: the relay's address on this
 * page's origin, the document's key (`docKey`), the bearer token and the contract the page speaks
 * (`DOCUMENT_CONTRACT`), and every change through the
 * server (no BroadcastChannel between tabs of one browser). The table, private writing and the
 * plenary all open theirs here, each adding its own local copy, presence and reconnect policy.
 */
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { DOCUMENT_CONTRACT, docKey } from '@worktable/shared';

/** The y-websocket base URL for this page's origin (`ws://host/yjs` or `wss://host/yjs`). */
export function relayUrl(): string {
  return `${window.location.origin.replace(/^http/, 'ws')}/yjs`;
}

/** Opens `docName` of `sessionId` into `doc` with `token`; with `connect: false` it waits for `provider.connect()`. */
export function openDocumentProvider(
  sessionId: string,
  docName: string,
  token: string,
  doc: Y.Doc,
  options: { connect?: boolean } = {},
): WebsocketProvider {
  return new WebsocketProvider(relayUrl(), docKey(sessionId, docName), doc, {
    params: { token, contract: String(DOCUMENT_CONTRACT) },
    disableBc: true,
    connect: options.connect ?? true,
  });
}
