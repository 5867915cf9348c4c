/**
 * Large document: one table that received 50,000 updates — typing in runs at scattered places of a
 * long text, and artifacts moved on the canvas every 50th change (a seeded pseudo-random script,
 * the same for every server). Measured on every server: how long the 50,000 updates take to
 * reach another connected client, how long a new client takes to join while the document is
 * open, and the memory the document holds. On Worktable, with compaction held off so the store
 * really holds 50,000 log entries: the cold load of those entries after a crash (kill -9, restart),
 * then the cold load of the compacted snapshot that unloading leaves (target ≤ 50 ms).
 */
import { seededRandom } from '@worktable/shared';
import { fetchMetric } from '../support/prometheus.js';
import type { LoadClient } from './stampedDocument.js';
import {
  CORE_SERVER_NAMES,
  fixed,
  mib,
  ratio,
  scenarioTable,
  startScenarioServer,
  type ScenarioRunner,
  type ScenarioServer,
} from './scenarioKit.js';
import { startServer, worktableSpec, type ServerProcess } from './serverProcess.js';
import { sleep, withTimeout } from './time.js';

const TEXT = 'notes';
const CANVAS = 'canvas';
/** Cold-load target after compaction, ms (issue #8). */
const COLD_LOAD_TARGET_MS = 50;

interface DocFigures {
  name: string;
  updates: number;
  ingestSeconds: number;
  warmJoinMs: number;
  docRssBytes: number;
  storedEntries: number | null;
  coldLogMs: number | null;
  coldCompactedMs: number | null;
  /** The server's own load time (storage read + apply, `worktable_document_load_seconds`). */
  serverLoadLogMs: number | null;
  serverLoadCompactedMs: number | null;
  rssAfterColdLoad: number | null;
  failures: string[];
}

/** Sends `updates` changes from `writer`, one transaction each, yielding now and then so the socket drains. */
async function writeScript(writer: LoadClient, updates: number): Promise<void> {
  const random = seededRandom(8);
  const text = writer.doc.getText(TEXT);
  const canvas = writer.doc.getMap(CANVAS);
  let position = 0;
  for (let i = 0; i < updates; i++) {
    if (i % 50 === 49)
      canvas.set(`artifact-${Math.floor(random() * 300)}`, { x: Math.round(random() * 4000), y: Math.round(random() * 3000) });
    else {
      if (random() < 0.05) position = Math.floor(random() * (text.length + 1));
      position = Math.min(position, text.length);
      text.insert(position, String.fromCharCode(97 + Math.floor(random() * 26)));
      position++;
    }
    if (i % 1000 === 999) await sleep(1);
  }
}

/** Connects a new client and resolves with its open → synced time once it holds `length` characters. */
async function timedJoin(
  server: ScenarioServer,
  process: ServerProcess,
  roomPath: string,
  length: number,
): Promise<{ ms: number; client: LoadClient }> {
  const started = performance.now();
  const client = server.clients(process.wsUrl, roomPath, () => undefined, false);
  await withTimeout(client.synced, 60_000, 'join did not sync in 60 s');
  const ms = performance.now() - started;
  const got = client.doc.getText(TEXT).length;
  if (got !== length) throw new Error(`joined with ${got} characters, expected ${length}`);
  return { ms, client };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(message);
    await sleep(50);
  }
}

