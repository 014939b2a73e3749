// The API role for composition roots (main.ts, the all-in-one process).
export { startApi, type ApiDeps, type RunningApi } from './start-api.js';
export { parseApiConfig, type ApiConfig } from './config.js';
