/**
 * FT5 — backup during writes and restore (extends K4 in tests/crash, which backs up one idle
 * document). Sessions with two documents each, an upload each and one running protocol phase; two
 * clients per document keep typing ledger entries while `npm run backup -- FILE` copies the live
 * store (the documented command, run as its own process). The copy is restored into a fresh
 * DATA_DIR (with the `token-secret` file beside it, which the tokens need) and started:
 * - `PRAGMA integrity_check` of the copy is ok;
 * - every session answers with its participants, every token still works, the invite code joins;
 * - every document holds every entry committed before the backup began, and each writer's entries
 *   in it are a prefix of its ledger (a consistent cut: nothing later without everything earlier);
 * - every upload comes back byte for byte, the running phase comes back with the same deadline;
 * - a copy restored without `token-secret` loses every token (401) though the invite code still
 *   joins — which is why docs/RELIABILITY.md says to keep that file (or TOKEN_SECRET) with backups.
 *
 * Long (npm run test:faults): 10 sessions, typing every 20 ms, an 8 MiB upload per session and three
 * more (a ~100 MiB store), so the copy takes many backup steps while the server commits every 50 ms.
 * Both versions also time the same command on the idle store: SQLite restarts an online backup
 * whenever another connection writes, so during writes it takes much longer (see RELIABILITY.md).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connectClient, openControlClient } from '@worktable/server/testing';
import { fetchMetric } from '../support/prometheus.js';
import { REPO_ROOT, freePort } from '../support/serverProcess.js';
import { onCleanup, report, scale, sleep, startServer, tempDir, useCleanup, waitUntil } from './faultSupport.js';
import {
  createRooms,
  entriesOf,
  ledgerClient,
  ledgerProblem,
  roomLedger,
  startTyping,
  type LedgerClient,
  type LedgerRoom,
} from './ledger.js';

useCleanup();

const SESSIONS = scale(4, 10);
const DOCS = ['table-1', 'table-2'];
const TYPE_EVERY_MS = scale(40, 20);
const UPLOAD_BYTES = scale(64 * 1024, 8 * 1024 * 1024);
const BIG_UPLOADS = scale(0, 3);
/** How long the backup during writes may take (at least 10× the same command on the idle store). */
const BACKUP_LIMIT_MS = scale(20_000, 60_000);

/**
 * Runs `npm run backup -- <file>` for `dataDir` without blocking this process (the clients keep
 * typing). Past `limitMs` the command (its whole process group) is killed and `code` is null.
 */
function runBackup(dataDir: string, file: string, limitMs: number): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'backup', '--', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so npm, sh and node can be stopped together
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    onCleanup(killGroup);
    const timer = setTimeout(killGroup, limitMs);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/** A PNG signature followed by random bytes (the server sniffs the type from the first bytes only). */
function fakePng(bytes: number): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, crypto.randomBytes(bytes - signature.length)]);
}

