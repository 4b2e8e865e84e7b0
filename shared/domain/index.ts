/** Domain calculators shared by the server and the client: pure functions over plain data. */
export * from './time.js';
export * from './aqi-breakpoints.js';
export * from './aqi.js';
export * from './water.js';
export * from './noise.js';
export * from './warning.js';
export * from './lifecycle.js';
export * from './economy.js';
export * from './time-bounds.js';
export * from './escalation.js';
export * from './work-calendar.js';
