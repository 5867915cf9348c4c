/**
 * RFC 6455 framing of one unmasked, final, binary frame, as a server sends it. A broadcast is
 * framed once and the same bytes are written to every recipient's socket, instead of `ws`
 * building a header (and a two-buffer write) per recipient.
 */

/** Encodes `payload` as a complete WebSocket binary frame (FIN set, opcode 2, no mask). */
export function encodeBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
