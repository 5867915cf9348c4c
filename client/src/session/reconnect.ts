/**
 * The one reconnect policy for every y-websocket connection (tables, the plenary, private
 * documents). The stock `WebsocketProvider` retries after `min(2^n · 100 ms, 2.5 s)` with no
 * jitter, so after a server restart every open tab comes back in the same instant (issue #9).
 * `reconnectWithBackoff` takes over: it holds the provider back after a close nobody here asked
 * for and reconnects after a jittered, growing delay. Closes the server means for good (4400–4499:
 * access revoked, removed by the host, session deleted) and deliberate disconnects never reconnect.
 */
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@worktable/shared';

/** A retry window: the `n`-th retry in a row waits between half of and all of `min(cap, first · 2^n)` ms. */
interface RetryWindow {
  first: number;
  cap: number;
}

/** Any close: 0.5–1 s first, doubling to 7.5–15 s. */
const RETRY: RetryWindow = { first: 1_000, cap: 15_000 };
/** 4503 (storage unreachable, shutting down): the server asked for "later", so 1–2 s first, doubling to 15–30 s. */
const UNAVAILABLE: RetryWindow = { first: 2_000, cap: 30_000 };
/** After the browser's `online` event, reconnect within this many ms (jittered, so a network coming back is not a storm either). */
const ONLINE_JITTER_MS = 1_000;
/** A connection that synced and stayed open this long counts as a success: the next failure starts from the first window again. */
const STABLE_MS = 5_000;

/**
 * How long to wait before the retry after `streak` failed connections in a row (0 for the first),
 * when the last one was closed with `code` (null: no close frame, e.g. a network drop).
 * Jittered: uniform in the upper half of the window, so clients spread out but never retry at once.
 */
export function reconnectDelay(streak: number, code: number | null, random: () => number = Math.random): number {
  const { first, cap } = code === CloseCode.Unavailable ? UNAVAILABLE : RETRY;
  const ceiling = Math.min(cap, first * 2 ** streak);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Test seams for `reconnectWithBackoff`. */
export interface ReconnectOptions {
  /** Random source in [0, 1) for the jitter. */
  random?: () => number;
  /** Where the `online` event is heard (the window by default; null: nowhere). */
  online?: EventTarget | null;
}

/** Handle on a provider's reconnect policy. */
export interface Reconnector {
  /** Drops a pending retry. Call it before a deliberate `provider.disconnect()` or `provider.connect()`; later closes are handled again. */
  cancel(): void;
  /** Drops a pending retry and stops handling the provider's closes; call it when the provider is destroyed. */
  stop(): void;
}

/**
 * Makes `provider` reconnect with backoff and jitter (`reconnectDelay`) instead of its own
 * lock-step timer. A close counts when the server or the network ended a connection the page
 * still wants; then the provider is held back (`shouldConnect = false`, which turns its own
 * scheduled retry into a no-op) and `provider.connect()` runs after the delay. The browser's
 * `online` event brings a pending retry forward to within a second.
 */
export function reconnectWithBackoff(provider: WebsocketProvider, options: ReconnectOptions = {}): Reconnector {
  const random = options.random ?? Math.random;
  const online = options.online === undefined ? (typeof window === 'undefined' ? null : window) : options.online;
  let streak = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stableTimer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };
  const retryIn = (delay: number) => {
    cancel();
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      provider.connect();
    }, delay);
  };
  const onClose = (event: CloseEvent | null) => {
    clearTimeout(stableTimer);
    // `disconnect()`/`destroy()` (event null, not wanted any more), or a close the server means
    // for good: the provider stops by itself (and emits `closed`); nothing to schedule.
    if (!provider.shouldConnect || (event && !provider.shouldReconnect(event, provider))) {
      cancel();
      return;
    }
    provider.shouldConnect = false;
    retryIn(reconnectDelay(streak++, event?.code ?? null, random));
  };
  const onSync = (synced: boolean) => {
    clearTimeout(stableTimer);
    if (synced) stableTimer = setTimeout(() => (streak = 0), STABLE_MS);
  };
  const onOnline = () => {
    if (retryTimer === undefined) return;
    streak = 0;
    retryIn(Math.round(random() * ONLINE_JITTER_MS));
  };

  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  online?.addEventListener('online', onOnline);
  return {
    cancel,
    stop() {
      cancel();
      clearTimeout(stableTimer);
      provider.off('connection-close', onClose);
      provider.off('sync', onSync);
      online?.removeEventListener('online', onOnline);
    },
  };
}
