/**
 * Summarizes a V8 CPU profile (`.cpuprofile`, from `node --cpu-prof`) in the terminal: busy share
 * per second of the run, then — for a chosen span of seconds — the functions with the most self
 * time and the most inclusive time, idle excluded. Used to profile the server under a benchmark:
 *
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- --scenario convening --only worktable
 *   node --import tsx tests/bench/profileSummary.ts /tmp/prof/CPU.*.cpuprofile            # busy % per second
 *   node --import tsx tests/bench/profileSummary.ts /tmp/prof/CPU.*.cpuprofile 11 25 40   # seconds 11–25, top 40
 *
 * The same file opens as a flame graph in Chrome DevTools (Performance → load profile) or speedscope.
 * Samples are wall-clock: time blocked in a native call (a write syscall, an fsync) counts as busy.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function frameName(node: ProfileNode): string {
  const where = node.callFrame.url.split('/').slice(-2).join('/');
  return `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber}`;
}

function main(argv: readonly string[]): void {
  const [file, from, to, top] = argv;
  if (!file) {
    process.stderr.write('usage: profileSummary.ts FILE.cpuprofile [fromSecond toSecond [top]]\n');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const perSecond = new Map<number, { busy: number; all: number }>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let counted = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    elapsed += profile.timeDeltas[index] ?? 0;
    const second = Math.floor(elapsed / 1e6);
    const node = nodes.get(id);
    if (!node) return;
    const idle = node.callFrame.functionName === '(idle)';
    const bucket = perSecond.get(second) ?? { busy: 0, all: 0 };
    bucket.all++;
    if (!idle) bucket.busy++;
    perSecond.set(second, bucket);
    if (from === undefined || idle || second < Number(from) || second >= Number(to)) return;
    counted++;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const ancestor = nodes.get(at);
      if (!ancestor) break;
      const name = frameName(ancestor);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
    }
  });

  if (from === undefined) {
    for (const [second, { busy, all }] of perSecond) process.stdout.write(`${second}s ${((busy / all) * 100).toFixed(0)}%\n`);
    return;
  }
  const limit = Number(top ?? 30);
  const print = (title: string, table: Map<string, number>): void => {
    process.stdout.write(`--- ${title}\n`);
    for (const [name, samples] of [...table].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      process.stdout.write(`${((samples / counted) * 100).toFixed(1).padStart(5)}%  ${name}\n`);
    }
  };
  process.stdout.write(`busy samples in seconds ${from}–${to}: ${counted}\n`);
  print('self time', self);
  print('inclusive time', inclusive);
}

main(process.argv.slice(2));
