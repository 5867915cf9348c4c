/**
 * Property-based fuzz of the relay's message path (fast-check, fixed seed), in process so it can
 * push many frames: valid, mutated, truncated and noise y-protocols frames, huge varint lengths,
 * wrong message types, and awareness updates carrying odd or huge JSON. Each frame arrives on its
 * own connection to one of several rooms. Properties: nothing throws out of the relay, a refused
 * connection is closed with a Worktable 44xx/45xx code and only that connection, and bystanders in
 * every room keep syncing. `FUZZ_FRAMES` sets the run size (default 5,000 in `npm test`; the long
 * fault run uses 100,000).
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { DocumentAddress, Principal } from './hooks.js';
import { limitsHook } from './hooks/limitsHook.js';
import { DEFAULT_PRESENCE_LIMITS } from './presenceGuard.js';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './messages.js';
import { Relay } from './relay.js';
import type { RelaySocket } from './socket.js';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 5_000);
const ROOMS = 8;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

const address = (room: number): DocumentAddress => ({
  sessionId: 'fuzzsession',
  docName: `table-${room + 1}`,
  docKey: `fuzzsession/table-${room + 1}`,
});
const principal = (id: string): Principal => ({ sessionId: 'fuzzsession', participantId: id, name: id, role: 'participant' });

/**
 * A socket that records its closes and the messages `keep` accepts (bystanders keep only sync
 * messages: a long run relays gigabytes of fuzzed awareness they do not need to hold).
 */
function recordingSocket(keep: (message: Uint8Array) => boolean = () => true): RelaySocket & { closes: number[]; received: Uint8Array[] } {
  const socket = {
    closes: [] as number[],
    received: [] as Uint8Array[],
    bufferedAmount: 0,
    send(message: Uint8Array) {
      if (keep(message)) socket.received.push(message);
    },
    close(code: number) {
      socket.closes.push(code);
    },
  };
  return socket;
}

const textUpdate = fc.string({ maxLength: 40 }).map((text) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
});

const awarenessUpdate = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.string({ minLength: 40_000, maxLength: 60_000 })).map((state) => {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: state });
  return encodeAwarenessUpdate(awareness, [awareness.clientID]);
});

const hugeVarint = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.bigInt({ min: 2n ** 31n, max: 2n ** 62n }), fc.uint8Array({ maxLength: 16 }))
  .map(([type, length, tail]) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, Number(length));
    encoding.writeUint8Array(encoder, tail);
    return encoding.toUint8Array(encoder);
  });

const validFrame = fc.oneof(
  textUpdate.map(encodeSyncUpdate),
  textUpdate.map(encodeSyncStep2),
  fc.constant(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))),
  awarenessUpdate.map(encodeAwareness),
);

const frame = fc.oneof(
  { weight: 2, arbitrary: validFrame },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validFrame, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }))
      .map(([f, flips]) => {
        const mutated = f.slice();
        for (const [at, value] of flips) mutated[at % Math.max(1, mutated.length)] = value;
        return mutated;
      }),
  },
  { weight: 2, arbitrary: fc.tuple(validFrame, fc.nat()).map(([f, cut]) => f.slice(0, cut % Math.max(1, f.length))) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 96 }) },
  { weight: 1, arbitrary: hugeVarint },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 5, max: 2 ** 20 }), fc.uint8Array({ maxLength: 32 })).map(([type, rest]) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, type);
      encoding.writeUint8Array(encoder, rest);
      return encoding.toUint8Array(encoder);
    }),
  },
);

describe('relay property fuzz', () => {
  it(
    `P-F ${FRAMES} generated frames: nothing escapes, refusals close only the offender with 44xx/45xx, bystanders keep syncing`,
    async () => {
      const relay = new Relay([limitsHook({ maxMessageBytes: 32 * 1024, maxDocBytes: 8 * 1024 * 1024 })], {
        unloadGraceMs: 60_000,
        maxBufferedBytes: 1 << 30,
        logger: silent,
        presence: { ...DEFAULT_PRESENCE_LIMITS, maxStateBytes: 8 * 1024 },
      });
      // Two bystanders per room that keep editing during the run.
      const bystanders = Array.from({ length: ROOMS }, (_, room) =>
        [0, 1].map((i) => {
          const socket = recordingSocket((message) => message[0] === 0);
          const doc = new Y.Doc();
          const handle = relay.connect(socket, principal(`b${room}-${i}`), address(room));
          return { socket, doc, handle };
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      let frames = 0;
      let refused = 0;
      const badCodes: number[] = [];
      await fc.assert(
        fc.asyncProperty(frame, fc.integer({ min: 0, max: ROOMS - 1 }), async (bytes, room) => {
          const socket = recordingSocket();
          const handle = relay.connect(socket, principal(`f${frames}`), address(room));
          await Promise.resolve();
          await Promise.resolve();
          handle.receive(bytes); // must not throw
          frames++;
          if (socket.closes.length > 0) {
            refused++;
            for (const code of socket.closes) if (code < 4400 || code >= 4600) badCodes.push(code);
          }
          handle.closed();
          if (frames % 2000 === 0) {
            // Bystanders edit and must still be open.
            for (const [i, b] of bystanders.entries()) {
              const update = (() => {
                const d = new Y.Doc();
                d.getText('ok').insert(0, `${frames}-${i};`);
                return Y.encodeStateAsUpdate(d);
              })();
              b[0]!.handle.receive(encodeSyncUpdate(update));
            }
          }
        }),
        { numRuns: FRAMES, seed: 20261121, endOnFailure: true },
      );
      // Relays leave at the end of the event loop's turn; let the last ones go.
      await new Promise((resolve) => setImmediate(resolve));
      expect(frames).toBe(FRAMES);
      expect(badCodes).toEqual([]);
      expect(refused).toBeGreaterThan(FRAMES / 4); // the fuzz really was hostile
      for (const pair of bystanders) {
        for (const b of pair) expect(b.socket.closes).toEqual([]);
        // The second bystander received the first one's edits (decoded with the relay's own reader).
        const received = new Y.Doc();
        for (const message of pair[1]!.socket.received) {
          const decoded = decodeMessage(message);
          if (decoded.type === 'sync-update' || decoded.type === 'sync-step2') Y.applyUpdate(received, decoded.update);
        }
        expect(received.getText('ok').toString().length).toBeGreaterThan(0);
      }
      await relay.shutdown();
    },
    60_000 + FRAMES * 10,
  );
});
