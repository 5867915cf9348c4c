/**
 * A benchmark connection to Hocuspocus, driven by the stock `@hocuspocus/provider`: one
 * `HocuspocusProviderWebsocket` (its own socket, as each person's browser would have) with one
 * `HocuspocusProvider` attached to it. Awareness is off (`awareness: null`) because the y-websocket
 * bench clients send none either; the provider's reconnect-on-silence is pushed beyond any run,
 * since with awareness off an idle receiver would otherwise reconnect after 30 s.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { StampedDocument, type DeliveryListener, type LoadClient } from './stampedDocument.js';

const SILENCE_ALLOWED_MS = 3_600_000;

/** One provider on its own socket, writing and observing the benchmark map. */
export class HocuspocusBenchClient extends StampedDocument implements LoadClient {
  readonly synced: Promise<void>;
  failure: string | null = null;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private expectingClose = false;

  /** Connects to the Hocuspocus server at `url` and opens `documentName`. */
  constructor(url: string, documentName: string, onDelivery: DeliveryListener, writer = false) {
    super(onDelivery, writer);
    let resolveSynced: () => void = () => undefined;
    let rejectSynced: (error: Error) => void = () => undefined;
    this.synced = new Promise<void>((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    this.synced.catch(() => undefined);
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      messageReconnectTimeout: SILENCE_ALLOWED_MS,
      maxAttempts: 1,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: documentName,
      document: this.doc,
      awareness: null,
      onSynced: ({ state }) => {
        if (state) resolveSynced();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.fail(`authentication failed: ${reason}`);
        rejectSynced(new Error(this.failure ?? reason));
      },
      onClose: ({ event }) => {
        if (!this.expectingClose) this.fail(`closed by the server: ${event.code} ${event.reason}`);
        rejectSynced(new Error(this.failure ?? 'closed'));
      },
    });
    this.provider.attach();
  }

  expectClose(): void {
    this.expectingClose = true;
  }

  async close(): Promise<void> {
    this.expectingClose = true;
    this.provider.destroy();
    this.socket.destroy();
  }

  private fail(reason: string): void {
    this.failure ??= reason;
  }
}
