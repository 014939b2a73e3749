// Server-only: the service layer. Every transport (Socket.IO handlers, HTTP routes) calls
// these with a ServiceContext; one verb per file, in the feature's folder.
export * from './service-context.js';
