/** Rosters: the people a host expects, read from CSV. */
export * from './csv.js';
export * from './columns.js';
export * from './roster.js';
export * from './rosterSeating.js';
