import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '@worktable/shared';
import { reconnectDelay, reconnectWithBackoff, type Reconnector } from './reconnect.js';

describe('reconnectDelay', () => {
  it('waits 0.5–1 s first, doubling to a 7.5–15 s window, always jittered', () => {
    expect(reconnectDelay(0, null, () => 0)).toBe(500);
    expect(reconnectDelay(0, 1006, () => 1)).toBe(1000);
    expect(reconnectDelay(2, CloseCode.SlowConnection, () => 0.5)).toBe(3000);
    expect(reconnectDelay(10, null, () => 0)).toBe(7500);
    expect(reconnectDelay(10, null, () => 1)).toBe(15_000);
    const spread = new Set(Array.from({ length: 20 }, () => reconnectDelay(2, null)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('after 4503 waits 1–2 s first, doubling to a 15–30 s window, always jittered', () => {
    const after4503 = (n: number, random?: () => number) => reconnectDelay(n, CloseCode.Unavailable, random);
    expect(after4503(0, () => 0)).toBe(1000);
    expect(after4503(0, () => 1)).toBe(2000);
    expect(after4503(3, () => 0.5)).toBe(12_000);
    expect(after4503(10, () => 0)).toBe(15_000);
    expect(after4503(10, () => 1)).toBe(30_000);
    const spread = new Set(Array.from({ length: 20 }, () => after4503(2)));
    expect(spread.size).toBeGreaterThan(10);
  });
});

/** Stands in for the browser WebSocket: the test opens and closes it as the server or network would. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = FakeSocket.CONNECTING;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(): void {}
  close(): void {
    this.readyState = FakeSocket.CLOSED;
  }
  serverOpens(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  serverCloses(code: number, reason = ''): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason });
  }
}

describe('reconnectWithBackoff on a real WebsocketProvider', () => {
  let doc: Y.Doc;
  let provider: WebsocketProvider;
  let retry: Reconnector;
  let online: EventTarget;
  let random: () => number;

  const attempts = () => FakeSocket.made.length;
  const last = (): FakeSocket => {
    const socket = FakeSocket.made.at(-1);
    if (!socket) throw new Error('no socket yet');
    return socket;
  };
  /** Advances the clock to just before `delay` ms and then to it: no new attempt before, exactly one at it. */
  const expectRetryAfter = (delay: number) => {
    const before = attempts();
    vi.advanceTimersByTime(delay - 1);
    expect(attempts(), `no retry before ${delay} ms`).toBe(before);
    vi.advanceTimersByTime(1);
    expect(attempts(), `one retry at ${delay} ms`).toBe(before + 1);
  };
  const expectNoRetry = () => {
    const before = attempts();
    vi.advanceTimersByTime(120_000);
    expect(attempts()).toBe(before);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.made = [];
    random = () => 1;
    online = new EventTarget();
    doc = new Y.Doc();
    provider = new WebsocketProvider('ws://relay.test/yjs', 's1/table-1', doc, {
      params: { token: 't' },
      disableBc: true,
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    retry = reconnectWithBackoff(provider, { random: () => random(), online });
    expect(attempts()).toBe(1);
  });

  afterEach(() => {
    retry.stop();
    provider.destroy();
    doc.destroy();
    vi.useRealTimers();
  });

  it('reconnects once after a dropped connection, after the jittered delay and not before', () => {
    last().serverOpens();
    provider.synced = true;
    random = () => 0;
    last().serverCloses(1006);
    // The provider's own retry (200 ms) is held back; ours comes at 500 ms, and only once.
    expectRetryAfter(500);
    vi.advanceTimersByTime(60_000);
    expect(attempts()).toBe(2);
    expect(provider.shouldConnect).toBe(true);
  });

  it('waits longer after each failure in a row, up to the cap', () => {
    for (const delay of [1000, 2000, 4000, 8000, 15_000, 15_000]) {
      last().serverCloses(1006);
      expectRetryAfter(delay);
    }
  });

  it('starts again from the first window once a connection synced and stayed open', () => {
    for (const delay of [1000, 2000, 4000]) {
      last().serverCloses(1006);
      expectRetryAfter(delay);
    }
    last().serverOpens();
    provider.synced = true;
    vi.advanceTimersByTime(5_000);
    last().serverCloses(1006);
    expectRetryAfter(1000);
  });

  it('keeps backing off when connections sync but are closed at once (4503 while storage is down)', () => {
    for (const delay of [2000, 4000, 8000]) {
      last().serverOpens();
      provider.synced = true;
      vi.advanceTimersByTime(100);
      last().serverCloses(CloseCode.Unavailable, 'storage is unreachable');
      expectRetryAfter(delay);
    }
  });

  it('retries a connection the provider dropped for going silent', () => {
    last().serverOpens();
    // Nothing heard for over 30 s (lib0 reads the real clock, so set the last message back).
    provider.wsLastMessageReceived -= 31_000;
    vi.advanceTimersByTime(3_000);
    expect(last().readyState).toBe(FakeSocket.CLOSED);
    expect(attempts()).toBe(1);
    expectRetryAfter(1000);
  });

  it('retries within a second when the browser comes back online', () => {
    for (const delay of [1000, 2000, 4000, 8000]) {
      last().serverCloses(1006);
      expectRetryAfter(delay);
    }
    last().serverCloses(1006);
    random = () => 0.3;
    online.dispatchEvent(new Event('online'));
    expectRetryAfter(300);
    vi.advanceTimersByTime(60_000);
    expect(attempts()).toBe(6);
  });

  it.each([CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.NotFound, CloseCode.BadFrame, CloseCode.DocumentTooLarge])(
    'never reconnects after close code %i (access ended, or retrying cannot help)',
    (code) => {
      const closed = vi.fn();
      provider.on('closed', closed);
      last().serverOpens();
      provider.synced = true;
      last().serverCloses(code, 'removed from the session by the host');
      expectNoRetry();
      expect(provider.shouldConnect).toBe(false);
      expect(closed).toHaveBeenCalledOnce();
    },
  );

  it('does not turn a deliberate disconnect into a reconnect', () => {
    last().serverOpens();
    provider.disconnect();
    expectNoRetry();
  });

  it('cancel() drops a pending retry, so a disconnect while waiting sticks (access re-checked and refused)', () => {
    last().serverCloses(1006);
    retry.cancel();
    provider.disconnect();
    online.dispatchEvent(new Event('online'));
    expectNoRetry();
  });

  it('stop() cancels a pending retry when the connection is closed', () => {
    last().serverCloses(1006);
    retry.stop();
    provider.destroy();
    online.dispatchEvent(new Event('online'));
    expectNoRetry();
  });
});
