/**
 * What one session may keep in uploads: at most `MAX_UPLOADS_PER_SESSION` files and
 * `MAX_UPLOAD_BYTES_PER_SESSION` bytes, counting what storage holds and, on this node, the uploads
 * still arriving (so a hundred uploads started at once cannot each pass the check alone).
 */

/** A size for people: "100 KB", "20 MB", "1 GB" (1024-based, at most three significant digits). */
export function sizeForPeople(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toPrecision(3))} ${units[unit]}`;
}

/** The session's limits. */
export interface SessionUploadLimits {
  uploads: number;
  bytes: number;
}

/** An upload under way: it spends the session's bytes as they arrive and gives back its place when done. */
export interface UploadAllowance {
  /** Counts `bytes` more of this upload; false when that takes the session past its bytes. */
  take(bytes: number): boolean;
  /** The upload finished (stored or not): what it counted leaves the in-flight tally. */
  close(): void;
}

/** Thrown while receiving an upload that would take its session past its bytes. */
export class SessionUploadsFull extends Error {
  constructor() {
    super('the session has no room for this file');
    this.name = 'SessionUploadsFull';
  }
}

/** The per-session budget of one node. */
export class SessionUploadBudget {
  private readonly inFlight = new Map<string, { uploads: number; bytes: number }>();

  constructor(readonly limits: SessionUploadLimits) {}

  /** Starts an upload to `sessionId`, which stores `stored` already; null when it holds as many files as it may. */
  open(sessionId: string, stored: { uploads: number; bytes: number }): UploadAllowance | null {
    const flying = this.inFlight.get(sessionId) ?? { uploads: 0, bytes: 0 };
    if (stored.uploads + flying.uploads >= this.limits.uploads) return null;
    flying.uploads++;
    this.inFlight.set(sessionId, flying);
    let counted = 0;
    let closed = false;
    return {
      take: (bytes) => {
        if (stored.bytes + flying.bytes + bytes > this.limits.bytes) return false;
        flying.bytes += bytes;
        counted += bytes;
        return true;
      },
      close: () => {
        if (closed) return;
        closed = true;
        flying.uploads--;
        flying.bytes -= counted;
        if (flying.uploads === 0) this.inFlight.delete(sessionId);
      },
    };
  }
}
