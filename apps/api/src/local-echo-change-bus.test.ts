import { describe, expect, it } from 'vitest';
import { createMemoryChangeBus } from '@watchpost/core/changes';
import { waitFor } from '@watchpost/core/testing';
import { withLocalEcho } from './local-echo-change-bus.js';

describe('withLocalEcho', () => {
  it("reaches this node's subscribers before publish returns, then again through the bus", async () => {
    const bus = withLocalEcho(createMemoryChangeBus());
    const seen: string[] = [];
    await bus.subscribe((change) => seen.push(`monitor ${change.monitorId}`));
    await bus.subscribeStatusPageChanges((change) => seen.push(`pages of ${change.tenantId}`));

    const published = bus.publish({ kind: 'upsert', monitorId: 7, tenantId: 1 });
    const pagePublished = bus.publishStatusPageChange({ tenantId: 1 });
    // Synchronously, before anything was awaited: what a handler relies on before its ack.
    expect(seen).toEqual(['monitor 7', 'pages of 1']);

    await Promise.all([published, pagePublished]);
    await waitFor(() =>
      expect(seen).toEqual(['monitor 7', 'pages of 1', 'monitor 7', 'pages of 1']),
    );
  });
});
