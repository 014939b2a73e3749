import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { UP } from '../monitors/monitor-status.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import {
  announceWatchedTenants,
  createRedisTenantWatch,
  type WatchedRooms,
} from '../realtime/redis-tenant-watch.js';
import type { TenantEvents } from '../realtime/tenant-events.js';
import { tenantRoom } from '../realtime/tenant-room.js';
import { getWindowStatsFor } from '../stats/stats-repository.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { TEST_REDIS_URL } from '../testing/env.js';
import {
  createTestDatabase,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../testing/test-database.js';
import { publishBeats } from './publish-beats.js';
import { recordBeats, type BeatToRecord } from './record-beats.js';

const httpMonitor = monitorInputSchema(20).parse({
  type: 'http',
  name: 'web',
  url: 'http://127.0.0.1:1/',
  accepted_statuscodes: ['200-299'],
});

let t: TestDatabase;
let redis: Redis;
let watched: number;
let unwatched: number;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
  ({ tenantId: watched } = await createTenantWithAdmin(t.db, {
    name: 'w',
    username: 'w',
    passwordHash: 'x',
  }));
  ({ tenantId: unwatched } = await createTenantWithAdmin(t.db, {
    name: 'u',
    username: 'u',
    passwordHash: 'x',
  }));
});
afterAll(async () => {
  redis?.disconnect();
  await t?.drop();
});

/** Counts the statements a Kysely instance runs. */
function counting(db: Kysely<Database>): { db: Kysely<Database>; count: () => number } {
  let n = 0;
  return {
    db: db.withPlugin({
      transformQuery: (args) => {
        n++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    }),
    count: () => n,
  };
}

/** An API node's rooms, as Socket.IO's adapter holds them. */
function fakeRooms(): WatchedRooms & { join(room: string): void } {
  const emitter = new EventEmitter();
  const rooms = new Map<string, Set<string>>();
  return {
    rooms,
    on: (event, listener) => emitter.on(event, listener),
    off: (event, listener) => emitter.off(event, listener),
    join(room) {
      if (!rooms.has(room)) {
        rooms.set(room, new Set());
        emitter.emit('create-room', room);
      }
      rooms.get(room)?.add('socket');
    },
  };
}

function beat(tenantId: number, monitorId: number, time: Date): BeatToRecord {
  return {
    tenantId,
    monitorId,
    status: UP,
    msg: '',
    time,
    pingMs: 42,
    durationSec: 0,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: null,
  };
}

describe('publishBeats', () => {
  it('runs no statistics query for a tenant nobody watches, and pushes what the aggregates say to a watched one', async () => {
    const prefix = uniqueRedisPrefix('watch');
    const rooms = fakeRooms();
    const announcing = announceWatchedTenants(redis, prefix, rooms, (err) => {
      throw err;
    });
    rooms.join(tenantRoom(watched));
    rooms.join(`${tenantRoom(unwatched)}:lean`); // not the tenant's own room: nobody logged in
    const watch = createRedisTenantWatch(redis, prefix, 0);
    await expect.poll(() => watch.isWatched(watched)).toBe(true);
    expect(await watch.isWatched(unwatched)).toBe(false);

    const pushes: unknown[][] = [];
    const events: TenantEvents = {
      emit: (tenantId, ...push) => pushes.push([tenantId, ...push]),
      isWatched: (tenantId) => watch.isWatched(tenantId),
    };
    const mine = await insertMonitor(t.db, watched, httpMonitor, true);
    const theirs = await insertMonitor(t.db, unwatched, httpMonitor, true);
    const logger = pino({ level: 'silent' });

    const quiet = [beat(unwatched, theirs, new Date())];
    await recordBeats(t.db, quiet);
    const forUnwatched = counting(t.db);
    await publishBeats({ db: forUnwatched.db, events, logger }, quiet);
    expect(forUnwatched.count()).toBe(0);
    expect(pushes.map((p) => p.slice(0, 2))).toEqual([[unwatched, 'heartbeat']]);

    pushes.length = 0;
    const busy = [beat(watched, mine, new Date()), beat(unwatched, theirs, new Date())];
    await recordBeats(t.db, busy);
    const forWatched = counting(t.db);
    await publishBeats({ db: forWatched.db, events, logger }, busy);
    // One statement, or four more when the counters start over (first read of a new monitor).
    expect(forWatched.count()).toBeLessThanOrEqual(5);
    const refs = [{ monitorId: mine, tenantId: watched }];
    const [day, month] = await Promise.all([
      getWindowStatsFor(t.db, refs, 24),
      getWindowStatsFor(t.db, refs, 720),
    ]);
    const expected = monitorStatEvents(
      mine,
      { day: day.get(mine), month: month.get(mine) },
      true,
      null,
    );
    expect(pushes.filter((p) => p[1] !== 'heartbeat')).toEqual(
      expected.map((e) => [watched, ...e]),
    );
    expect(pushes.filter((p) => p[0] === unwatched).map((p) => p[1])).toEqual(['heartbeat']);

    // Once the counters run, a batch costs one statement.
    const again = [beat(watched, mine, new Date())];
    await recordBeats(t.db, again);
    const steady = counting(t.db);
    await publishBeats({ db: steady.db, events, logger }, again);
    expect(steady.count()).toBe(1);
    announcing.stop();
  });

  it("lets a tenant's claim run out when its node stops renewing it", async () => {
    const prefix = uniqueRedisPrefix('watch-expiry');
    const rooms = fakeRooms();
    rooms.join(tenantRoom(watched));
    const announcing = announceWatchedTenants(redis, prefix, rooms, () => undefined, 50);
    const watch = createRedisTenantWatch(redis, prefix, 0);
    await expect.poll(() => watch.isWatched(watched)).toBe(true);
    announcing.stop();
    // A claim lasts three renewals of the default period; pretend they passed.
    await redis.zadd(`${prefix}:watched-tenants`, Date.now() - 1, String(watched));
    expect(await watch.isWatched(watched)).toBe(false);
    await redis.del(`${prefix}:watched-tenants`);
  });
});
