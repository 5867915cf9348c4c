/**
 * Runs the real server as a child process the way `npm start` does (`node server/dist/main.mjs`,
 * built by `npm run build:server`, which `npm test` runs first), so tests can kill it with
 * SIGKILL or SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ONE_ADDRESS_ENV } from '@worktable/server/testing/services';

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** A running server process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** Sends a signal and resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The bundled server that `npm start` runs. */
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'server/dist/main.mjs');

/** Starts the server with `env` (over `ONE_ADDRESS_ENV`: its clients all come from 127.0.0.1) and resolves once it is listening. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_BUNDLE)) {
    return Promise.reject(new Error(`${SERVER_BUNDLE} is missing: run \`npm run build:server\` (\`npm test\` does).`));
  }
  const child = spawn(process.execPath, ['--enable-source-maps', '--expose-gc', SERVER_BUNDLE], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...ONE_ADDRESS_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        child,
        url,
        wsUrl: url.replace(/^http/, 'ws'),
        output: () => output,
        stop(signal) {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
