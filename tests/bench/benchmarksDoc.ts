/** Writing a benchmark's runs into docs/BENCHMARKS.md, and describing the machine they ran on. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/serverProcess.js';

/** The machine, as one line: cores, CPU model, memory and Node version. */
export function machineDescription(): string {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return `\`nproc\` ${os.availableParallelism()}, "${model}", ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

/**
 * Adds `run` at the end of the section headed `heading` in docs/BENCHMARKS.md; when the section
 * does not exist yet it is created at the end of the file, opening with `intro()`.
 */
export function recordInBenchmarks(heading: string, intro: () => string, run: string): void {
  const file = path.join(REPO_ROOT, 'docs/BENCHMARKS.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) {
    fs.writeFileSync(file, `${text.trimEnd()}\n\n${intro()}\n${run}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? text.length : next + 1;
  fs.writeFileSync(file, `${`${text.slice(0, end).trimEnd()}\n\n${run}\n${text.slice(end)}`.trimEnd()}\n`);
}

/** A two-column "measure | value" Markdown table of `rows`, as its lines. */
export function measureTable(rows: readonly (readonly [string, string])[]): string[] {
  return ['| measure | value |', '|---|---|', ...rows.map(([label, value]) => `| ${label} | ${value} |`)];
}
