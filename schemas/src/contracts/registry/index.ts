export * from './kps.schema.js';
export * from './mersis.schema.js';
export * from './esbis.schema.js';
export * from './service-reply.schema.js';
export * from './registry-flags.schema.js';
export * from './authorization-reasons.schema.js';
export * from './authorization-record.schema.js';
