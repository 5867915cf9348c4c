import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { encodeBinaryFrame } from './webSocketFrame.js';

/** ws's frame parser (exported by ws at runtime, not in its type declarations). */
const { Receiver } = createRequire(import.meta.url)('ws') as { Receiver: new (options: { isServer: boolean }) => Writable };

/** Decodes frames with ws's own receiver (client side: expects unmasked frames). */
function decodeWithWs(frame: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? resolve(data) : reject(new Error('not binary'))));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('binary frames', () => {
  it('WF1 are read back by ws at every length boundary', async () => {
    for (const length of [0, 1, 125, 126, 127, 65535, 65536, 200_000]) {
      const payload = Buffer.alloc(length);
      for (let i = 0; i < length; i++) payload[i] = (i * 31) & 0xff;
      const decoded = await decodeWithWs(encodeBinaryFrame(payload));
      expect(decoded.equals(payload), `length ${length}`).toBe(true);
    }
  });
});
