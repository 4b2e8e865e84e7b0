export * from './common.js';
export * from './grid-event.js';
export * from './alert.js';
export * from './observation.js';
export * from './indicator.js';
export * from './city-pack.js';
export * from './drill.js';
export * from './dispatch.js';
