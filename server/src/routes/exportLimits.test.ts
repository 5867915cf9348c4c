/**
 * Export amplification against a real server on port 0 (issue #19): one large image on many cards
 * is embedded once in the HTML record (the other cards point to it), images past the record's
 * budget are named instead of embedded, Markdown loads no image bytes, and a session's records are
 * rendered a few at a time (429 beyond, counted).
 */
import { describe, expect, it } from 'vitest';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { closedAfterEach } from '../testing/closedAfterEach.js';
import { putArtifact } from '../testing/canvasWrites.js';
import { onePixelPng } from '../testing/sampleFiles.js';
import { connectClient, createSessionWith, scrapeMetric, waitFor } from '../testing/testServer.js';

const { docs, start } = closedAfterEach();
const IMAGE_BYTES = 200 * 1024;

/** A PNG of about `bytes` (a real one-pixel image with padding after it; the first bytes decide the type). */
function paddedPng(bytes: number, seed: number): Uint8Array {
  const png = onePixelPng([seed, 0, 0, 255]);
  const padded = new Uint8Array(bytes);
  padded.set(png);
  for (let i = png.length; i < bytes; i++) padded[i] = (i * 31 + seed) & 0xff;
  return padded;
}

describe('export limits', () => {
  it('EL1 one image on 18 cards is embedded once; an image past the budget is named; records of a session are made a few at a time', async () => {
    const t = await start({ MAX_EXPORT_EMBED_BYTES: String(300 * 1024), EXPORTS_PER_SESSION_AT_ONCE: '1' });
    const { session } = await createSessionWith(t.url, []);
    const auth = { authorization: `Bearer ${session.hostToken}` };
    const upload = async (bytes: Uint8Array, name: string) => {
      const response = await fetch(`${t.url}/api/sessions/${session.sessionId}/uploads?name=${name}`, {
        method: 'POST',
        headers: auth,
        body: bytes,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { uploadId: string }).uploadId;
    };
    const big = await upload(paddedPng(IMAGE_BYTES, 1), 'big.png');
    const second = await upload(paddedPng(IMAGE_BYTES, 2), 'second.png');

    const table = connectClient(t.wsUrl, session.sessionId, 'table-1', session.hostToken);
    docs.push(table);
    await table.synced;
    const maker = { id: session.participantId, name: 'Host', at: 1 };
    table.doc.transact(() => {
      for (let i = 0; i < 18; i++)
        putArtifact(
          table.doc,
          `card-${i}`,
          ArtifactKind.Image,
          { [ArtifactField.UploadId]: big, [ArtifactField.Mime]: 'image/png', [ArtifactField.FileName]: `big.png` },
          { x: i * 220, y: 0 },
          maker,
        );
      putArtifact(
        table.doc,
        'card-second',
        ArtifactKind.Image,
        { [ArtifactField.UploadId]: second, [ArtifactField.Mime]: 'image/png', [ArtifactField.FileName]: 'second.png' },
        { y: 400 },
        maker,
      );
    });
    await waitFor(
      () => t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getMap('artifacts').size === 19,
      5000,
      'cards on the server',
    );

    const html = await (await fetch(`${t.url}/api/sessions/${session.sessionId}/export?format=html`, { headers: auth })).text();
    const embedded = html.match(/src="data:image\/png;base64,/g) ?? [];
    const pointers = html.match(/The same image as <a href="#image-/g) ?? [];
    const oneImageBase64 = Math.ceil(IMAGE_BYTES / 3) * 4;
    console.info(
      `export limits: HTML of ${html.length} bytes for 18 cards of one ${IMAGE_BYTES / 1024} KiB image (${embedded.length} embedded, ${pointers.length} pointers) and one past the budget`,
    );
    expect(embedded).toHaveLength(1);
    expect(pointers).toHaveLength(17);
    expect(html).toContain(`id="image-${big}"`);
    expect(html).toMatch(/200 KB image left out to keep this record small/);
    // 18 embeds would be 18 × 273 KB; the record holds one image and some text.
    expect(html.length).toBeLessThan(oneImageBase64 + 200 * 1024);

    // One at a time for this session: of three PDFs asked at once (Chromium prints each, which takes
    // a while), one is made and the others wait with 429.
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => fetch(`${t.url}/api/sessions/${session.sessionId}/export?format=pdf`, { headers: auth })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/try again in a few seconds/);
    const pdf = new Uint8Array(await answers.find((a) => a.status === 200)!.arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(await scrapeMetric(t.url, 'worktable_limited_total{limit="exports"}')).toBe(2);
    // And once those are done, the next one is made.
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}/export?format=md`, { headers: auth })).status).toBe(200);
  });
});
