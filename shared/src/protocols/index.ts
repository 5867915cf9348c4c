/** Protocols: definitions, built-ins, timeline, rotation and the control state machine. */
export * from './definition.js';
export * from './schema.js';
export * from './builtins.js';
export * from './timeline.js';
export * from './rotation.js';
export * from './control.js';
export * from './random.js';
export * from './wire.js';
export * from './wireSchemas.js';
