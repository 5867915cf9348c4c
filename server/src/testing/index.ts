/**
 * The server's test helpers as other packages import them (`@worktable/server/testing`): real
 * servers on port 0 and injected ones, y-websocket and control clients, the PostgreSQL and Redis
 * the tests use, sample files and protocol fixtures. It loads the whole server (testServer builds
 * one): a process that only drives servers in other processes imports `./testing/controlClient`
 * or `./testing/services` alone. Helpers that register vitest hooks (`closedAfterEach`) stay
 * inside the server package.
 */
export * from './testServer.js';
export * from './testApp.js';
export * from './controlClient.js';
export * from './services.js';
export * from './sampleFiles.js';
export * from './fixtures.js';
