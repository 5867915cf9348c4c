/**
 * What a document holds, in bytes: its encoded size after merging (`Y.encodeStateAsUpdate`), the
 * figure `MAX_DOC_BYTES` limits — not the sum of the updates it received. Text typed and deleted
 * again and again sends update after update, while the merged document stays small (deleted
 * content is garbage-collected; a tombstone is a few bytes).
 *
 * Encoding the whole document on every update would cost milliseconds per keystroke in a large
 * one, so the size is an estimate: the last measurement plus the bytes of every update applied
 * since. Each update's bytes stand in for what it adds — usually more than that, as deletions add
 * almost nothing; at worst about 1.5× less, when a transaction inserts into the middle of many
 * existing runs of text and splits each in two. The estimate is re-based to the true size (a
 * measurement) once the updates since the last measurement would fill half the room the
 * measurement left below a limit, so a 2× underestimate still cannot carry a document past it, and
 * a document is refused an update only on a fresh measurement.
 */
import * as Y from 'yjs';

/** The share of the room left below the limit that updates may fill before the size is measured again. */
export const REMEASURE_SHARE = 0.5;

/** The size of one document, measured now and then and estimated in between. */
export class DocumentSize {
  private measuredBytes = 0;
  /** Bytes of the updates applied since the last measurement. */
  private grownBytes = 0;
  /** Bytes of every update ever applied (for `markApplied`). */
  private appliedBytes = 0;
  private measurementCount = 0;

  constructor(private readonly doc: Y.Doc) {}

  /** The estimated merged size: the last measurement plus the updates applied since. */
  get estimateBytes(): number {
    return this.measuredBytes + this.grownBytes;
  }

  /** How many times the document was encoded to measure it (for tests and diagnostics). */
  get measurements(): number {
    return this.measurementCount;
  }

  /** An update of `bytes` was applied to the document (from a client, the server or another node). */
  grew(bytes: number): void {
    this.grownBytes += bytes;
    this.appliedBytes += bytes;
  }

  /** Encodes the document and re-bases the estimate on its true size; returns it. */
  measure(): number {
    this.measuredBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.grownBytes = 0;
    this.measurementCount++;
    return this.measuredBytes;
  }

  /** Re-bases the estimate on `encodedBytes`, the document's true size now, known without encoding it (a merged snapshot it was just loaded from). */
  rebase(encodedBytes: number): void {
    this.measuredBytes = encodedBytes;
    this.grownBytes = 0;
  }

  /**
   * Re-bases the estimate on a size measured elsewhere, if that is lower: `encodedBytes` is the
   * true size of the document as it was (a compaction's merge of what storage held), `sinceBytes`
   * the updates applied here that it may lack. Both estimates are upper bounds; the lower is kept.
   */
  rebaseIfLower(encodedBytes: number, sinceBytes: number): void {
    if (encodedBytes + sinceBytes >= this.estimateBytes) return;
    this.measuredBytes = encodedBytes;
    this.grownBytes = sinceBytes;
  }

  /** A mark to pass to `appliedSince` later: the bytes applied so far. */
  markApplied(): number {
    return this.appliedBytes;
  }

  /** Bytes of the updates applied since `mark` (from `markApplied`). */
  appliedSince(mark: number): number {
    return this.appliedBytes - mark;
  }

  /**
   * Whether applying an update of `bytes` keeps the document within `limitBytes`. Answered from the
   * estimate while the updates since the last measurement fill less than `REMEASURE_SHARE` of the
   * room it left; otherwise the document is measured again first, and refused only if its true
   * size plus the update would pass the limit.
   */
  fits(bytes: number, limitBytes: number): boolean {
    if (this.grownBytes + bytes <= (limitBytes - this.measuredBytes) * REMEASURE_SHARE) return true;
    return this.measure() + bytes <= limitBytes;
  }
}