async function upload(baseUrl: string, sessionId: string, token: string, body: Buffer): Promise<string> {
  const response = await fetch(`${baseUrl}/api/sessions/${sessionId}/uploads?name=board.png`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: new Uint8Array(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { uploadId: string }).uploadId;
}

/** Each writer's entries in `text` are its first k entries, for some k; returns the problem or null. */
function prefixProblem(text: string, writers: readonly LedgerClient[]): string | null {
  const present = new Set(entriesOf(text));
  for (const writer of writers) {
    const k = writer.ledger.findIndex((entry) => !present.has(entry));
    const end = k === -1 ? writer.ledger.length : k;
    const later = writer.ledger.slice(end).filter((entry) => present.has(entry));
    if (later.length > 0) return `${writer.name}: has ${later[0]} but not ${writer.ledger[end]}`;
  }
  const known = new Set(writers.flatMap((w) => w.ledger));
  const unknown = [...present].filter((entry) => !known.has(entry));
  return unknown.length > 0 ? `unknown entries ${unknown.slice(0, 3).join(' ')}` : null;
}

describe('faults: backup and restore', () => {
  it(
    `FT5 npm run backup during writes to ${SESSIONS} sessions; the restored copy brings back every session, document, upload and timer`,
    async () => {
      const dataDir = tempDir();
      const server = await startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
      const sessions = await createRooms(server.url, SESSIONS, 2);
      // One ledger room per document: same session and tokens, its own document.
      const docs: LedgerRoom[] = sessions.flatMap((s) => DOCS.map((docName) => ({ ...s, docName, clients: [] as LedgerClient[] })));
      const writers = docs.flatMap((doc) =>
        doc.tokens.map((token, i) => ledgerClient(server.wsUrl, doc, token, `s${doc.index}${doc.docName}w${i}`)),
      );
      await Promise.all(writers.map((w) => w.synced));

      const uploads = new Map<string, { sessionId: string; bytes: Buffer }>();
      for (const s of sessions) {
        const bytes = fakePng(UPLOAD_BYTES);
        uploads.set(await upload(server.url, s.sessionId, s.hostToken, bytes), { sessionId: s.sessionId, bytes });
      }
      for (let i = 0; i < BIG_UPLOADS; i++) {
        const bytes = fakePng(UPLOAD_BYTES);
        uploads.set(await upload(server.url, sessions[0]!.sessionId, sessions[0]!.hostToken, bytes), {
          sessionId: sessions[0]!.sessionId,
          bytes,
        });
      }
      const host = openControlClient(server.url, sessions[0]!.hostToken);
      onCleanup(() => host.close());
      await waitUntil(() => host.states.length > 0, 5000, 'control state');
      const started = await host.send({ action: 'start' });
      expect(started.ok).toBe(true);
      const endsAt = started.ok ? started.state.phase?.endsAt : null;
      expect(endsAt).toBeGreaterThan(Date.now());

      // For comparison: the same command while nobody writes.
      const idleBackup = await runBackup(dataDir, path.join(tempDir(), 'idle.sqlite'), 60_000);
      expect(idleBackup.code, idleBackup.output).toBe(0);

      const typing = startTyping(writers, TYPE_EVERY_MS);
      await sleep(scale(800, 3000));
      // Entries every writer's partner has seen were accepted by the server; once the commit
      // counter passes the accepted counter read after that, they are all on disk.
      const seenByPartner = new Map(docs.map((doc) => [doc, doc.clients.map((c) => c.doc.getText('t').toString())] as const));
      const acceptedSoFar = await fetchMetric(server.url, 'worktable_updates_in_total');
      await waitUntil(
        async () => (await fetchMetric(server.url, 'worktable_persistence_updates_total')) >= acceptedSoFar,
        5000,
        'commits to catch up',
      );
      const mustBeInBackup = new Map(
        docs.map(
          (doc) =>
            [
              doc,
              doc.clients.flatMap((client, i) => entriesOf(seenByPartner.get(doc)![1 - i]!).filter((e) => client.ledger.includes(e))),
            ] as const,
        ),
      );

      const backupFile = path.join(tempDir(), 'backup.sqlite');
      const typedBeforeBackup = writers.reduce((n, w) => n + w.ledger.length, 0);
      const limitMs = Math.max(BACKUP_LIMIT_MS, 10 * idleBackup.ms);
      const backup = await runBackup(dataDir, backupFile, limitMs);
      if (backup.code === null) typing.stop();
      expect(
        backup.code,
        `npm run backup did not finish within ${limitMs} ms while the server committed every 50 ms (on the idle store it took ${idleBackup.ms} ms): ` +
          'SQLite restarts an online backup whenever another connection writes, so a copy made in many small steps may never complete under steady writes',
      ).toBe(0);
      const typedDuringBackup = writers.reduce((n, w) => n + w.ledger.length, 0) - typedBeforeBackup;
      await sleep(300);
      typing.stop();
      await waitUntil(
        () =>
          docs.every(
            (doc) =>
              ledgerProblem(doc.clients[0]!.doc.getText('t').toString(), roomLedger(doc)) === null &&
              doc.clients[1]!.doc.getText('t').toString() === doc.clients[0]!.doc.getText('t').toString(),
          ),
        10_000,
        'writers to agree',
      );
      for (const w of writers) w.provider.disconnect();
      host.close();
      expect(await server.stop('SIGTERM'), server.output()).toBe(0);

      const check = new Database(backupFile, { readonly: true });
      const integrity = check.pragma('integrity_check', { simple: true });
      check.close();
      expect(integrity).toBe('ok');

      // Restore as README "Backups" says, into a fresh folder, with the token secret.
      const restoredDir = tempDir();
      fs.copyFileSync(backupFile, path.join(restoredDir, 'worktable.sqlite'));
      fs.copyFileSync(path.join(dataDir, 'token-secret'), path.join(restoredDir, 'token-secret'));
      const restored = await startServer({ DATA_DIR: restoredDir, PORT: String(await freePort()) });

      let entriesInBackup = 0;
      let entriesTyped = 0;
      for (const s of sessions) {
        const response = await fetch(`${restored.url}/api/sessions/${s.sessionId}`, {
          headers: { authorization: `Bearer ${s.hostToken}` },
        });
        expect(response.status, s.sessionId).toBe(200);
        expect(((await response.json()) as { participants: unknown[] }).participants).toHaveLength(3);
        const joined = await fetch(`${restored.url}/api/sessions/${s.sessionId}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ inviteCode: s.inviteCode, name: 'After restore' }),
        });
        expect(joined.status).toBe(201);
      }
      for (const doc of docs) {
        const reader = connectClient(restored.wsUrl, doc.sessionId, doc.docName, doc.tokens[1]!);
        onCleanup(() => reader.destroy());
        await reader.synced;
        expect(reader.doc.store.pendingStructs, `${doc.sessionId}/${doc.docName} complete`).toBeNull();
        const text = reader.doc.getText('t').toString();
        const present = new Set(entriesOf(text));
        const missing = mustBeInBackup.get(doc)!.filter((entry) => !present.has(entry));
        expect(missing, `${doc.sessionId}/${doc.docName}: committed before the backup but missing`).toEqual([]);
        expect(prefixProblem(text, doc.clients)).toBeNull();
        entriesInBackup += present.size;
        entriesTyped += roomLedger(doc).length;
        // The restored server takes new writes.
        reader.doc.getText('t').insert(text.length, 'after-restore;');
      }
      for (const [uploadId, { sessionId, bytes }] of uploads) {
        const s = sessions.find((x) => x.sessionId === sessionId)!;
        const response = await fetch(`${restored.url}/api/sessions/${sessionId}/uploads/${uploadId}`, {
          headers: { authorization: `Bearer ${s.hostToken}` },
        });
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer()).equals(bytes), uploadId).toBe(true);
      }
      const hostAgain = openControlClient(restored.url, sessions[0]!.hostToken);
      onCleanup(() => hostAgain.close());
      await waitUntil(() => hostAgain.states.length > 0, 5000, 'control state after restore');
      expect(hostAgain.latest()).toMatchObject({ status: 'running', phase: { endsAt } });

      // Without token-secret: sessions and documents are there, but every token is refused.
      const noSecretDir = tempDir();
      fs.copyFileSync(backupFile, path.join(noSecretDir, 'worktable.sqlite'));
      const noSecret = await startServer({ DATA_DIR: noSecretDir, PORT: String(await freePort()) });
      const oldToken = await fetch(`${noSecret.url}/api/sessions/${sessions[0]!.sessionId}`, {
        headers: { authorization: `Bearer ${sessions[0]!.hostToken}` },
      });
      const joinWithoutSecret = await fetch(`${noSecret.url}/api/sessions/${sessions[0]!.sessionId}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inviteCode: sessions[0]!.inviteCode, name: 'New' }),
      });
      expect(oldToken.status).toBe(401);
      expect(joinWithoutSecret.status).toBe(201);

      report('FT5', {
        sessions: SESSIONS,
        documents: docs.length,
        writers: writers.length,
        uploads: uploads.size,
        backupFileMiB: Math.round((fs.statSync(backupFile).size / 2 ** 20) * 10) / 10,
        backupCommandIdleMs: idleBackup.ms,
        backupCommandDuringWritesMs: backup.ms,
        entriesTypedDuringBackup: typedDuringBackup,
        entriesTyped,
        entriesInBackup,
        committedBeforeBackupMissing: 0,
        consistentCut: true,
        integrityCheck: integrity,
        tokensWithoutSecretFile: oldToken.status,
      });
    },
    scale(45_000, 180_000),
  );
});
