/**
 * Vite configuration of the browser client. `npm run build:client` writes `client/dist` (each
 * text asset also precompressed as .br and .gz), which the server serves with an SPA fallback. `npm run dev --workspace @worktable/client` serves the
 * client with hot reload and proxies the API, the y-websocket relay and socket.io to a server
 * started separately on port 8080 (`npm run dev` at the root).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const server = 'http://127.0.0.1:8080';
// Keep the browser's Host header: the server builds invite links from it.
const proxy = { target: server, changeOrigin: false };

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written for debugging but not referenced, so browsers never fetch them.
    sourcemap: 'hidden',
    rolldownOptions: {
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
