/**
 * The two kinds of load client and how to make one: the lean y-websocket client for Worktable and
 * the reference server, the stock Hocuspocus provider for Hocuspocus. A kind is a name, so a
 * generator process can be told which one to make.
 */
import { BenchClient } from './benchClient.js';
import { HocuspocusBenchClient } from './hocuspocusClient.js';
import type { DeliveryListener, LoadClient } from './stampedDocument.js';

/** Which client a server is driven with. */
export type ClientKind = 'y-websocket' | 'hocuspocus';

/**
 * Makes the client of one connection to the server at `wsUrl`; `path` is what the room gave for it
 * (a URL path for y-websocket servers, whose slash-less form is the document name for Hocuspocus).
 */
export type LoadClientFactory = (wsUrl: string, path: string, onDelivery: DeliveryListener, writer: boolean) => LoadClient;

/** The factory of each kind. */
export const CLIENT_FACTORIES: Record<ClientKind, LoadClientFactory> = {
  'y-websocket': (wsUrl, path, onDelivery, writer) => new BenchClient(wsUrl + path, onDelivery, writer),
  hocuspocus: (wsUrl, path, onDelivery, writer) => new HocuspocusBenchClient(wsUrl, path.replace(/^\//, ''), onDelivery, writer),
};
