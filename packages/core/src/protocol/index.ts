export type * from './server-events.js';
export type * from './client-events.js';
export type * from './dashboard-events.js';
