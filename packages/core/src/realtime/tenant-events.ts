/**
 * Emits to a tenant's room from any process. API nodes implement it with their Socket.IO
 * server (the Redis adapter fans out), workers with @socket.io/redis-emitter.
 */
export interface TenantEvents {
  emit(tenantId: number, event: string, ...args: unknown[]): void;
}
