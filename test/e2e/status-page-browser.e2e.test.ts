/// <reference lib="dom" />
// DOM types: some of the functions below run in the page (page.evaluate).
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantRepository } from '@watchpost/core/db';
import {
  createTestDatabase,
  seedStatusPageWithHistory,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@watchpost/core/testing';
import { freePort, spawnRole, type RoleProcess } from '../support/processes.js';
import { screenshotDir } from '../support/screenshot-dir.js';
import { waitForHealthy } from '../support/wait-for-healthy.js';

// The public status page in headless Chromium, served by a compiled API node: the page of
// the issue (three monitors, one down; a warning incident; a footer with an email address),
// with script off and on, and its screenshots (docs/screenshots/ with UPDATE_SCREENSHOTS=1).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = screenshotDir();
const PHONE = { width: 375, height: 812 };

let database: TestDatabase;
let api: RoleProcess;
let browser: Browser;
let pageUrl: string;
const redisPrefix = uniqueRedisPrefix('e2e-status-page');

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenantId } = await tenantRepository.createTenantWithAdmin(database.db, {
    name: 'acme',
    username: 'acme',
    passwordHash: 'x',
  });
  const { slug } = await seedStatusPageWithHistory(database.db, tenantId, { monitors: 3 });
  const port = await freePort();
  api = spawnRole('api', 'apps/api/dist/main.js', {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealthy(origin, [api]);
  pageUrl = `${origin}/status/${slug}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database?.drop();
}, 30_000);

async function open(options: BrowserContextOptions): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, ...options });
  const page = await context.newPage();
  // Any refused script or style (CSP) or script error shows up here.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

describe('the public status page in Chromium', () => {
  it('shows every piece with script off', async () => {
    const { page, problems } = await open({ javaScriptEnabled: false });
    await page.goto(pageUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Acme Cloud Status',
    );
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Partially Degraded Service',
    );
    await expect(page.getByRole('heading', { name: 'Elevated error rates' }).count()).resolves.toBe(
      1,
    );
    await expect(
      page.getByRole('link', { name: 'support@acme.com' }).getAttribute('href'),
    ).resolves.toBe('mailto:support@acme.com');
    for (const name of ['Service 1', 'Service 2', 'Service 3']) {
      await expect(page.getByText(name, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByText('Powered by Watchpost').count()).resolves.toBe(1);
    await expect(page.getByText('Refresh in: 05:00').count()).resolves.toBe(1);
    // A beat run's status and time on focus, from the stylesheet alone.
    const down = page.getByTitle(/^Down · /);
    await down.focus();
    const tooltip = await down.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tooltip).toMatch(/^"Down · \w{3} \d{1,2} [\d:]{8} – [\d:]{8} UTC, 5 checks"$/);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('counts down and refreshes in place with script on, within its CSP', async () => {
    const { page, problems } = await open({});
    await page.clock.install();
    await page.goto(pageUrl);
    await page.clock.runFor(1_000);
    await expect(page.locator('.countdown').textContent()).resolves.toBe('04:59');
    // Marks that a reload would lose: the old content and a page-wide variable.
    await page.evaluate(() => {
      document.getElementById('status-page')?.setAttribute('data-old', '1');
      Object.assign(window, { keptAcrossRefresh: true });
    });
    await page.clock.runFor(300_000);
    await page.locator('#status-page:not([data-old])').waitFor();
    await expect(page.evaluate(() => 'keptAcrossRefresh' in window)).resolves.toBe(true);
    await expect(page.locator('.countdown').textContent()).resolves.toBe('05:00');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("shows the times in the page's zone without script and in the visitor's with it", async () => {
    const scriptOff = await open({ javaScriptEnabled: false, timezoneId: 'Asia/Tokyo' });
    await scriptOff.page.goto(pageUrl);
    // The seeded tenant never set a zone: its page speaks UTC, and says so.
    await expect(scriptOff.page.locator('footer .zone').textContent()).resolves.toBe('(UTC)');
    const utc = await scriptOff.page.locator('footer time').textContent();
    await scriptOff.page.context().close();

    const scriptOn = await open({ timezoneId: 'Asia/Tokyo' });
    await scriptOn.page.goto(pageUrl);
    await scriptOn.page.locator('footer .zone', { hasText: 'Asia/Tokyo' }).waitFor();
    await expect(scriptOn.page.locator('footer .zone').textContent()).resolves.toBe(
      '(Asia/Tokyo, UTC+09:00)',
    );
    const local = await scriptOn.page.locator('footer time').textContent();
    const datetime = await scriptOn.page.locator('footer time').getAttribute('datetime');
    const asUtc = (text: string | null) => Date.parse(`${text?.replace(' ', 'T')}Z`);
    // The text shows whole seconds of the instant.
    expect(asUtc(utc)).toBe(Math.floor(Date.parse(datetime ?? '') / 1000) * 1000);
    expect(asUtc(local) - asUtc(utc)).toBe(9 * 3_600_000);
    expect(scriptOn.problems).toEqual([]);
    await scriptOn.page.context().close();
  }, 60_000);

  it('localizes the times only after a frame, so time-zone data never holds back the first paint', async () => {
    const { page, problems } = await open({ timezoneId: 'Asia/Tokyo' });
    // Animation frames are held until the test lets them run: whatever the script does
    // before the first frame shows up while they are held.
    await page.addInitScript(() => {
      const held: FrameRequestCallback[] = [];
      window.requestAnimationFrame = (callback) => held.push(callback);
      Object.assign(window, {
        releaseFrames: () => held.splice(0).forEach((callback) => callback(performance.now())),
      });
    });
    await page.goto(pageUrl);
    await expect(page.locator('footer .zone').textContent()).resolves.toBe('(UTC)');
    await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
    await page.locator('footer .zone', { hasText: 'Asia/Tokyo' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('lays out only the rows near the viewport, and a far row still shows its details on focus', async () => {
    const { page, problems } = await open({ javaScriptEnabled: false });
    await page.goto(pageUrl);
    const rows = page.locator('.monitors > li');
    await expect(
      rows.first().evaluate((li) => getComputedStyle(li).contentVisibility),
    ).resolves.toBe('auto');
    const beat = rows.last().locator('.beats i[tabindex]').last();
    await beat.focus();
    await expect(beat.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const tooltip = await beat.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tooltip).toMatch(/^"\w+ · /);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('frames the HTML widget on another site', async () => {
    const widgetUrl = `${pageUrl}/widget`;
    // Another origin (localhost is not 127.0.0.1) embedding the copy-paste snippet.
    const host: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>Blog</title><iframe src="${widgetUrl}" width="280" height="56" style="border:0" title="Service status"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const address = host.address();
    const hostPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const { page, problems } = await open({ javaScriptEnabled: false });
      await page.goto(`http://localhost:${hostPort}/`);
      const widget = page.frameLocator('iframe[title="Service status"]');
      const link = widget.getByRole('link', { name: /Acme Cloud Status/ });
      await expect(link.getByText('Partially Degraded Service').count()).resolves.toBe(1);
      await expect(link.getAttribute('href')).resolves.toBe(new URL(pageUrl).pathname);
      await page.locator('iframe').screenshot({ path: `${SCREENSHOTS}status-widget-light.png` });
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  }, 60_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`looks right at 375 px in the ${colorScheme} theme (screenshot)`, async () => {
      const { page } = await open({ colorScheme, javaScriptEnabled: false });
      await page.goto(pageUrl);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(9, 12, 16)' : 'rgb(245, 246, 248)');
      await page.screenshot({
        path: `${SCREENSHOTS}status-page-${colorScheme}-375.png`,
        fullPage: true,
      });
      await page.context().close();
    }, 60_000);
  }
});
