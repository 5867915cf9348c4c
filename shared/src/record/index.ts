/** The record of a session: history snapshots, votes, participation, how scribe notes are keyed, the options a record is rendered with, what a table adds up to. */
export * from './history.js';
export * from './votes.js';
export * from './participation.js';
export * from './scribeNotes.js';
export * from './recordOptions.js';
export * from './tableSummary.js';
export * from './richText.js';
export * from './notesByPhase.js';
