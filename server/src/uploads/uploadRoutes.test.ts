/** The uploads contract of docs/API.md, against a real server on port 0 with a real SQLite file. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, CreateSessionResponse } from '@worktable/shared';
import { ConfigError, loadConfig } from '../config/config.js';
import { EMPTY_ZIP, HTML_PAGE, MINIMAL_PDF, SCRIPTED_SVG, ZIP_START, onePixelPng } from '../testing/sampleFiles.js';
import { storedUploadRows } from '../testing/storedUploadRows.js';
import { createSessionWith, postJson, startTestServer, type TestServer } from '../testing/testServer.js';
import type { UploadResponse } from './uploadRoutes.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

interface UploadOptions {
  token?: string;
  name?: string;
  contentType?: string;
  baseUrl?: string;
}

async function upload(sessionId: string, bytes: Uint8Array, options: UploadOptions = {}) {
  const query = options.name === undefined ? '' : `?name=${encodeURIComponent(options.name)}`;
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  const response = await fetch(`${options.baseUrl ?? t.url}/api/sessions/${sessionId}/uploads${query}`, {
    method: 'POST',
    headers,
    body: bytes,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as UploadResponse & ApiError };
}

async function download(sessionId: string, uploadId: string, token?: string, extraHeaders: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extraHeaders };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${t.url}/api/sessions/${sessionId}/uploads/${uploadId}`, { headers });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const errorOf = (bytes: Uint8Array): ApiError => JSON.parse(Buffer.from(bytes).toString('utf8')) as ApiError;
const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The value of one Prometheus series, 0 when absent. */
async function metric(series: string): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('POST and GET /api/sessions/:sessionId/uploads', () => {
  it('U1 stores a PNG and a PDF and serves them back byte-identical with their headers', async () => {
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Olu'], 'participant');
    const png = onePixelPng();
    const posted = await upload(session.sessionId, png, {
      token: session.hostToken,
      name: 'Whiteboard.png',
      contentType: 'image/png',
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual({
      uploadId: expect.stringMatching(/^u_[A-Za-z0-9_-]{16}$/),
      mime: 'image/png',
      size: png.byteLength,
      name: 'Whiteboard.png',
    });
    expect(posted.headers.get('location')).toBe(`/api/sessions/${session.sessionId}/uploads/${posted.body.uploadId}`);

    const pdfPosted = await upload(session.sessionId, MINIMAL_PDF, { token: members[0]!.token, name: 'Ünï notes (v2).pdf' });
    expect(pdfPosted.status).toBe(201);
    expect(pdfPosted.body).toMatchObject({ mime: 'application/pdf', size: MINIMAL_PDF.byteLength, name: 'Ünï notes (v2).pdf' });

    for (const [uploadId, bytes, mime, disposition] of [
      [posted.body.uploadId, png, 'image/png', "inline; filename*=UTF-8''Whiteboard.png"],
      [pdfPosted.body.uploadId, MINIMAL_PDF, 'application/pdf', "inline; filename*=UTF-8''%C3%9Cn%C3%AF%20notes%20%28v2%29.pdf"],
    ] as const) {
      const got = await download(session.sessionId, uploadId, members[1]!.token);
      expect(got.status).toBe(200);
      expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(got.headers.get('content-type')).toBe(mime);
      expect(got.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-disposition')).toBe(disposition);
      expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(got.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    }
  });

  it('U2 goes by content, never by name or declared type; cleans the name', async () => {
    const { session } = await createSessionWith(t.url);
    const png = onePixelPng([0, 128, 255, 255]);
    for (const contentType of ['application/pdf', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', undefined]) {
      const posted = await upload(session.sessionId, png, { token: session.hostToken, name: 'x.pdf', contentType });
      expect(posted.status, String(contentType)).toBe(201);
      expect(posted.body.mime).toBe('image/png');
      const got = await download(session.sessionId, posted.body.uploadId, session.hostToken);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(got.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''x.pdf");
    }
    const unnamed = await upload(session.sessionId, png, { token: session.hostToken });
    expect(unnamed.body.name).toBe('upload');
    const messy = await upload(session.sessionId, png, { token: session.hostToken, name: `  a\u0000b\u202e\n${'y'.repeat(300)}` });
    expect(messy.body.name).toBe(`ab${'y'.repeat(198)}`);
  });

  it('U3 refuses SVG, HTML and ZIP with 415 and stores nothing', async () => {
    const { session } = await createSessionWith(t.url);
    const before = storedUploadRows(t.dataDir);
    for (const [name, bytes, contentType] of [
      ['drawing.svg', SCRIPTED_SVG, 'image/svg+xml'],
      ['drawing.png', SCRIPTED_SVG, 'image/png'],
      ['page.html', HTML_PAGE, 'text/html'],
      ['page.pdf', HTML_PAGE, 'application/pdf'],
      ['archive.zip', ZIP_START, 'application/zip'],
      ['empty.zip', EMPTY_ZIP, 'application/octet-stream'],
    ] as const) {
      const refused = await upload(session.sessionId, bytes, { token: session.hostToken, name, contentType });
      expect(refused.status, name).toBe(415);
      expect(refused.body.error).toEqual({
        code: 'unsupported_media_type',
        message: 'only PNG, JPEG, GIF, WebP images and PDF files can be put on the table',
      });
    }
    expect(storedUploadRows(t.dataDir)).toEqual(before);
  });

  it('U4 refuses an empty body with 400', async () => {
    const { session } = await createSessionWith(t.url);
    for (const contentType of ['image/png', undefined]) {
      const empty = await upload(session.sessionId, new Uint8Array(0), { token: session.hostToken, contentType });
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('bad_request');
      expect(empty.body.error.message).toMatch(/empty/);
    }
  });

  it('U5 refuses a file over MAX_UPLOAD_BYTES with 413 naming the limit in MB, and stores nothing', async () => {
    const small = await startTestServer({ MAX_UPLOAD_BYTES: '64kb' });
    try {
      const { session } = await createSessionWith(small.url);
      const padded = (size: number) => {
        const bytes = new Uint8Array(size);
        bytes.set(onePixelPng());
        return bytes;
      };
      const atLimit = await upload(session.sessionId, padded(64 * 1024), { token: session.hostToken, baseUrl: small.url });
      expect(atLimit.status).toBe(201);
      for (const size of [64 * 1024 + 1, 4 * 1024 * 1024]) {
        const over = await upload(session.sessionId, padded(size), {
          token: session.hostToken,
          baseUrl: small.url,
          contentType: 'image/png',
        });
        expect(over.status, String(size)).toBe(413);
        expect(over.body.error.code).toBe('too_large');
        expect(over.body.error.message).toMatch(/at most 0\.0625 MB/);
      }
      // Sent without a declared length (chunked): refused once more than the limit has come.
      const streamed = await fetch(`${small.url}/api/sessions/${session.sessionId}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.hostToken}` },
        body: new Blob([padded(1024 * 1024)]).stream(),
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as ApiError).error.code).toBe('too_large');
      expect(storedUploadRows(small.dataDir)).toEqual({ uploads: 1, chunks: 1, drafts: 0 });
    } finally {
      await small.stop();
    }
  });

  it('U6 needs a valid token of this session; observers may read but not upload', async () => {
    const { session, members } = await createSessionWith(t.url, ['Olu'], 'observer');
    const other = (await postJson<CreateSessionResponse>(`${t.url}/api/sessions`, { title: 'Other' })).body;
    const png = onePixelPng();
    const cases: [string | undefined, number, RegExp][] = [
      [undefined, 401, /send Authorization: Bearer <token>/],
      ['garbage', 401, /join the session again/],
      [`${session.hostToken.slice(0, -3)}abc`, 401, /bad signature/],
      [t.server.signer.sign({ sid: session.sessionId, pid: session.participantId, role: 'host' }, -1), 401, /expired/],
      [other.hostToken, 403, /another session/],
      [members[0]!.token, 403, /^observers cannot add to the table$/],
    ];
    const before = storedUploadRows(t.dataDir);
    for (const [token, status, message] of cases) {
      const refused = await upload(session.sessionId, png, { token });
      expect(refused.status, String(token)).toBe(status);
      expect(refused.body.error.message).toMatch(message);
    }
    expect(storedUploadRows(t.dataDir)).toEqual(before);

    const posted = await upload(session.sessionId, png, { token: session.hostToken });
    for (const [token, status] of [
      [undefined, 401],
      ['garbage', 401],
      [other.hostToken, 403],
      [members[0]!.token, 200],
    ] as const) {
      expect((await download(session.sessionId, posted.body.uploadId, token)).status, String(token)).toBe(status);
    }
  });

  it("U7 unknown uploads and other sessions' uploads are 404; another session's token is 403", async () => {
    const a = (await createSessionWith(t.url)).session;
    const b = (await createSessionWith(t.url)).session;
    const posted = await upload(a.sessionId, MINIMAL_PDF, { token: a.hostToken });
    for (const uploadId of ['u_AAAAAAAAAAAAAAAA', 'not-an-id', `${posted.body.uploadId}x`]) {
      const missing = await download(a.sessionId, uploadId, a.hostToken);
      expect(missing.status).toBe(404);
      expect(errorOf(missing.bytes).error.code).toBe('not_found');
    }
    expect((await download(a.sessionId, posted.body.uploadId, b.hostToken)).status).toBe(403);
    const crossed = await download(b.sessionId, posted.body.uploadId, b.hostToken);
    expect(crossed.status).toBe(404);
    expect(crossed.bytes.byteLength).toBeLessThan(200);
  });

  it('U8 answers 304 to a matching If-None-Match', async () => {
    const { session } = await createSessionWith(t.url);
    const posted = await upload(session.sessionId, MINIMAL_PDF, { token: session.hostToken });
    const etag = `"${sha256(MINIMAL_PDF)}"`;
    const cached = await download(session.sessionId, posted.body.uploadId, session.hostToken, {
      'if-none-match': `W/"other", ${etag}`,
    });
    expect(cached.status).toBe(304);
    expect(cached.bytes.byteLength).toBe(0);
    const stale = await download(session.sessionId, posted.body.uploadId, session.hostToken, { 'if-none-match': '"other"' });
    expect(stale.status).toBe(200);
  });

  it('U9 counts uploads, their bytes and refusals in /metrics', async () => {
    const { session } = await createSessionWith(t.url);
    const uploads = await metric('worktable_uploads_total');
    const bytes = await metric('worktable_upload_bytes_total');
    const refused415 = await metric('worktable_errors_total{kind="upload_415"}');
    const refused401 = await metric('worktable_errors_total{kind="upload_401"}');
    await upload(session.sessionId, MINIMAL_PDF, { token: session.hostToken });
    await upload(session.sessionId, HTML_PAGE, { token: session.hostToken });
    await upload(session.sessionId, MINIMAL_PDF, { token: 'forged' });
    expect(await metric('worktable_uploads_total')).toBe(uploads + 1);
    expect(await metric('worktable_upload_bytes_total')).toBe(bytes + MINIMAL_PDF.byteLength);
    expect(await metric('worktable_errors_total{kind="upload_415"}')).toBe(refused415 + 1);
    expect(await metric('worktable_errors_total{kind="upload_401"}')).toBe(refused401 + 1);
  });

  it('U10 the JSON routes keep parsing JSON only after the raw upload parser is added', async () => {
    const created = await postJson<CreateSessionResponse>(`${t.url}/api/sessions`, { title: 'Still JSON' });
    expect(created.status).toBe(201);
    const text = await fetch(`${t.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as ApiError).error.code).toBe('unsupported_media_type');
    const png = await fetch(`${t.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: onePixelPng() });
    expect(png.status).toBe(415);
    const huge = await postJson<ApiError>(`${t.url}/api/sessions`, { title: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('request body is too large');
  });

  it('U11 MAX_UPLOAD_BYTES defaults to 20 MiB and is validated like the other sizes', () => {
    expect(loadConfig({}).maxUploadBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ MAX_UPLOAD_BYTES: '5mb' }).maxUploadBytes).toBe(5 * 1024 * 1024);
    for (const [value, problem] of [
      ['lots', /^MAX_UPLOAD_BYTES: must be a size/],
      ['10', /^MAX_UPLOAD_BYTES: must be at least 1024 bytes/],
      ['1gb', /^MAX_UPLOAD_BYTES: must be at most/],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ MAX_UPLOAD_BYTES: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(problem);
    }
  });
});
