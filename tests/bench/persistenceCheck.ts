/**
 * Checks that Worktable stored everything: its own counters agree with what the writers sent,
 * and after a graceful stop a fresh server on the same data folder serves every room with every
 * writer's last change and full clock (Yjs would hold back a change whose predecessor is missing,
 * so a full clock means no change in between was lost).
 */
import * as Y from 'yjs';
import { BENCH_MAP, BenchClient } from './benchClient.js';
import type { WriterRecord } from './loadRun.js';
import { freePort, startServer, type ServerSpec } from './serverProcess.js';
import { sleep, withTimeout } from './time.js';
import { fetchMetric, metricValue } from '../support/prometheus.js';

/** The result of one check. */
export interface CheckResult {
  ok: boolean;
  detail: string;
}

/** What a stored room must contain. */
export interface RoomExpectation {
  name: string;
  /** Connection path (with a token that stays valid across restarts). */
  path: string;
  writers: WriterRecord[];
}

/**
 * The server's own figures on its storage commits (whole run), from the flush histogram: the time
 * from handing a batch over to its commit. Neither store stalls the event loop meanwhile (SQLite
 * commits on a worker thread, PostgreSQL is a round trip).
 */
export function commitSummary(text: string): string {
  const count = metricValue(text, 'worktable_persistence_flush_seconds_count');
  const sum = metricValue(text, 'worktable_persistence_flush_seconds_sum');
  if (!(count > 0)) return 'no commits';
  // Smallest bucket bound holding 99% of the commits (an upper bound of the p99).
  let p99Bound = Number.POSITIVE_INFINITY;
  for (const match of text.matchAll(/^worktable_persistence_flush_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm)) {
    const bound = Number(match[1]);
    if (Number(match[2]) >= 0.99 * count && bound < p99Bound) p99Bound = bound;
  }
  const p99 = Number.isFinite(p99Bound) ? `p99 ≤ ${p99Bound * 1000} ms` : 'p99 > 1 s';
  return `${count} commits, mean ${((sum / count) * 1000).toFixed(2)} ms, ${p99}`;
}

/** The persistence counters check and the commit figures read with it. */
export interface PersistedCounters {
  check: CheckResult;
  /** `commitSummary` of the same scrape. */
  commits: string;
}

/**
 * Waits (up to `timeoutMs`) until the server reports nothing pending, then compares its counters
 * of accepted and committed updates with the number the writers sent. With several nodes
 * (`httpUrl` a list) the counters are summed: each node stores only what its own clients sent,
 * so the sums must equal what was sent (an update stored by two nodes would exceed it).
 */
