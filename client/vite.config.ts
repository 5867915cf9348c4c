/**
 * Vite configuration of the browser client. `npm run build:client` writes `client/dist` (each
 * text asset also precompressed as .br and .gz), which the server serves with an SPA fallback. `npm run dev --workspace @worktable/client` serves the
 * client with hot reload and proxies the API, the y-websocket relay and socket.io to a server
 * started separately on port 8080 (`npm run dev` at the root).
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Rolldown } from 'vite';
import { precompress } from './precompress.js';

const server = 'http://127.0.0.1:8080';
// Keep the browser's Host header: the server builds invite links from it.
const proxy = { target: server, changeOrigin: false };

const ENTRY = path.resolve(import.meta.dirname, 'src/main.tsx');
const TABLE = path.resolve(import.meta.dirname, 'src/pages/SessionTable.tsx');

/** `root` and every module it imports statically, through any depth. */
function staticImports(root: string, context: Rolldown.ChunkingContext): Set<string> {
  const found = new Set<string>();
  const pending = [root];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    pending.push(...(context.getModuleInfo(id)?.importedIds ?? []));
  }
  return found;
}

/**
 * Which modules go into the `table` chunk: all that the table imports statically and the entry
 * does not (issue #20). Left to itself, the bundler cuts them into a chunk per set of chunks
 * sharing them (two dozen files, most of 1–3 KB, because the table's lazy parts and the other
 * pages share them); on a slow network a browser fetches only six at a time from one server
 * (HTTP/1.1), each waiting its round trip, which took longer than the bytes. The other pages (home,
 * dashboard, room display) then load the table's chunk for the little they share with it: they are
 * the host's, who opens the table anyway.
 */
function tableChunk(): Rolldown.CodeSplittingNameFunction {
  let members: Set<string> | null = null;
  return (id, context) => {
    if (!members) {
      const initial = staticImports(ENTRY, context);
      members = new Set([...staticImports(TABLE, context)].filter((member) => !initial.has(member)));
    }
    return members.has(id) ? 'table' : null;
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written for debugging but not referenced, so browsers never fetch them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry needs stays the entry's (a group takes its modules' imports along too).
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: tableChunk(), priority: 1 },
          ],
        },
      },
      treeshake: {
        // shared/ is pure TypeScript that does nothing on import: a module of it the client uses
        // nothing from stays out. So the request schemas (shared's *Schemas.ts and schema.ts, kept
        // apart for this) and zod with them load only with the parts that validate (the protocol
        // editor), not with the join page and the table (issue #20).
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': proxy,
      '/healthz': proxy,
      '/yjs': { ...proxy, ws: true },
      '/socket.io': { ...proxy, ws: true },
    },
  },
});
