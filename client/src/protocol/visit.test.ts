import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ControlEvent, type ControlAck } from '@worktable/shared';
import { stateFixture } from './fixtures.js';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket: events in, `control` acks out. */
class FakeSocket {
  connected = false;
  readonly handlers = new Map<string, Handler[]>();
  /** Every `control` payload sent, in order. */
  readonly controls: unknown[] = [];
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  timeout() {
    return {
      emitWithAck: (event: string, payload?: unknown): Promise<unknown> => {
        if (event !== ControlEvent.Control) return Promise.resolve({ serverNow: 0 });
        this.controls.push(payload);
        const tableId = (payload as { tableId?: string | null }).tableId ?? null;
        const ack: ControlAck = { ok: true, state: stateFixture({ version: 1, tableId }) };
        return Promise.resolve(ack);
      },
    };
  }
  fire(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

let socket = new FakeSocket();
vi.mock('socket.io-client', () => ({ io: () => socket }));

const { openControl, useControlStore, visitTable } = await import('./controlConnection.js');

const visits = () => socket.controls.filter((c) => (c as { action: string }).action === 'visit');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the host’s visit on the control connection', () => {
  beforeEach(() => {
    socket = new FakeSocket();
    vi.stubGlobal('window', {
      location: { origin: 'http://worktable.test' },
      setInterval: () => 1,
      clearInterval: () => undefined,
      setTimeout,
    });
  });
  afterEach(() => {
    visitTable(null);
    vi.unstubAllGlobals();
  });

  it('waits for the first state after connecting, then visits; sends again after every reconnect', async () => {
    const connection = openControl('s1', 'token');
    visitTable('table-2');
    expect(visits()).toEqual([]); // not connected yet
    socket.fire('connect');
    expect(visits()).toEqual([]); // the server has not placed the socket yet
    socket.fire(ControlEvent.State, stateFixture({ version: 1, tableId: null }));
    expect(visits()).toEqual([{ action: 'visit', tableId: 'table-2' }]);
    await settle();
    expect(useControlStore.getState().state?.tableId).toBe('table-2');

    // A dropped connection comes back: the server forgot the visit, the client says it again.
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    socket.fire(ControlEvent.State, stateFixture({ version: 1, tableId: null }));
    expect(visits()).toEqual([
      { action: 'visit', tableId: 'table-2' },
      { action: 'visit', tableId: 'table-2' },
    ]);
    connection.close();
  });

  it('sends changes at once while connected, and leaves with visit null', async () => {
    const connection = openControl('s1', 'token');
    socket.fire('connect');
    socket.fire(ControlEvent.State, stateFixture({ version: 1, tableId: null }));
    expect(visits()).toEqual([]); // nothing to visit
    visitTable('table-1');
    visitTable('table-1'); // unchanged: not sent twice
    visitTable(null);
    expect(visits()).toEqual([
      { action: 'visit', tableId: 'table-1' },
      { action: 'visit', tableId: null },
    ]);
    await settle();
    expect(useControlStore.getState().state?.tableId).toBeNull();
    connection.close();
  });
});
