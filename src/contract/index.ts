export * from './errors.js';
export * from './wire.js';
export * from './challenge.js';
