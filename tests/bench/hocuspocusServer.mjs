// The Hocuspocus baseline of `npm run bench`: @hocuspocus/server 4 with its defaults, in memory
// (no extensions), listening on HOST:PORT. Plain JavaScript so it runs as people would run it.
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
});
await server.listen();
process.on('SIGTERM', () => {
  server.destroy().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
