/**
 * Test helper: size counter churn, the attack of issue #19 — text typed and deleted again, over
 * and over, so the updates add up to far more than the document ever holds.
 */
import type * as Y from 'yjs';

/** What a churn sent. */
export interface ChurnFigures {
  /** Bytes of every update the churn made. */
  bytes: number;
  updates: number;
}

/**
 * Appends `chunk` to `text` and deletes it again (two updates) until the updates made hold at least
 * `totalBytes`; yields to the event loop every 10 rounds so sockets drain and peers keep up.
 */
export async function typeAndDelete(text: Y.Text, totalBytes: number, chunk = 'churn '.repeat(300)): Promise<ChurnFigures> {
  const doc = text.doc;
  if (!doc) throw new Error('the text must belong to a document');
  const figures: ChurnFigures = { bytes: 0, updates: 0 };
  const count = (update: Uint8Array) => {
    figures.bytes += update.byteLength;
    figures.updates++;
  };
  doc.on('update', count);
  try {
    for (let round = 1; figures.bytes < totalBytes; round++) {
      const at = text.length;
      text.insert(at, chunk);
      text.delete(at, chunk.length);
      if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    doc.off('update', count);
  }
  return figures;
}
