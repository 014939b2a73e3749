import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { addStatusPage } from './add-status-page.js';
import { deleteStatusPage } from './delete-status-page.js';
import { getStatusPage } from './get-status-page.js';
import { listStatusPages } from './list-status-pages.js';
import { postIncident } from './post-incident.js';
import { saveStatusPage } from './save-status-page.js';
import {
  logoInputSchema,
  publicGroupListSchema,
  statusPageConfigSchema,
} from './status-page-input.js';
import { unpinIncident } from './unpin-incident.js';

let t: TestDatabase;
let a: ServiceContext;
let b: ServiceContext;
let kit: ServiceTestKit;

beforeAll(async () => {
  t = await createTestDatabase();
  kit = createServiceTestKit(t.db);
  a = await kit.tenantContext('a');
  b = await kit.tenantContext('b');
});
afterAll(async () => t?.drop());

describe('status page services', () => {
  it('adds, saves and deletes a page, pushing the list to the tenant each time', async () => {
    kit.clearPushes();
    const id = await addStatusPage(a, ' Main ', 'Main');
    expect((await getStatusPage(a, 'main')).config).toMatchObject({
      id,
      title: 'Main',
      slug: 'main',
    });
    const { groupIds } = await saveStatusPage(a, 'main', {
      config: statusPageConfigSchema.parse({ slug: 'main', title: 'Renamed' }),
      logo: logoInputSchema.parse(undefined),
      groups: publicGroupListSchema.parse([{ name: 'Services', monitorList: [] }]),
    });
    expect(groupIds).toHaveLength(1);
    expect((await listStatusPages(a))[String(id)]).toMatchObject({ title: 'Renamed' });
    await deleteStatusPage(a, 'main');
    expect(await listStatusPages(a)).toEqual({});
    expect(kit.pushedEvents()).toEqual(
      Array.from({ length: 3 }, () => ({ tenantId: a.tenantId, event: 'statusPageList' })),
    );
    await expect
      .poll(() => kit.pageChanges.filter((tenant) => tenant === a.tenantId))
      .toHaveLength(2);
  });

  it('answers with Kuma’s texts, and another tenant’s slug like a missing one', async () => {
    await addStatusPage(a, 'Ours', 'ours');
    await expect(addStatusPage(a, 'Again', 'ours')).rejects.toThrow(
      'This slug is already used by another status page.',
    );
    await expect(addStatusPage(a, '', 'x')).rejects.toThrow('Please input all fields');
    await expect(getStatusPage(b, 'ours')).rejects.toThrow('No slug?');
    await expect(deleteStatusPage(b, 'ours')).rejects.toThrow('Status Page is not found');
    await expect(
      postIncident(b, 'ours', { title: 't', content: 'c', style: 'info' }),
    ).rejects.toThrow('slug is not found');
    expect((await getStatusPage(a, 'ours')).config).toMatchObject({ slug: 'ours' });
  });

  it('pins one incident and unpins it', async () => {
    await addStatusPage(a, 'News', 'news');
    const incident = await postIncident(a, 'news', { title: 't', content: 'c', style: 'info' });
    expect(incident).toMatchObject({ title: 't', pin: true, lastUpdatedAt: null });
    expect(incident.createdAt).toBeInstanceOf(Date);
    await unpinIncident(a, 'news');
    await unpinIncident(a, 'no-such-page');
  });
});
