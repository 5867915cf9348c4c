/**
 * Views between the drivers' Buffers and the port's Uint8Arrays, sharing the memory (no copy).
 */

/** Views a Buffer from a driver as a plain Uint8Array. */
export function viewBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Views bytes as a Buffer, for a driver that wants one. */
export function viewBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
