/** Talking at the table: the speaking queue and the talking piece. */
export * from './speakingQueue.js';
export * from './callLinks.js';
export * from './call.js';
export * from './callSchemas.js';
export * from './speakingTime.js';