/** The large-document scenario on each server. */
export const runLargeDocument: ScenarioRunner = async (servers, context) => {
  const updates = context.smoke ? 2_000 : 50_000;
  context.log(
    `Scenario large-doc: one table receives ${updates.toLocaleString('en-US')} updates (typing at scattered places, artifacts moved)`,
  );
  const figures: DocFigures[] = [];
  for (const choice of servers) {
    context.log(`\n== ${choice} ==`);
    // Compaction held off on Worktable so the store keeps every update as its own log entry.
    const server = await startScenarioServer(choice, { COMPACT_AFTER_UPDATES: '10000000' });
    let current = server.process;
    const open: LoadClient[] = [];
    const figure: DocFigures = {
      name: server.name,
      updates,
      ingestSeconds: Number.NaN,
      warmJoinMs: Number.NaN,
      docRssBytes: Number.NaN,
      storedEntries: null,
      coldLogMs: null,
      coldCompactedMs: null,
      serverLoadLogMs: null,
      serverLoadCompactedMs: null,
      rssAfterColdLoad: null,
      failures: [],
    };
    figures.push(figure);
    try {
      const [room] = await server.rooms(1, 5);
      const paths = room?.paths ?? [];
      const rssBefore = current.memory().rssBytes;
      const writer = server.clients(current.wsUrl, paths[0] ?? '', () => undefined, true);
      const watcher = server.clients(current.wsUrl, paths[1] ?? '', () => undefined, false);
      open.push(writer, watcher);
      await withTimeout(Promise.all([writer.synced, watcher.synced]), 30_000, 'writer and watcher did not sync');
      const started = performance.now();
      await writeScript(writer, updates);
      const length = writer.doc.getText(TEXT).length;
      await waitFor(
        () => watcher.doc.getText(TEXT).length === length && watcher.doc.getMap(CANVAS).size === writer.doc.getMap(CANVAS).size,
        300_000,
        'the watcher did not receive every update in 300 s',
      );
      figure.ingestSeconds = (performance.now() - started) / 1000;
      const warm = await timedJoin(server, current, paths[2] ?? '', length);
      open.push(warm.client);
      figure.warmJoinMs = warm.ms;
      figure.docRssBytes = current.memory().rssBytes - rssBefore;
      context.log(`${updates} updates in ${figure.ingestSeconds.toFixed(1)} s; warm join ${warm.ms.toFixed(1)} ms`);

      if (choice === 'worktable' && server.dataDir) {
        const url = current.httpUrl;
        await waitFor(
          async () => (await fetchMetric(url, 'worktable_persistence_updates_total')) >= updates,
          60_000,
          'updates not all stored in 60 s',
        );
        figure.storedEntries =
          (await fetchMetric(url, 'worktable_persistence_updates_total')) - (await fetchMetric(url, 'worktable_compacted_updates_total'));
        await Promise.all(open.splice(0).map((c) => c.close()));
        // A crash: nothing is compacted on the way down; the restarted node loads the raw log.
        await current.kill();
        const port = Number(new URL(url).port);
        const spec = worktableSpec(port, server.dataDir);
        current = await startServer({ ...spec, env: { ...spec.env, COMPACT_AFTER_UPDATES: '10000000', DOC_UNLOAD_GRACE_MS: '200' } });
        const loadSum = async (): Promise<number> => fetchMetric(current.httpUrl, 'worktable_document_load_seconds_sum');
        let before = await loadSum();
        const cold = await timedJoin(server, current, paths[3] ?? '', length);
        figure.coldLogMs = cold.ms;
        figure.serverLoadLogMs = ((await loadSum()) - before) * 1000;
        figure.rssAfterColdLoad = current.memory().rssBytes;
        await cold.client.close();
        // Unloading folds the log into a snapshot; then the document is loaded again, cold.
        const compactedUrl = current.httpUrl;
        await waitFor(
          async () => (await fetchMetric(compactedUrl, 'worktable_compacted_updates_total')) >= updates,
          60_000,
          'the unloaded document was not compacted in 60 s',
        );
        await waitFor(
          async () => (await fetchMetric(compactedUrl, 'worktable_documents_loaded')) === 0,
          30_000,
          'the document did not unload',
        );
        before = await loadSum();
        const compacted = await timedJoin(server, current, paths[4] ?? '', length);
        figure.coldCompactedMs = compacted.ms;
        figure.serverLoadCompactedMs = ((await loadSum()) - before) * 1000;
        await compacted.client.close();
        context.log(
          `cold load on the server: ${fixed(figure.serverLoadLogMs)} ms from ${figure.storedEntries} log entries, ${fixed(figure.serverLoadCompactedMs)} ms after compaction ` +
            `(joins incl. the client's own apply: ${figure.coldLogMs.toFixed(1)} / ${figure.coldCompactedMs.toFixed(1)} ms)`,
        );
      }
    } catch (error) {
      figure.failures.push((error as Error).message);
    } finally {
      await Promise.all(open.map((c) => c.close()));
      if (current !== server.process) await current.stop();
      await server.stop();
    }
  }
  context.log(
    '\n' +
      scenarioTable(
        figures.map((f) => f.name),
        [
          ['updates sent', ...figures.map((f) => f.updates.toLocaleString('en-US'))],
          ['all received by another client after (s)', ...figures.map((f) => fixed(f.ingestSeconds))],
          ['new client joins the open document (ms)', ...figures.map((f) => fixed(f.warmJoinMs))],
          ['server RSS growth with the document open (MiB)', ...figures.map((f) => mib(f.docRssBytes))],
          [
            'log entries in the store',
            ...figures.map((f) => (f.storedEntries === null ? 'n/a (memory)' : f.storedEntries.toLocaleString('en-US'))),
          ],
          [
            'cold load of the raw log after kill -9: server (read + apply) / join (ms)',
            ...figures.map((f) => `${fixed(f.serverLoadLogMs)} / ${fixed(f.coldLogMs)}`),
          ],
          [
            `cold load after compaction: server (target ≤ ${COLD_LOAD_TARGET_MS}) / join (ms)`,
            ...figures.map((f) => `${fixed(f.serverLoadCompactedMs)} / ${fixed(f.coldCompactedMs)}`),
          ],
          ['server RSS after the cold load (MiB)', ...figures.map((f) => (f.rssAfterColdLoad === null ? 'n/a' : mib(f.rssAfterColdLoad)))],
          ['failures', ...figures.map((f) => (f.failures.length === 0 ? 'none' : f.failures.join('; ')))],
        ],
      ),
  );
  const ours = figures.find((f) => f.name === CORE_SERVER_NAMES.worktable);
  const summary: string[] = [];
  if (ours) {
    summary.push(
      `large-doc: Worktable cold load on the server ${fixed(ours.serverLoadLogMs)} ms from ${ours.storedEntries ?? '?'} log entries, ` +
        `${fixed(ours.serverLoadCompactedMs)} ms after compaction (target ≤ ${COLD_LOAD_TARGET_MS}); a new client's join ${fixed(ours.coldLogMs)} / ${fixed(ours.coldCompactedMs)} ms including its own apply`,
    );
    for (const other of figures.filter((f) => f !== ours)) {
      summary.push(
        `large-doc: Worktable / ${other.name}: warm join ${ratio(ours.warmJoinMs, other.warmJoinMs)} (${fixed(ours.warmJoinMs)} vs ${fixed(other.warmJoinMs)} ms)`,
      );
    }
  }
  return { ok: figures.every((f) => f.failures.length === 0), summary };
};
