/**
 * What one session may keep in uploads (issue #19: "unbounded uploads per session"), against a
 * real server on port 0 with a real SQLite file: a file past the session's count or bytes is
 * refused with 413 `session_full` and nothing of it is kept; uploads started at once cannot pass
 * the bytes together; other sessions are unaffected; refusals are counted.
 */
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../testing/closedAfterEach.js';
import { onePixelPng } from '../testing/sampleFiles.js';
import { createSessionWith, scrapeMetric } from '../testing/testServer.js';

const { start } = closedAfterEach();

/** A PNG of `bytes` (a real one-pixel image, padded). */
function png(bytes: number): Uint8Array {
  const image = new Uint8Array(bytes);
  image.set(onePixelPng());
  return image;
}

describe('uploads per session', () => {
  it('SU1 a session keeps at most MAX_UPLOADS_PER_SESSION files and MAX_UPLOAD_BYTES_PER_SESSION bytes; past them 413 session_full, nothing kept', async () => {
    const t = await start({ MAX_UPLOADS_PER_SESSION: '3', MAX_UPLOAD_BYTES_PER_SESSION: String(100 * 1024) });
    const { session } = await createSessionWith(t.url, []);
    const other = (await createSessionWith(t.url, [])).session;
    const post = (to: typeof session, bytes: Uint8Array) =>
      fetch(`${t.url}/api/sessions/${to.sessionId}/uploads?name=photo.png`, {
        method: 'POST',
        headers: { authorization: `Bearer ${to.hostToken}` },
        body: bytes,
      });

    // Bytes: 60 KiB fits, another 60 KiB does not (and leaves nothing behind), 30 KiB still does.
    expect((await post(session, png(60 * 1024))).status).toBe(201);
    const tooMuch = await post(session, png(60 * 1024));
    expect(tooMuch.status).toBe(413);
    const refusal = (await tooMuch.json()) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('session_full');
    expect(refusal.error.message).toMatch(
      /has no room for this file \(it keeps at most 100 KB of files\); remove files it no longer needs/,
    );
    expect(await t.server.storage.uploads.usage(session.sessionId)).toEqual({ uploads: 1, bytes: 60 * 1024 });
    expect((await post(session, png(30 * 1024))).status).toBe(201);

    // Count: a third file fits, a fourth does not.
    expect((await post(session, png(1024))).status).toBe(201);
    const fourth = await post(session, png(1024));
    expect(fourth.status).toBe(413);
    expect(((await fourth.json()) as { error: { message: string } }).error.message).toMatch(/already keeps 3 files, the most it can/);

    // Another session is not affected; and five uploads of 30 KiB started at once fit three at most.
    const together = await Promise.all(Array.from({ length: 5 }, () => post(other, png(30 * 1024))));
    const stored = together.filter((r) => r.status === 201).length;
    expect(stored).toBe(3);
    expect(together.filter((r) => r.status === 413)).toHaveLength(2);
    const usage = await t.server.storage.uploads.usage(other.sessionId);
    expect(usage.bytes).toBeLessThanOrEqual(100 * 1024);
    expect(await scrapeMetric(t.url, 'worktable_limited_total{limit="session_uploads"}')).toBe(4);
  });
});
