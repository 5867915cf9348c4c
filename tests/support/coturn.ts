/**
 * A coturn TURN server for the call tests, started on 127.0.0.1 with a shared secret (coturn's
 * `use-auth-secret`, the way the server derives credentials) and stopped after. Loopback peers
 * are allowed: both browsers of the test relay through it on this machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './serverProcess.js';

/** A running turnserver. */
export interface Coturn {
  port: number;
  secret: string;
  /** What the app server needs: ICE_SERVERS, TURN_SECRET and relay-only calls. */
  env: Record<string, string>;
  /** Lines coturn logged (allocations show up here). */
  log: string[];
  stop(): Promise<void>;
}

/** The turnserver binary ($TURNSERVER_PATH, else `turnserver` on the PATH). */
const TURNSERVER = process.env.TURNSERVER_PATH ?? 'turnserver';

/** Starts coturn on a free port of 127.0.0.1 and resolves once it listens. */
export async function startCoturn(): Promise<Coturn> {
  const port = await freePort();
  const secret = crypto.randomBytes(16).toString('hex');
  const minPort = 40_000 + Math.floor(Math.random() * 20_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wt-coturn-'));
  const args = [
    '-n',
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    `--min-port=${minPort}`,
    `--max-port=${minPort + 200}`,
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--realm=worktable.test',
    '--allow-loopback-peers',
    '--no-cli',
    '--no-tls',
    '--no-dtls',
    '--fingerprint',
    '--log-file=stdout',
    '--simple-log',
    '--verbose',
    `--pidfile=${path.join(dir, 'turnserver.pid')}`,
    `--db=${path.join(dir, 'turndb')}`,
  ];
  const child: ChildProcess = spawn(TURNSERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`turnserver did not start in 10 s:\n${log.join('')}`)), 10_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/UDP listener opened on: 127\.0\.0\.1:/i.test(log.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${TURNSERVER} (install coturn: scripts/ensure-test-tools.sh): ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`turnserver exited with ${code}:\n${log.join('')}`));
    });
  });
  await started;
  return {
    port,
    secret,
    env: { ICE_SERVERS: `turn:127.0.0.1:${port}?transport=udp`, TURN_SECRET: secret, ICE_TRANSPORT_POLICY: 'relay' },
    log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
