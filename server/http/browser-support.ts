// Test support for the browser tests: Debian's Chromium through playwright-core, a page per test that
// records console errors and uncaught exceptions (CSP violations included), asking the widget, and
// browserSuite, the one setup of a browser test file (server, embedding site, browser, pages).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { ServerConfig } from '../../indexer/config/server-config.ts';
import { buildTestIndex, startServer, type TestServer } from './test-server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
// CI installs Chromium and sets REGQA_REQUIRE_BROWSER: there a missing browser is a failure, not a skip.
if (!hasChromium && process.env.REGQA_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} not found but REGQA_REQUIRE_BROWSER is set`);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found; install Chromium: apt-get install -y chromium fonts-wqy-microhei`);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });

export interface TestPage {
  page: Page;
  /** Console errors and uncaught exceptions: a page that works has none. */
  problems: string[];
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** Types a question into the widget, sends it with Enter and waits until the answer has fully streamed in. */
export async function ask(page: Page, question: string): Promise<Locator> {
  const replies = page.locator('regqa-chat .msg.bot');
  const before = await replies.count();
  await page.locator('regqa-chat textarea#q').fill(question);
  await page.locator('regqa-chat textarea#q').press('Enter');
  const reply = replies.nth(before);
  await expect.poll(() => reply.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
  return reply;
}

/** Another site (another origin, localhost rather than 127.0.0.1) serving one page that embeds the widget. */
export async function startSite(page: () => string): Promise<{ url: string; close(): Promise<void> }> {
  const site = createServer((_, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page());
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(site.address() as AddressInfo).port}`, close: () => new Promise((resolve) => site.close(() => resolve())) };
}

/** A fresh page (own context, so own localStorage) per test, handed to `use`; each test must end with no console problems. */
export function pagePerTest(browser: () => Browser, use: (opened: TestPage) => void): void {
  let current: TestPage | null = null;
  beforeEach(async () => {
    current = await openPage(browser());
    use(current);
  });
  afterEach(async () => {
    await current?.page.context().close();
    expect(current?.problems).toEqual([]);
  });
}

export interface BrowserSuite {
  /** The server's origin (http://127.0.0.1:port). */
  readonly url: string;
  /** The embedding site's origin, another one (http://localhost:port). */
  readonly siteUrl: string;
  /** Asks in the current test's page. */
  ask(question: string): Promise<Locator>;
}

/**
 * Registers, in the calling describe, the setup every browser test file shares: the real assistant over
 * the shared test index served on a free port with `config(siteUrl)`, another site serving
 * `sitePage(serverUrl)`, Chromium, and a fresh page per test handed to `use`.
 */
export function browserSuite(setup: { config: (siteUrl: string) => ServerConfig; sitePage: (serverUrl: string) => string }, use: (opened: TestPage) => void): BrowserSuite {
  let server: TestServer | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const index = await buildTestIndex();
    site = await startSite(() => setup.sitePage(server!.url));
    server = await startServer(index.assistant, setup.config(site.url));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });
  pagePerTest(
    () => browser!,
    (opened) => {
      page = opened.page;
      use(opened);
    },
  );
  return {
    get url() {
      return server!.url;
    },
    get siteUrl() {
      return site!.url;
    },
    ask: (question) => ask(page!, question),
  };
}
