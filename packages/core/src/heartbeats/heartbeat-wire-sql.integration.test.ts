import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, UP } from '../monitors/monitor-status.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import {
  listLatestBeats,
  listLatestBeatsJson,
  listLatestImportantBeatsJson,
} from './heartbeat-repository.js';
import { toHeartbeatRowJson, toImportantHeartbeatJson } from './heartbeat-wire.js';
import { recordBeats, type BeatToRecord } from './record-beats.js';

// The login burst's beat lists are written by the database (heartbeat-wire-sql.ts); they must
// be what the TypeScript wire mappers give for the same rows, to the byte where JSON allows
// only one spelling.

let t: BackendTestDatabase;
let tenantId: number;
let otherTenantId: number;
let monitorId: number;
let quietMonitorId: number;

const httpMonitor = monitorInputSchema(20).parse({
  type: 'http',
  name: 'web',
  url: 'http://127.0.0.1:1/',
  accepted_statuscodes: ['200-299'],
});

const base = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
// Messages and pings as checks produce them, and the characters JSON must escape.
const MESSAGES = [
  '200 - OK',
  '',
  'say "hi" \\ back\nslash\ttab\r',
  'bell \u0007 and \u001f control',
  'déjà vu – 日本 – 🚀',
  '</script><script>alert(1)</script>',
];
const PINGS = [42, null, 12.345, 0.1, 123456.789, 3];

function beats(): BeatToRecord[] {
  return Array.from({ length: 12 }, (_, i) => ({
    tenantId,
    monitorId,
    status: i % 5 === 0 ? DOWN : UP,
    msg: MESSAGES[i % MESSAGES.length]!,
    time: new Date(base + i * 61_001),
    pingMs: PINGS[i % PINGS.length]!,
    durationSec: i * 7,
    downCount: i % 3,
    important: i % 4 === 0,
    retries: 0,
    nextDueAt: new Date(base + 3_600_000),
  }));
}

describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
    ({ tenantId: otherTenantId } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
    monitorId = await insertMonitor(t.db, tenantId, httpMonitor, true);
    quietMonitorId = await insertMonitor(t.db, tenantId, httpMonitor, true);
    await recordBeats(t.db, beats());
  });
  afterAll(async () => t?.drop());

  it('writes heartbeatList rows exactly as toHeartbeatRowJson, the latest ones oldest first', async () => {
    const json = await listLatestBeatsJson(t.db, tenantId, [monitorId, quietMonitorId], 10);
    const rows = (await listLatestBeats(t.db, tenantId, [monitorId], 10)).get(monitorId)!;
    expect(rows).toHaveLength(10);
    expect(json.get(monitorId)).toBe(JSON.stringify(rows.map(toHeartbeatRowJson)));
    expect(json.get(quietMonitorId)).toBe('[]');
  });

  it('writes importantHeartbeatList entries exactly as toImportantHeartbeatJson, newest first', async () => {
    const json = await listLatestImportantBeatsJson(t.db, tenantId, [monitorId], 2);
    const rows = (await listLatestBeats(t.db, tenantId, [monitorId], 2, true)).get(monitorId)!;
    expect(rows.map((b) => b.important)).toEqual([true, true]);
    expect(json.get(monitorId)).toBe(
      JSON.stringify([...rows].reverse().map(toImportantHeartbeatJson)),
    );
  });

  it('writes pings JavaScript spells differently as the same numbers', async () => {
    const odd = await insertMonitor(t.db, tenantId, httpMonitor, true);
    const pings = [1e-7, 1.5e21, 0.000123];
    await recordBeats(
      t.db,
      pings.map((pingMs, i) => ({
        ...beats()[0]!,
        monitorId: odd,
        pingMs,
        time: new Date(base + i),
      })),
    );
    const json = await listLatestBeatsJson(t.db, tenantId, [odd], 100);
    const rows = (await listLatestBeats(t.db, tenantId, [odd], 100)).get(odd)!;
    expect(JSON.parse(json.get(odd)!)).toEqual(rows.map(toHeartbeatRowJson));
    expect(rows.map((b) => b.pingMs)).toEqual(pings);
  });

  it('gives another tenant’s monitor ids what ids that do not exist get', async () => {
    expect(await listLatestBeatsJson(t.db, otherTenantId, [monitorId, 999_999], 100)).toEqual(
      new Map([
        [monitorId, '[]'],
        [999_999, '[]'],
      ]),
    );
    expect(await listLatestImportantBeatsJson(t.db, otherTenantId, [monitorId], 100)).toEqual(
      new Map([[monitorId, '[]']]),
    );
  });
});
