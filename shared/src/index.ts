/** Worktable's shared package: pure TypeScript used by both the client and the server. */
export * from './api.js';
export * from './safeText.js';
export * from './closeCodes.js';
export * from './ids.js';
export * from './control.js';
export * from './canvas/schema.js';
export * from './canvas/geometry.js';
export * from './canvas/placement.js';
export * from './canvas/readingOrder.js';
export * from './feedback.js';
export * from './protocols/index.js';
export * from './convening/index.js';
export * from './record/index.js';
export * from './canvas/cloneArtifact.js';
export * from './reactions.js';
export * from './roster/index.js';
export * from './talk/index.js';