export async function checkPersistedCounters(
  httpUrl: string | readonly string[],
  updatesSent: number,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<PersistedCounters> {
  const urls = typeof httpUrl === 'string' ? [httpUrl] : httpUrl;
  const deadline = Date.now() + timeoutMs;
  let texts: string[] = [];
  const total = (name: string): number => texts.reduce((sum, text) => sum + metricValue(text, name), 0);
  for (;;) {
    texts = await Promise.all(urls.map(async (url) => (await fetch(`${url}/metrics`)).text()));
    const settled = total('worktable_persistence_pending_updates') === 0 && total('worktable_persistence_updates_total') >= updatesSent;
    if (settled || Date.now() > deadline) break;
    await sleep(100);
  }
  const accepted = total('worktable_updates_in_total');
  const committed = total('worktable_persistence_updates_total');
  const pending = total('worktable_persistence_pending_updates');
  const ok = accepted === updatesSent && committed === updatesSent && pending === 0;
  const perNode =
    urls.length > 1 ? ` (per node: ${texts.map((text) => metricValue(text, 'worktable_persistence_updates_total')).join(' + ')})` : '';
  return {
    check: { ok, detail: `sent ${updatesSent}, accepted ${accepted}, committed ${committed}${perNode}, pending ${pending}` },
    commits: urls.length > 1 ? texts.map((text, i) => `${nodeLabel(i)}: ${commitSummary(text)}`).join('; ') : commitSummary(texts[0] ?? ''),
  };
}

/** `A`, `B`, … for node 0, 1, … */
export function nodeLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

/** A document to read back from storage, and what it must hold. */
export interface StoredDocument {
  name: string;
  /** Connection path (with a token that stays valid across restarts). */
  path: string;
  /** What is wrong with the document as served, or null when it holds what it must. */
  compare(doc: Y.Doc): string | null;
}

/**
 * Starts a fresh Worktable on the same storage (`spec`, given a free port), syncs one client per
 * room and compares with what the writers wrote.
 */
export async function checkRestoredState(spec: (port: number) => ServerSpec, rooms: readonly RoomExpectation[]): Promise<CheckResult> {
  return checkRestoredDocuments(
    spec,
    rooms.map((room) => ({ name: room.name, path: room.path, compare: (doc: Y.Doc) => compareRoom(doc, room) })),
    'rooms',
  );
}

/**
 * Starts a fresh Worktable on the same storage (`spec`, given a free port), syncs one client per
 * document, one after the other, and asks each document's `compare` about what it was served.
 */
export async function checkRestoredDocuments(
  spec: (port: number) => ServerSpec,
  documents: readonly StoredDocument[],
  noun = 'documents',
): Promise<CheckResult> {
  const server = await startServer(spec(await freePort()));
  const problems: string[] = [];
  let matching = 0;
  try {
    for (const document of documents) {
      const client = new BenchClient(server.wsUrl + document.path, () => undefined);
      try {
        await withTimeout(client.synced, 10_000, 'sync timed out');
        const problem = document.compare(client.doc);
        if (problem) problems.push(`${document.name}: ${problem}`);
        else matching++;
      } catch (error) {
        problems.push(`${document.name}: ${(error as Error).message}`);
      } finally {
        await client.close();
      }
    }
  } finally {
    await server.stop();
  }
  const detail = `${matching}/${documents.length} ${noun} identical after restart`;
  return { ok: problems.length === 0, detail: problems.length === 0 ? detail : `${detail}; ${problems.slice(0, 3).join('; ')}` };
}

function compareRoom(doc: Y.Doc, room: RoomExpectation): string | null {
  const map = doc.getMap(BENCH_MAP);
  const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const writer of room.writers) {
    const clock = clocks.get(writer.clientId) ?? 0;
    if (clock !== writer.clock) return `writer ${writer.key} has clock ${clock} stored, ${writer.clock} written`;
    const value = map.get(writer.key);
    const expected = writer.sent === 0 ? undefined : { s: writer.sent, t: writer.lastSentAt };
    if (JSON.stringify(value) !== JSON.stringify(expected)) {
      return `writer ${writer.key}: stored ${JSON.stringify(value)}, last written ${JSON.stringify(expected)}`;
    }
  }
  const active = room.writers.filter((writer) => writer.sent > 0).length;
  if (map.size !== active) return `map has ${map.size} keys, ${active} writers wrote`;
  return null;
}

/**
 * After every client left: waits until the server has unloaded every document (after its
 * `DOC_UNLOAD_GRACE_MS`) and reports the server's RSS then, to show memory is given back.
 */
export async function measureUnload(httpUrl: string, rssOf: () => number, timeoutMs = 60_000): Promise<{ ok: boolean; detail: string }> {
  const deadline = Date.now() + timeoutMs;
  let loaded = Number.NaN;
  while (Date.now() < deadline) {
    loaded = await fetchMetric(httpUrl, 'worktable_documents_loaded');
    if (loaded === 0) break;
    await sleep(250);
  }
  if (loaded !== 0) return { ok: false, detail: `${loaded} documents still loaded ${timeoutMs / 1000} s after every client left` };
  await sleep(1000);
  return { ok: true, detail: `all documents unloaded; RSS ${(rssOf() / 1024 ** 2).toFixed(0)} MiB` };
}
