/**
 * `npm run backup -- <file>`: a consistent online copy of the SQLite store in `DATA_DIR`, safe
 * while the server runs (SQLite's backup API). Restore: stop the server, put the copy in place of
 * `DATA_DIR/worktable.sqlite` (and remove any `-wal`/`-shm` files next to it), start again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SQLITE_FILE_NAME } from '../app.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { openSqliteStorage } from '../storage/sqliteStorage.js';

async function backup(): Promise<void> {
  const destination = process.argv[2];
  if (!destination) {
    process.stderr.write('Usage: npm run backup -- <destination.sqlite>\n');
    process.exit(2);
  }
  const config = loadConfig();
  const source = path.join(config.dataDir, SQLITE_FILE_NAME);
  if (!fs.existsSync(source)) {
    process.stderr.write(`No store at ${source}; set DATA_DIR to the server's data folder.\n`);
    process.exit(1);
  }
  if (fs.existsSync(destination)) {
    process.stderr.write(`${destination} exists already; choose a new file name.\n`);
    process.exit(1);
  }
  const storage = openSqliteStorage(source);
  try {
    await storage.backup(path.resolve(destination));
  } finally {
    await storage.close();
  }
  process.stdout.write(`Backed up ${source} to ${path.resolve(destination)}\n`);
}

backup().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Backup failed: ${String(error)}`}\n`);
  process.exit(1);
});
