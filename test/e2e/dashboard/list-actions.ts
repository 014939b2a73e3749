import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { connectKumaTestClient } from '@watchpost/core/testing';
import { ADMIN, signedInPage, type JourneyDeployment } from './journey.js';

// The monitor list's filters and bulk actions in the browser: monitors made over the Kuma
// protocol (quicker than the form, which the journey covers), then search, the status, tag and
// type filters, and a bulk pause and resume seen in the rows and in the header's counts.

const NAMES = ['Bulk one', 'Bulk two', 'Bulk three', 'Bulk port'];

export async function checkListFiltersAndBulkActions(deployment: JourneyDeployment): Promise<void> {
  const kuma = await connectKumaTestClient(deployment.baseUrl, { callTimeoutMs: 20_000 });
  const ids: number[] = [];
  try {
    await kuma.login(ADMIN);
    const add = async (fields: Record<string, unknown>) => {
      const { monitorID } = await kuma.call<{ monitorID: number }>('add', {
        interval: 60,
        retryInterval: 60,
        maxretries: 0,
        accepted_statuscodes: ['200-299'],
        notificationIDList: {},
        ...fields,
      });
      ids.push(monitorID);
      return monitorID;
    };
    const one = await add({ type: 'http', name: NAMES[0], url: deployment.target.url });
    const two = await add({ type: 'http', name: NAMES[1], url: deployment.target.url });
    await add({ type: 'http', name: NAMES[2], url: deployment.target.url });
    await add({ type: 'port', name: NAMES[3], hostname: '127.0.0.1', port: 1 });
    const { tag } = await kuma.call<{ tag: { id: number } }>('addTag', {
      name: 'bulk-tag',
      color: '#2563eb',
    });
    await kuma.call('addMonitorTag', tag.id, one, '');
    await kuma.call('addMonitorTag', tag.id, two, 'b');

    const page = await signedInPage(deployment);
    const search = page.getByRole('search', { name: 'Filters' });
    await search.getByLabel('Search').fill('bulk');
    // Matches show flat, by name.
    await expect
      .poll(() => shownRows(page))
      .toEqual(['Bulk one', 'Bulk port', 'Bulk three', 'Bulk two']);

    await search.getByLabel('Tag').selectOption({ label: 'bulk-tag' });
    await expect.poll(() => shownRows(page)).toEqual(['Bulk one', 'Bulk two']);
    await search.getByLabel('Tag').selectOption({ label: 'Any' });
    await search.getByLabel('Type').selectOption('port');
    await expect.poll(() => shownRows(page)).toEqual(['Bulk port']);
    await search.getByLabel('Type').selectOption({ label: 'Any' });
    // Every word has to match, in any order.
    await search.getByLabel('Search').fill('two bulk');
    await expect.poll(() => shownRows(page)).toEqual(['Bulk two']);
    await search.getByLabel('Search').fill('bulk');

    const pausedBefore = await headerCount(page, 'Paused');
    await page.getByRole('checkbox', { name: 'Select Bulk one' }).check();
    await page.getByRole('checkbox', { name: 'Select Bulk two' }).check();
    const actions = page.getByRole('group', { name: 'Actions on the selected monitors' });
    await actions.getByText('2 selected').waitFor();
    await actions.getByRole('button', { name: 'Pause' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pause' });
    await dialog.getByText('Pause 2 monitors? Paused monitors run no checks.').waitFor();
    await dialog.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => headerCount(page, 'Paused')).toBe(pausedBefore + 2);
    await expect.poll(() => rowStatus(page, 'Bulk one')).toBe('Paused');
    await expect.poll(() => rowStatus(page, 'Bulk two')).toBe('Paused');
    expect(await rowStatus(page, 'Bulk three')).not.toBe('Paused');

    await search.getByLabel('Status').selectOption('paused');
    await expect.poll(() => shownRows(page)).toEqual(['Bulk one', 'Bulk two']);
    await page.getByLabel('Select all shown').check();
    await actions.getByText('2 selected').waitFor();
    await actions.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => headerCount(page, 'Paused')).toBe(pausedBefore);
    // Resumed, they no longer match the "Paused" filter.
    await page.getByText('No monitor matches the filters.').waitFor();
    await search.getByLabel('Status').selectOption({ label: 'Any' });
    await expect.poll(() => rowStatus(page, 'Bulk one')).not.toBe('Paused');
    await page.context().close();
  } finally {
    for (const id of ids) await kuma.call('deleteMonitor', id).catch(() => undefined);
    kuma.close();
  }
}

/** The names of the monitors the list shows, in order. */
async function shownRows(page: Page): Promise<string[]> {
  return page.locator('.monitor-list-scroller .monitor-name').allInnerTexts();
}

/** A row's status pill. */
async function rowStatus(page: Page, name: string): Promise<string> {
  const row = page.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
  return row.locator('.status-pill').innerText();
}

/** The header's count of monitors in one state ("3 Paused" → 3). */
async function headerCount(page: Page, status: string): Promise<number> {
  const text = await page.getByRole('list', { name: 'Monitor counts' }).innerText();
  const match = new RegExp(`(\\d+)\\s+${status}`).exec(text);
  if (!match) throw new Error(`no ${status} count in "${text}"`);
  return Number(match[1]);
}
