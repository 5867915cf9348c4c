/**
 * `npm run bench:memory`: does memory come back when documents unload? Three cycles of: open
 * 40 documents of ~250 KB of text each (one writer per document), then close every client and
 * wait until the server has unloaded them all. Prints the server's RSS and V8 heap after each
 * phase; the heap in use must return to its baseline and RSS must not grow from cycle to cycle.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableIdentity } from '@worktable/shared';
import { connectClient, createSessionWith, waitFor, type YClient } from '@worktable/server/testing';
import { metricValue } from '../support/prometheus.js';
import { freePort, startServerProcess } from '../support/serverProcess.js';

const DOCUMENTS = 40;
const CYCLES = 3;

interface MemoryRow {
  phase: string;
  rssMiB: number;
  heapUsedMiB: number;
  documents: number;
}

async function sample(baseUrl: string, phase: string): Promise<MemoryRow> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const mib = (name: string) => metricValue(text, name) / 1024 ** 2;
  return {
    phase,
    rssMiB: mib('process_resident_memory_bytes'),
    heapUsedMiB: mib('nodejs_heap_size_used_bytes'),
    documents: metricValue(text, 'worktable_documents_loaded'),
  };
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-memory-'));
  // One writer opens every document, more than the connections one token may hold by default.
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    DOC_UNLOAD_GRACE_MS: '1000',
    LOG_LEVEL: 'info',
    MAX_CONNECTIONS_PER_TOKEN: String(DOCUMENTS),
  });
  const rows: MemoryRow[] = [await sample(server.url, 'start')];
  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      // A fresh session each cycle, whose tables are the documents (the server opens no other names).
      const { session, members } = await createSessionWith(server.url, ['Writer']);
      const token = members[0]!.token;
      const clients: YClient[] = [];
      for (let d = 0; d < DOCUMENTS; d++) {
        const client = connectClient(server.wsUrl, session.sessionId, tableIdentity(d).id, token);
        await client.synced;
        const text = client.doc.getText('t');
        for (let i = 0; i < 300; i++) text.insert(Math.floor(text.length / 2), `line ${i} of document ${d} `.repeat(20));
        clients.push(client);
      }
      await waitFor(() => clients.every((c) => c.provider.ws?.bufferedAmount === 0), 30_000, 'updates sent');
      await new Promise((resolve) => setTimeout(resolve, 500));
      rows.push(await sample(server.url, `cycle ${cycle}: ${DOCUMENTS} documents open`));
      for (const client of clients) client.destroy();
      const deadline = Date.now() + 30_000;
      while ((await sample(server.url, '')).documents > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      await new Promise((resolve) => setTimeout(resolve, 4000)); // the memory hook collects 2 s after the last unload
      rows.push(await sample(server.url, `cycle ${cycle}: all unloaded`));
    }
  } finally {
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write('| phase | documents loaded | RSS (MiB) | V8 heap used (MiB) |\n|---|---|---|---|\n');
  for (const row of rows) {
    process.stdout.write(`| ${row.phase} | ${row.documents} | ${row.rssMiB.toFixed(0)} | ${row.heapUsedMiB.toFixed(1)} |\n`);
  }
  const start = rows[0]!;
  const unloaded = rows.filter((r) => r.phase.endsWith('all unloaded'));
  const heapBack = unloaded.every((r) => r.documents === 0 && r.heapUsedMiB < start.heapUsedMiB * 1.5 + 5);
  const rssFlat = unloaded.length > 1 && unloaded.at(-1)!.rssMiB <= unloaded[0]!.rssMiB * 1.1;
  process.stdout.write(
    `\nheap back to baseline after unloading: ${heapBack ? 'yes' : 'NO'}; RSS flat across cycles: ${rssFlat ? 'yes' : 'NO'}\n`,
  );
  return heapBack && rssFlat ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`memory benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
