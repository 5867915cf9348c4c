/**
 * Clients that move a cursor: each publishes its awareness state `{ cursor: { x, y, t } }` (t is
 * `performance.now()` when it moved) and counts the awareness traffic it receives. Observers
 * also decode every state they receive and record how long each cursor position took to arrive;
 * the others only count messages and bytes, so 200 of them fit in the generator.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { BenchClient } from './benchClient.js';
import type { ServerProcess } from './serverProcess.js';

const MESSAGE_AWARENESS = 1;

/** Awareness traffic one client received. */
export interface CursorTally {
  messages: number;
  bytes: number;
  /** Cursor positions of other clients decoded (observers only). */
  states: number;
  /** ms from a move to its arrival, per decoded position (observers only). */
  latencies: number[];
}

/** A connection that moves a cursor and tallies the others'. */
export interface CursorClient {
  readonly synced: Promise<void>;
  readonly failure: string | null;
  readonly cursors: CursorTally;
  /** Publishes a new cursor position. */
  move(x: number, y: number): void;
  close(): Promise<void>;
}

/** Makes the cursor client of one connection (`path` as given by the room). */
export type CursorClientFactory = (server: ServerProcess, path: string, observer: boolean) => CursorClient;

interface CursorState {
  cursor?: { x: number; y: number; t: number };
}

function arrivalOf(state: CursorState | null, now: number): number | null {
  const t = state?.cursor?.t;
  return typeof t === 'number' ? now - t : null;
}

/**
 * A y-websocket client publishing raw awareness updates (the standard encoding, one state). A
 * `writer` also sends its local document changes (see `BenchClient`).
 */
export class YWebsocketCursorClient extends BenchClient implements CursorClient {
  readonly cursors: CursorTally = { messages: 0, bytes: 0, states: 0, latencies: [] };
  private clock = 0;

  constructor(
    url: string,
    private readonly observer: boolean,
    writer = false,
  ) {
    super(url, () => undefined, writer);
  }

  move(x: number, y: number): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.doc.clientID);
    encoding.writeVarUint(update, ++this.clock);
    encoding.writeVarString(update, JSON.stringify({ cursor: { x, y, t: performance.now() } } satisfies CursorState));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    this.send(encoding.toUint8Array(encoder));
  }

  protected override otherMessage(type: number, decoder: decoding.Decoder, bytes: number): void {
    if (type !== MESSAGE_AWARENESS) return;
    this.cursors.messages++;
    this.cursors.bytes += bytes;
    if (!this.observer) return;
    const now = performance.now();
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      decoding.readVarUint(update);
      const state = JSON.parse(decoding.readVarString(update)) as CursorState | null;
      if (clientId === this.doc.clientID) continue;
      const latency = arrivalOf(state, now);
      if (latency === null) continue;
      this.cursors.states++;
      this.cursors.latencies.push(latency);
    }
  }
}

/** Hocuspocus: the stock provider with an Awareness, moving with `setAwarenessField`. */
class HocuspocusCursorClient implements CursorClient {
  readonly cursors: CursorTally = { messages: 0, bytes: 0, states: 0, latencies: [] };
  readonly synced: Promise<void>;
  failure: string | null = null;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private closing = false;

  constructor(url: string, documentName: string, observer: boolean) {
    let resolveSynced: () => void = () => undefined;
    this.synced = new Promise<void>((resolve) => {
      resolveSynced = resolve;
    });
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      messageReconnectTimeout: 3_600_000,
      maxAttempts: 1,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: documentName,
      onSynced: ({ state }) => {
        if (state) resolveSynced();
      },
      onClose: ({ event }) => {
        if (!this.closing) this.failure ??= `closed by the server: ${event.code} ${event.reason}`;
      },
      onMessage: ({ message }) => {
        // Hocuspocus frames every message as [document name][type]…; count the awareness ones.
        const bytes = new Uint8Array(message.data as ArrayBufferLike);
        const decoder = decoding.createDecoder(bytes);
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
        this.cursors.messages++;
        this.cursors.bytes += bytes.byteLength;
      },
    });
    const awareness = this.provider.awareness as Awareness;
    if (observer) {
      awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        if (origin === 'local') return;
        const now = performance.now();
        for (const id of added.concat(updated)) {
          if (id === awareness.clientID) continue;
          const latency = arrivalOf(awareness.getStates().get(id) as CursorState | null, now);
          if (latency === null) continue;
          this.cursors.states++;
          this.cursors.latencies.push(latency);
        }
      });
    }
    this.provider.attach();
  }

  move(x: number, y: number): void {
    this.provider.setAwarenessField('cursor', { x, y, t: performance.now() });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.provider.destroy();
    this.socket.destroy();
  }
}

/** Cursor clients for y-websocket servers (Worktable, the reference): `server.wsUrl + path`. */
export const yWebsocketCursors: CursorClientFactory = (server, path, observer) => new YWebsocketCursorClient(server.wsUrl + path, observer);

/** Cursor clients for Hocuspocus: the path without its slash is the document name. */
export const hocuspocusCursors: CursorClientFactory = (server, path, observer) =>
  new HocuspocusCursorClient(server.wsUrl, path.replace(/^\//, ''), observer);
