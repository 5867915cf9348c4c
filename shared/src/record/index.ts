/** The record of a session: history snapshots, votes, participation, how scribe notes are keyed. */
export * from './history.js';
export * from './votes.js';
export * from './participation.js';
export * from './scribeNotes.js';
