/**
 * `npm run bench:write-floor`: what one delivery costs before any relay code runs — one small
 * message written by Node to one loopback TCP socket, in the convening's pattern: at random moments,
 * 500 a second on average (a change arriving somewhere), the process wakes and writes the message
 * to 19 sockets (the change's recipients) — ≈ 9,500 writes/s over 1,000 sockets read by another
 * process, for 10 s. Prints this process's CPU per write, user and system, from `process.cpuUsage()`.
 *
 * Every server in the convening pays this once per delivery whatever it does in JavaScript, so it
 * bounds the ratio Worktable / Hocuspocus from below: floor / Hocuspocus's CPU per delivery.
 *
 *   node --import tsx tests/bench/writeFloor.ts [--sockets 1000] [--rate 9500] [--fanout 19] [--seconds 10] [--bytes 32]
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import { sleep } from './time.js';

interface FloorOptions {
  sockets: number;
  rate: number;
  fanout: number;
  seconds: number;
  bytes: number;
}

function options(argv: readonly string[]): FloorOptions {
  const value = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    const parsed = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
    return parsed;
  };
  return {
    sockets: value('sockets', 1000),
    rate: value('rate', 9500),
    fanout: value('fanout', 19),
    seconds: value('seconds', 10),
    bytes: value('bytes', 32),
  };
}

/** The reading side: opens `sockets` connections to `port`, counts bytes, reports them when asked. */
function reader(port: number, sockets: number): void {
  let bytes = 0;
  let open = 0;
  for (let i = 0; i < sockets; i++) {
    const socket = net.connect(port, '127.0.0.1', () => {
      if (++open === sockets) process.send?.({ type: 'connected' });
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.byteLength;
    });
  }
  process.on('message', () => process.send?.({ type: 'bytes', bytes }));
  process.on('disconnect', () => process.exit(0));
}

async function writer({ sockets, rate, fanout, seconds, bytes }: FloorOptions): Promise<void> {
  const accepted: net.Socket[] = [];
  const server = net.createServer((socket) => {
    // As ws does for every WebSocket.
    socket.setNoDelay(true);
    accepted.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const child = fork(new URL(import.meta.url), ['--reader', String(port), String(sockets)], { stdio: 'inherit' });
  const nextMessage = (): Promise<{ type: string; bytes?: number }> => new Promise((resolve) => child.once('message', resolve));
  await nextMessage();
  while (accepted.length < sockets) await sleep(10);

  // A WebSocket binary frame header (2 bytes) and payload, as the relay writes them: one buffer.
  const frame = Buffer.alloc(bytes, 7);
  frame[0] = 0x82;
  frame[1] = bytes - 2;
  // Moments of a Poisson process (exponential gaps with the mean that gives `rate` writes a
  // second), served like a server serves arrivals: whatever is due when the process wakes.
  const meanGapMs = (1000 * fanout) / rate;
  const gap = (): number => -Math.log(1 - Math.random()) * meanGapMs;
  let next = 0;
  let writes = 0;
  let timer: NodeJS.Timeout | undefined;
  const before = process.cpuUsage();
  const started = performance.now();
  let due = started + gap();
  const wake = (): void => {
    const now = performance.now();
    for (; due <= now; due += gap()) {
      for (let i = 0; i < fanout; i++) {
        (accepted[next] as net.Socket).write(frame);
        next = (next + 1) % accepted.length;
        writes++;
      }
    }
    timer = setTimeout(wake, due - now);
  };
  timer = setTimeout(wake, due - started);
  await sleep(seconds * 1000);
  clearTimeout(timer);
  const cpu = process.cpuUsage(before);
  const elapsed = (performance.now() - started) / 1000;
  await sleep(500);
  child.send({ type: 'count' });
  const received = (await nextMessage()).bytes ?? 0;
  child.kill();
  for (const socket of accepted) socket.destroy();
  server.close();

  const line = (label: string, micros: number): string => `${label.padEnd(34)} ${(micros / writes).toFixed(2)} µs per write`;
  process.stdout.write(
    `${[
      `Node ${process.version}: ${writes} writes of ${bytes} bytes to ${sockets} loopback sockets in ${elapsed.toFixed(1)} s ` +
        `(${Math.round(writes / elapsed)}/s, ${fanout} at each of ${Math.round(writes / fanout / elapsed)} random moments a second); ${received} of ${writes * bytes} bytes read`,
      line('CPU (user + system)', cpu.user + cpu.system),
      line('  user', cpu.user),
      line('  system (kernel)', cpu.system),
    ].join('\n')}\n`,
  );
  if (received !== writes * bytes) process.exitCode = 1;
}

const readerIndex = process.argv.indexOf('--reader');
if (readerIndex >= 0) reader(Number(process.argv[readerIndex + 1]), Number(process.argv[readerIndex + 2]));
else void writer(options(process.argv.slice(2)));
