import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UP } from '@watchpost/core';
import { heartbeatRepository, type BeatToRecord } from '@watchpost/core/db';
import { MAX_BEATS_PER_PAGE } from '@watchpost/core/services';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/monitors.md#getmonitorbeats: at most MAX_BEATS_PER_PAGE rows per ack, the newest first cut, and older pages by
// `{before: <beat id>}`.

interface BeatsAck {
  ok: boolean;
  data: { id: number; time: string }[];
  more?: boolean;
  msg?: string;
}

const EXTRA = 25;
let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
let busy: number;
let quiet: number;

function beats(monitorId: number, count: number): BeatToRecord[] {
  const now = Date.now();
  // Two beats per millisecond step, so the cursor has ties in `time` to break by id.
  return Array.from({ length: count }, (_, i) => ({
    tenantId: user.tenantId,
    monitorId,
    status: UP,
    msg: '',
    time: new Date(now - 3_600_000 + Math.floor(i / 2) * 100),
    pingMs: 1,
    durationSec: 0,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(now + 60_000),
  }));
}

beforeAll(async () => {
  ctx = await createApiTestContext('monitor-beats-paging');
  user = await ctx.createUser('pager');
  busy = await insertMonitor(ctx.db, user.tenantId, { name: 'busy' });
  quiet = await insertMonitor(ctx.db, user.tenantId, { name: 'quiet' });
  await heartbeatRepository.recordBeats(ctx.db, beats(busy, MAX_BEATS_PER_PAGE + EXTRA));
  await heartbeatRepository.recordBeats(ctx.db, beats(quiet, 3));
  client = await ctx.connect();
  await client.login(user);
});
afterAll(async () => ctx?.close());

describe('getMonitorBeats paging', () => {
  it('answers the newest page, oldest first, and says older beats are left', async () => {
    const first = await client.call<BeatsAck>('getMonitorBeats', busy, 24);
    expect(first.ok).toBe(true);
    expect(first.more).toBe(true);
    expect(first.data).toHaveLength(MAX_BEATS_PER_PAGE);
    const times = first.data.map((b) => b.time);
    expect(times).toEqual([...times].sort());

    const second = await client.call<BeatsAck>('getMonitorBeats', busy, 24, {
      before: first.data[0]!.id,
    });
    expect(second).toEqual({ ok: true, data: expect.any(Array) });
    expect(second.data).toHaveLength(EXTRA);
    const ids = [...second.data, ...first.data].map((b) => b.id);
    const stored = await ctx.db
      .selectFrom('heartbeats')
      .select('id')
      .where('monitor_id', '=', busy)
      .execute();
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(stored.map((r) => r.id)));
  });

  it('keeps upstream’s ack when everything fits', async () => {
    const ack = await client.call<BeatsAck>('getMonitorBeats', quiet, 24);
    expect(Object.keys(ack)).toEqual(['ok', 'data']);
    expect(ack.data).toHaveLength(3);
  });

  it('answers an empty page for a cursor of another monitor, and refuses a malformed one', async () => {
    const [otherBeat] = (await client.call<BeatsAck>('getMonitorBeats', quiet, 24)).data;
    expect(
      await client.call<BeatsAck>('getMonitorBeats', busy, 24, { before: otherBeat!.id }),
    ).toEqual({ ok: true, data: [] });
    for (const page of [{ before: 'newest' }, { before: -1 }, 'next']) {
      expect(await client.call('getMonitorBeats', busy, 24, page)).toMatchObject({ ok: false });
    }
  });
});
