import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotDir } from '../../support/screenshot-dir.js';
import type { HttpTarget } from '../../support/targets.js';

// The issue's journey through the dashboard, the same against every deployment: setup → add
// an HTTP monitor to a local target → see it up → stop the target → see it down → an API key
// made in Settings reads /metrics → the public badge's copied <img> tag fetches → a status
// page made here opens logged out → log out and back in. Found by roles and labels only, as a
// person would; bad input on the way is refused beside its field and keeps what was typed.

export const ADMIN = { username: 'admin', password: 'journey-pass-1' };
// The machine running the suite is shared; a beat every second shows well within this.
const STEP_TIMEOUT_MS = 60_000;

export interface JourneyDeployment {
  browser: Browser;
  /** The API node the browser and the visitor talk to. */
  baseUrl: string;
  /** A local HTTP target the journey stops half-way. */
  target: HttpTarget;
  /** Whether a custom domain routes only once its TXT record is published (docs/protocol/status-pages.md#custom-domains). */
  verifiesDomainsByDns: boolean;
}

/** Runs the journey; answers the signed-in page it ends on, with the errors the page threw. */
export async function runDashboardJourney(
  deployment: JourneyDeployment,
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await clipboardPage(deployment);
  await setUpFirstAdmin(page, deployment.baseUrl);
  const monitorId = await addMonitorAndSeeItUpThenDown(page, deployment);
  await readMetricsWithNewApiKey(page, deployment.baseUrl);
  await fetchPublicBadge(page, deployment.baseUrl, monitorId);
  await openStatusPageLoggedOut(page, deployment);
  await logOutAndBackIn(page);
  return { page, errors };
}

/** A signed-in page of a fresh context, used for the screens outside the journey. */
export async function signedInPage(deployment: JourneyDeployment): Promise<Page> {
  const { page } = await clipboardPage(deployment);
  await page.goto(`${deployment.baseUrl}/dashboard`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  return page;
}

async function clipboardPage({
  browser,
  baseUrl,
}: JourneyDeployment): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** The clipboard's text; a string expression, so this (Node) file needs no DOM types. */
async function clipboardText(page: Page): Promise<string> {
  return String(await page.evaluate('navigator.clipboard.readText()'));
}

async function setUpFirstAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/setup');
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/dashboard');
  await page.getByText('No monitors yet.').waitFor();
}

async function addMonitorAndSeeItUpThenDown(
  page: Page,
  { target }: JourneyDeployment,
): Promise<number> {
  await page.getByRole('link', { name: 'Add monitor' }).first().click();
  await page.waitForURL('**/add');
  await page.getByLabel('Friendly name').fill('Local target');
  await page.getByLabel('URL').fill(target.url);
  await page.getByLabel('Check interval (seconds)').fill('1');
  await page.getByLabel('Retries before Down').fill('0');
  // Bad input: the server's message shows beside its field and nothing typed is lost.
  await page.getByLabel('Accepted status codes').fill('2xx');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByText('Accepted status codes must look like').count()).toBe(1);
  expect(await page.getByLabel('Friendly name').inputValue()).toBe('Local target');
  expect(await page.getByLabel('URL').inputValue()).toBe(target.url);
  await page.getByLabel('Accepted status codes').fill('200-299');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/dashboard\/\d+$/);
  const monitorId = Number(new URL(page.url()).pathname.split('/').pop());

  await page.getByRole('heading', { level: 1, name: 'Local target' }).waitFor();
  const recent = page.getByRole('list', { name: 'Recent checks' });
  await recent
    .getByRole('listitem', { name: /^Up at/ })
    .first()
    .waitFor();
  const row = page.getByRole('link', { name: /Local target/ });
  await expect.poll(() => row.getByText('Up', { exact: true }).isVisible()).toBe(true);
  await expect
    .poll(() => page.getByRole('list', { name: 'Monitor counts' }).innerText())
    .toContain('1 Up');
  expect(target.hits()).toBeGreaterThan(0);

  await target.stop();
  await recent
    .getByRole('listitem', { name: /^Down at/ })
    .first()
    .waitFor();
  await page.getByRole('table').getByRole('cell', { name: 'Down', exact: true }).first().waitFor();
  await expect.poll(() => row.getByText('Down', { exact: true }).isVisible()).toBe(true);
  return monitorId;
}

