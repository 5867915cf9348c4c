/** The record of a session: history snapshots, votes, participation. */
export * from './history.js';
export * from './votes.js';
export * from './participation.js';
