import { describe, expect, it } from 'vitest';
import type { MonitorListPayload } from '../protocol/server-events.js';
import { createMonitorMetaDiffer } from './monitor-meta-differ.js';

function kuma(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `m${id}`,
    type: 'http',
    active: true,
    parent: null,
    url: 'https://x/',
    tags: [],
    maintenance: false,
    ...overrides,
  };
}

function list(...monitors: ReturnType<typeof kuma>[]): MonitorListPayload {
  return Object.fromEntries(monitors.map((m) => [String(m.id), m]));
}

describe('createMonitorMetaDiffer', () => {
  it('carries every meta in the first delta for a tenant', () => {
    const differ = createMonitorMetaDiffer();
    const delta = differ.delta(1, list(kuma(1), kuma(2)));
    expect(delta.upserts.map((m) => m.id)).toEqual([1, 2]);
    expect(delta.removed).toEqual([]);
  });

  it('then carries only what changed and what left', () => {
    const differ = createMonitorMetaDiffer();
    differ.delta(1, list(kuma(1), kuma(2), kuma(3)));
    const delta = differ.delta(1, list(kuma(1), kuma(2, { active: false }), kuma(4)));
    expect(delta.upserts.map((m) => [m.id, m.active])).toEqual([
      [2, false],
      [4, true],
    ]);
    expect(delta.removed).toEqual([3]);
  });

  it('ignores fields the list does not show (an interval change is no delta)', () => {
    const differ = createMonitorMetaDiffer();
    differ.delta(1, list(kuma(1, { interval: 60 })));
    expect(differ.delta(1, list(kuma(1, { interval: 30 })))).toEqual({ upserts: [], removed: [] });
  });

  it('keeps tenants apart', () => {
    const differ = createMonitorMetaDiffer();
    differ.delta(1, list(kuma(1)));
    expect(differ.delta(2, list(kuma(1))).upserts).toHaveLength(1);
    expect(differ.delta(1, list()).removed).toEqual([1]);
  });
});
