/** Convenings: seating people at tables over rounds. */
export * from './types.js';
export * from './pairs.js';
export * from './affine.js';
export { DEFAULT_SEATING_WEIGHTS, tableCountOf } from './problem.js';
export * from './seating.js';
export * from './sessionTypes.js';
export * from './agenda.js';
export * from './position.js';
export * from './tableSeating.js';
export * from './rounds.js';
export * from './plan.js';
export * from './planDetails.js';
export * from './session.js';
export * from './view.js';
export * from './harvest.js';
export * from './dashboard.js';
export * from './voting.js';
export * from './privateWriting.js';
