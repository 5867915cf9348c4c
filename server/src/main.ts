/**
 * Boots the server from the environment: validates configuration (a bad value stops with one line
 * per problem), listens, and shuts down gracefully on SIGTERM/SIGINT, flushing pending writes.
 */
import { buildServer } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await buildServer(config);
  const url = await server.listen();
  server.app.log.info({ url, dataDir: config.dataDir }, `Worktable is serving on ${url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down; flushing pending writes');
    const force = setTimeout(() => {
      server.app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Worktable could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