async function readMetricsWithNewApiKey(page: Page, baseUrl: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'Add API key' }).click();
  await page.getByLabel('Name').fill('Prometheus');
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('heading', { name: 'Your new API key' }).waitFor();
  const shown = await page.getByLabel('API key', { exact: true }).inputValue();
  expect(shown).toMatch(/^uk\d+_[A-Za-z0-9_-]{40}$/);
  await page.getByRole('button', { name: 'Copy key' }).click();
  const key = await clipboardText(page);
  expect(key).toBe(shown);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByText('Never used').waitFor();

  const metrics = (secret: string) =>
    fetch(`${baseUrl}/metrics`, {
      headers: { authorization: `Basic ${Buffer.from(`prometheus:${secret}`).toString('base64')}` },
    });
  const scrape = await metrics(key);
  expect(scrape.status).toBe(200);
  expect(scrape.headers.get('content-type')).toContain('text/plain');
  expect(await scrape.text()).toContain('monitor_name="Local target"');
  expect((await metrics(`${key.slice(0, -1)}x`)).status).toBe(401);
}

async function fetchPublicBadge(page: Page, baseUrl: string, monitorId: number): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await page.getByRole('link', { name: /Local target/ }).click();
  await page.waitForURL(`**/dashboard/${monitorId}`);
  // The switch is the monitor's badgesPublic: it turns on once the server saved it.
  await page.getByLabel('Public badge').click();
  await page.getByText('Badges are public now.').waitFor();
  expect(await page.getByLabel('Public badge').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Copy <img> tag' }).click();
  const imgTag = await clipboardText(page);
  const src = /src="([^"]+)"/.exec(imgTag)?.[1]?.replace(/&amp;/g, '&');
  expect(src).toBe(`${baseUrl}/api/badge/${monitorId}/status`);
  const badge = await fetch(src!);
  expect(badge.status).toBe(200);
  expect(badge.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  const svg = await badge.text();
  expect(svg).toContain('<svg');
  expect(svg).toContain('Down');
}

async function openStatusPageLoggedOut(
  page: Page,
  { browser, baseUrl, verifiesDomainsByDns }: JourneyDeployment,
): Promise<void> {
  await page.goto(`${baseUrl}/add-status-page`);
  await page.getByLabel('Name').fill('Acme status');
  // A refused slug is shown next to its field, and the form keeps what was typed.
  await page.getByLabel('Slug').fill('not a slug!');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Invalid Slug');
  expect(await page.getByLabel('Name').inputValue()).toBe('Acme status');
  await page.getByLabel('Slug').fill('acme');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Edit status page: Acme status' }).waitFor();
  await page.getByLabel('Description').fill('Everything Acme runs.');
  // Out of range: refused beside the field, and the description typed stays.
  const refresh = page.getByLabel('Refresh the public page every (seconds)');
  await refresh.fill('10');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('The refresh interval is 0 (off) or 30 to 86400 seconds').waitFor();
  expect(await page.getByLabel('Description').inputValue()).toBe('Everything Acme runs.');
  await refresh.fill('60');
  await page.getByLabel('Domains, one a line').fill('status.acme.test');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Status page saved.').waitFor();
  const domains = page.getByRole('region', { name: 'Domain verification' });
  if (verifiesDomainsByDns) {
    await domains.getByText('status.acme.test: not verified yet.', { exact: false }).waitFor();
    await domains.getByText('_watchpost-verify.status.acme.test', { exact: true }).waitFor();
    await domains
      .getByRole('button', { name: 'Copy the TXT record value for status.acme.test' })
      .click();
    expect(await clipboardText(page)).toMatch(/^watchpost-verify=\S+$/);
  } else {
    await domains.getByText('status.acme.test: verified', { exact: false }).waitFor();
  }
  await page.screenshot({ path: `${screenshotDir()}status-page-editor.png`, fullPage: true });

  const visitor = await browser.newContext();
  try {
    const visitorPage = await visitor.newPage();
    const response = await visitorPage.goto(`${baseUrl}/status/acme`);
    expect(response?.status()).toBe(200);
    await visitorPage.getByText('Everything Acme runs.').waitFor();
    expect(await visitorPage.title()).toContain('Acme status');
  } finally {
    await visitor.close();
  }
}

async function logOutAndBackIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to Watchpost' }).waitFor();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Incorrect username or password.').waitFor();
  // The form keeps what was typed; only the password is corrected.
  expect(await page.getByLabel('Username').inputValue()).toBe(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await openDashboard(page);
  await page.getByRole('link', { name: /Local target/ }).waitFor();
}

async function openDashboard(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
}
