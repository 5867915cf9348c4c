/**
 * The client as a browser gets it: precompressed files when it accepts them (Brotli first), the
 * plain file otherwise; hashed assets cached a year as immutable, index.html revalidated; the
 * single-page fallback serves index.html the same way. Against a real server on port 0 serving a
 * directory laid out like client/dist with the .br and .gz files the build writes (the real build
 * is checked end to end in foundation.e2e).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { IMMUTABLE, REVALIDATE } from './clientRoutes.js';

let t: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET that keeps the bytes as they came (fetch would decompress them). */
function rawGet(url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const SCRIPT = `console.log(${JSON.stringify('worktable '.repeat(2000))});\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body>${'<p>table</p>'.repeat(200)}</body></html>`;

describe('client delivery', () => {
  it('CR1 precompressed, immutable assets and a revalidated index, as the browser accepts', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wt-client-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), SCRIPT);
    // As the build's precompress plugin writes them.
    for (const file of [path.join(dir, 'index.html'), path.join(dir, 'assets', 'index-abc123.js')]) {
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(fs.readFileSync(file)));
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file)));
    }
    t = await startTestServer({}, { clientDir: dir });

    const br = await rawGet(`${t.url}/assets/index-abc123.js`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.body.byteLength).toBeLessThan(SCRIPT.length / 10);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await rawGet(`${t.url}/assets/index-abc123.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await rawGet(`${t.url}/assets/index-abc123.js`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    for (const page of ['/', '/s/some-session']) {
      const index = await rawGet(`${t.url}${page}`, 'br');
      expect(index.status).toBe(200);
      expect(index.headers['cache-control']).toBe(REVALIDATE);
      expect(zlib.brotliDecompressSync(index.body).toString()).toBe(INDEX);
    }
  });
});
