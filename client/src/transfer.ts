/**
 * Reading a response body while reporting how far it got, for downloads that show progress
 * (history snapshots, exported records).
 */

/** How much of a body has arrived: bytes so far and the expected total (null when unknown). */
export interface TransferProgress {
  received: number;
  total: number | null;
}

/** The expected size of a response: `expected` when given, else its `Content-Length`, else null. */
export function expectedBytes(response: Response, expected?: number): number | null {
  if (expected !== undefined && expected > 0) return expected;
  const length = Number(response.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length : null;
}

/** A fraction 0–1 for a progress bar, or null when the total is unknown. */
export function fractionOf(progress: TransferProgress): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(1, progress.received / progress.total);
}

/** Reads the whole body, calling `onProgress` as chunks arrive; resolves to its bytes. */
export async function readWithProgress(
  response: Response,
  onProgress: (progress: TransferProgress) => void,
  expected?: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const total = expectedBytes(response, expected);
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress({ received: bytes.byteLength, total });
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
