/**
 * Making SQLite's writes fail for real, from outside the server process.
 *
 * - `tmpfs` (needs root, as on the CI machine): DATA_DIR is a small tmpfs mount; filling it with a
 *   ballast file is a genuinely full disk (ENOSPC), and deleting the ballast gives the space back.
 * - `fsize` (any user on Linux, the fallback when mounting is refused): the server's RLIMIT_FSIZE
 *   is lowered with `prlimit` to the current size of the write-ahead log, so the next commit, which
 *   appends to the log, fails with EFBIG (Node ignores SIGXFSZ); raising the limit lets writes
 *   through again. Only files grow past the limit fail: reads, and writes inside a file, go on.
 *
 * `PRAGMA max_page_count` would not do: it is per connection, and the server's connection is not
 * ours. Making the file read-only (chmod 0444 or chattr +i) does not affect a file descriptor
 * that is already open for writing either.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, tempDir } from './faultSupport.js';

/** One way of refusing writes. */
export interface DiskFault {
  readonly kind: 'tmpfs' | 'fsize';
  /** The folder to use as DATA_DIR. */
  readonly dataDir: string;
  /** From now on, growing a file in `dataDir` fails (server process `pid`). Returns what was done. */
  fill(pid: number): string;
  /** Gives the space back. */
  free(pid: number): void;
}

/** Which injectors this machine supports, best first. */
export function availableDiskFaults(): DiskFault['kind'][] {
  const kinds: DiskFault['kind'][] = [];
  if (canMountTmpfs()) kinds.push('tmpfs');
  if (os.platform() === 'linux' && hasPrlimit()) kinds.push('fsize');
  return kinds;
}

/** Prepares a fault of `kind` (the tmpfs is unmounted after the test). */
export function diskFault(kind: DiskFault['kind']): DiskFault {
  return kind === 'tmpfs' ? tmpfsFault() : fsizeFault();
}

let mountable: boolean | undefined;
function canMountTmpfs(): boolean {
  if (mountable !== undefined) return mountable;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    mountable = true;
  } catch {
    mountable = false;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return mountable;
}

function hasPrlimit(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function tmpfsFault(sizeMiB = 16): DiskFault {
  const dataDir = tempDir('worktable-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dataDir]);
  onCleanup(() => execFileSync('umount', ['-l', dataDir]));
  const ballast = path.join(dataDir, 'ballast');
  return {
    kind: 'tmpfs',
    dataDir,
    fill() {
      const fd = fs.openSync(ballast, 'w');
      let written = 0;
      try {
        for (const chunk of [1 << 20, 4096, 1]) {
          const bytes = Buffer.alloc(chunk, 0x42);
          for (;;) {
            try {
              const n = fs.writeSync(fd, bytes);
              written += n;
              if (n < chunk) break;
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      const { bavail } = fs.statfsSync(dataDir);
      return `tmpfs of ${sizeMiB} MiB filled with a ${(written / 2 ** 20).toFixed(1)} MiB ballast file (${bavail} blocks left)`;
    },
    free() {
      fs.rmSync(ballast);
    },
  };
}

function fsizeFault(): DiskFault {
  const dataDir = tempDir();
  return {
    kind: 'fsize',
    dataDir,
    fill(pid) {
      const wal = path.join(dataDir, 'worktable.sqlite-wal');
      const limit = Math.max(fs.statSync(wal).size, 1);
      execFileSync('prlimit', ['--pid', String(pid), `--fsize=${limit}:`]);
      return `RLIMIT_FSIZE of the server lowered to ${limit} bytes, the size of its write-ahead log`;
    },
    free(pid) {
      execFileSync('prlimit', ['--pid', String(pid), '--fsize=unlimited:']);
    },
  };
}
