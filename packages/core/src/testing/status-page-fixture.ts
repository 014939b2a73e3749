import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { recordBeats } from '../heartbeats/record-beats.js';
import { DOWN, PENDING, UP } from '../monitors/monitor-status.js';
import { postIncident } from '../status-pages/incident-repository.js';
import {
  incidentInputSchema,
  logoInputSchema,
  publicGroupListSchema,
  statusPageConfigSchema,
} from '../status-pages/status-page-input.js';
import { createStatusPage, saveStatusPage } from '../status-pages/status-page-repository.js';
import { addMonitorTag, createTag } from '../tags/tag-repository.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface StatusPageFixture {
  slug: string;
  monitorIds: number[];
}

/**
 * A status page as a company runs it, for benchmarks and browser tests: `monitors` HTTPS
 * monitors with tags and certificates in groups of 25, their last 30 beats a minute apart
 * (one monitor in 17 went down 5 minutes ago, a few had a pending blip), 89 earlier days of
 * daily aggregates with an outage now and then (deterministic), three incidents over the
 * weeks (the newest pinned), and Markdown in description and footer.
 */
export async function seedStatusPageWithHistory(
  db: Kysely<Database>,
  tenantId: number,
  { monitors, slug = 'acme', now = new Date() }: { monitors: number; slug?: string; now?: Date },
): Promise<StatusPageFixture> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO monitors (tenant_id, name, type, url, check_interval)
    SELECT ${tenantId}, 'Service ' || g, 'http', 'https://service-' || g || '.example.com/', 60
    FROM generate_series(1, ${monitors}) g
    RETURNING id
  `.execute(db);
  const monitorIds = rows.map((r) => r.id).sort((a, b) => a - b);
  await sql`
    INSERT INTO monitor_state (monitor_id, tenant_id)
    SELECT unnest(${monitorIds}::int[]), ${tenantId}
  `.execute(db);

  const downNow = (i: number) => i % 17 === 2;
  for (let minute = 29; minute >= 0; minute--) {
    const time = new Date(now.getTime() - minute * MINUTE_MS);
    await recordBeats(
      db,
      monitorIds.map((monitorId, i) => {
        const status =
          downNow(i) && minute < 5 ? DOWN : i % 23 === 5 && minute === 12 ? PENDING : UP;
        return {
          tenantId,
          monitorId,
          status,
          msg: '',
          time,
          pingMs: 20 + (i % 50),
          durationSec: 60,
          downCount: 0,
          important: false,
          retries: 0,
          nextDueAt: new Date(time.getTime() + MINUTE_MS),
        };
      }),
    );
  }
  await sql`
    UPDATE monitor_state
    SET tls_info = jsonb_build_object('valid', true,
                                      'certInfo', jsonb_build_object('daysRemaining', 30 + monitor_id % 60))
    WHERE tenant_id = ${tenantId}
  `.execute(db);

  // Earlier days: a small deterministic share of them lost some checks.
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  await sql`
    INSERT INTO stat_daily (monitor_id, tenant_id, bucket, up, down, ping_sum, ping_count)
    SELECT m.id, ${tenantId}, to_timestamp((${today / 1000} - d * 86400)::float8),
           1440 - x.down, x.down, 30 * 1440, 1440
    FROM unnest(${monitorIds}::int[]) AS m(id), generate_series(1, 89) AS d,
         LATERAL (SELECT CASE WHEN (m.id * 31 + d * 7) % 97 < 3 THEN (m.id * 13 + d) % 90 + 1
                              ELSE 0 END AS down) x
    ON CONFLICT DO NOTHING
  `.execute(db);

  const region = await createTag(db, tenantId, { name: 'region', color: '#2563eb' });
  for (const [i, id] of monitorIds.entries()) {
    await addMonitorTag(db, tenantId, region.id, id, i % 2 ? 'us' : 'eu');
  }

  await createStatusPage(db, tenantId, { title: 'Acme', slug });
  const groups = [];
  for (let i = 0; i < monitorIds.length; i += 25) {
    groups.push({
      name: monitorIds.length > 25 ? `Region ${i / 25 + 1}` : 'Services',
      monitorList: monitorIds.slice(i, i + 25).map((id, j) => ({ id, sendUrl: j === 0 })),
    });
  }
  await saveStatusPage(db, tenantId, slug, {
    config: statusPageConfigSchema.parse({
      slug,
      title: 'Acme Cloud Status',
      description: 'Live status of **Acme Cloud** services. Times are in UTC.',
      footerText: 'Questions? Write to [support@acme.com](mailto:support@acme.com).',
      showTags: true,
      showCertificateExpiry: true,
    }),
    logo: logoInputSchema.parse('/icon.svg'),
    groups: publicGroupListSchema.parse(groups),
    now,
  });
  const incidents = [
    [40, 'Login delays', 'Sign-ins took up to a minute. **Resolved.**', 'info'],
    [12, 'Storage degraded', 'Uploads failed for some users in `eu`.', 'danger'],
    [
      0,
      'Elevated error rates',
      'We are investigating errors on the API. Next update in 30 minutes.',
      'warning',
    ],
  ] as const;
  for (const [daysAgo, title, content, style] of incidents) {
    await postIncident(
      db,
      tenantId,
      slug,
      incidentInputSchema.parse({ title, content, style }),
      new Date(now.getTime() - daysAgo * DAY_MS - 30 * MINUTE_MS),
    );
  }
  return { slug, monitorIds };
}
