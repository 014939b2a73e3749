import type { ServiceContext } from '../services/service-context.js';
import { listStatusPages } from './list-status-pages.js';

// Upstream pushes nothing after page changes; the spec recommends pushing, and the list push
// goes out before the ack like every other list (docs/protocol/transport.md#pushes-and-rooms).
export async function pushStatusPageList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'statusPageList', await listStatusPages(ctx));
}
