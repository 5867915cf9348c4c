/** Public entry of the server package, for tests and embedding. */
export { buildServer, SQLITE_FILE_NAME, type BuildOptions, type WorktableServer } from './app.js';
export { loadConfig, ConfigError, CONFIG_ENV_NAMES, type Config } from './config/config.js';
export { openSqliteStorage, SqliteStorage } from './storage/sqliteStorage.js';
export type { StoragePort } from './storage/port.js';
