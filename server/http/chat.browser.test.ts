// The chat features of issue 16 in a real browser (Debian's Chromium), against the real server, the
// real assistant and a real (in-memory SQLite) feedback database. Screenshots of the chat page go to
// evals/reports/screens/ (referenced from the README).
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { browserSuite, hasChromium } from './browser-support.ts';
import { testConfig } from './test-server.ts';

const SCREENS = 'evals/reports/screens';
const PHONE = { width: 390, height: 844 };
/** A phrase of 贵州条例第十四条第三款 (the draft's own 第十四条 writes its comma half-width). */
const CLAUSE = '明确数据专员，加强本部门公共数据归集治理';

describe.skipIf(!hasChromium)('chat in the browser', () => {
  let page: Page;
  /** Console errors and uncaught exceptions, CSP violations included: a page that works must have none. */
  let problems: string[];
  const suite = browserSuite(
    {
      // No origin is allowed: the site is refused.
      config: () => testConfig({ corsOrigins: [] }),
      sitePage: (serverUrl) => `<!doctype html><title>未获授权的网站</title><script src="${serverUrl}/widget.js"></script><regqa-chat lang="en"></regqa-chat>`,
    },
    (opened) => ({ page, problems } = opened),
  );
  const { ask } = suite;
  const chat = () => page.locator('regqa-chat');
  beforeAll(() => mkdir(SCREENS, { recursive: true }));

  it('answers with markers that link to their clause, and shows each clause text once', async () => {
    await page.goto(`${suite.url}/`);
    const reply = await ask('谁应当明确数据专员？');
    const markers = reply.locator('a.marker');
    expect(await markers.allTextContents()).toEqual(['[1]', '[2]']);
    // Both 第十四条 answer it; which comes first is the ranking's call. The Guizhou one is followed here.
    const hrefs = await markers.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${suite.url}/regulations/guizhou-big-data#第十四条`);
    const guizhou = markers.nth(hrefs.indexOf(`${suite.url}/regulations/guizhou-big-data#第十四条`));
    expect(await reply.locator('.sources li').count()).toBe(2);
    // Once: in the (collapsed) source, not in the answer, not in a second list.
    const occurrences = async () => ((await reply.textContent()) ?? '').split(CLAUSE).length - 1;
    expect(await occurrences()).toBe(1);
    expect(await reply.locator('.text').textContent()).not.toContain('依据');

    await guizhou.hover();
    const tip = chat().locator('.pop[role=tooltip]');
    await expect.poll(() => tip.textContent()).toContain(CLAUSE);
    expect(await tip.textContent()).toContain('《贵州省大数据发展应用促进条例》第十四条第三款');
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.count()).toBe(0);

    // A click opens the clause on its regulation page.
    const [opened] = await Promise.all([page.context().waitForEvent('page'), guizhou.click()]);
    await opened!.waitForLoadState();
    expect(decodeURI(opened!.url())).toBe(`${suite.url}/regulations/guizhou-big-data#第十四条`);
    expect(await opened!.locator('#第十四条').textContent()).toContain(CLAUSE);
  }, 30_000);

  it('copies an answer with its sources, and regenerates it in place', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.url });
    await page.goto(`${suite.url}/`);
    const reply = await ask('谁应当明确数据专员？');
    await reply.locator('[data-action=copy]').click();
    await expect.poll(() => reply.locator('[data-action=copy]').textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^县级以上人民政府有关部门应当明确数据专员\[1\]\[2\]。/);
    expect(copied).toMatch(new RegExp(`\\[[12]\\] 《贵州省大数据发展应用促进条例》第十四条第三款：县级以上人民政府有关部门应当${CLAUSE}`));

    const before = await reply.locator('.text').textContent();
    await reply.locator('[data-action=regenerate]').click();
    const again = chat().locator('.msg.bot').first();
    await expect.poll(() => again.getAttribute('aria-busy')).toBe('false');
    expect(await chat().locator('.msg.bot').count()).toBe(1);
    expect(await again.locator('.text').textContent()).toBe(before);
  }, 30_000);

  it('stops an answer in flight, then retries after a network error without losing the question', async () => {
    await page.goto(`${suite.url}/`);
    const cdp = await page.context().newCDPSession(page);
    // A slow network: the answer is still on its way when Stop is pressed.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 3000, downloadThroughput: -1, uploadThroughput: -1 });
    await chat().locator('textarea#q').fill('谁应当明确数据专员？');
    await chat().locator('textarea#q').press('Enter');
    const send = chat().locator('button.send');
    await expect.poll(() => send.textContent()).toBe('停止');
    await send.click();
    const stopped = chat().locator('.msg.bot').last();
    await expect.poll(() => stopped.locator('.text').textContent()).toBe('已停止回答。');
    expect(await chat().locator('textarea#q').inputValue()).toBe('谁应当明确数据专员？');

    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await stopped.locator('[data-action=retry]').click();
    const failed = chat().locator('.msg.bot').last();
    await expect.poll(() => failed.locator('.text').textContent()).toBe('网络错误，请稍后重试。');
    expect(await failed.locator('[role=alert]').count()).toBe(1);
    expect(await chat().locator('textarea#q').inputValue()).toBe('谁应当明确数据专员？');
    // The browser reports the failed request itself; that is the point of this test, not a fault.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')));

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await failed.locator('[data-action=retry]').click();
    const answered = chat().locator('.msg.bot').last();
    await expect.poll(() => answered.locator('.text').textContent()).toContain('明确数据专员');
    expect(await chat().locator('.msg.user').count()).toBe(1);
  }, 30_000);

  it('takes a thumbs down with a comment and stores it', async () => {
    await page.goto(`${suite.url}/`);
    const reply = await ask('谁应当明确数据专员？');
    await reply.locator('[data-action=rate-down]').click();
    await reply.locator('form.feedback textarea').fill('应该引用第十四条第四款');
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/feedback')),
      page.waitForResponse((r) => r.url().endsWith('/api/feedback')),
      reply.locator('form.feedback button').click(),
    ]);
    expect(response.status()).toBe(201);
    expect(request.postDataJSON()).toMatchObject({
      question: '谁应当明确数据专员？',
      rating: 'down',
      comment: '应该引用第十四条第四款',
      citations: expect.arrayContaining([
        expect.objectContaining({ regulationId: 'guizhou-big-data', article: 14, paragraph: 3, label: '第十四条第三款' }),
        expect.objectContaining({ regulationId: 'guiyang-digital-economy-draft' }),
      ]),
    });
    await expect.poll(() => reply.locator('[role=status]').textContent()).toBe('谢谢，你的反馈已记录。');
    expect(await reply.locator('[data-action=rate-down]').getAttribute('aria-pressed')).toBe('true');
  }, 30_000);

  it('offers follow-up questions, and 下一条呢？ continues with the next article', async () => {
    await page.goto(`${suite.url}/`);
    const reply = await ask('贵州条例第十四条');
    // The article is the answer: its one source is open, its text shown once.
    expect(await reply.locator('details[open] blockquote').textContent()).toContain('明确数据专员');
    const next = reply.locator('.suggest button', { hasText: '下一条呢？' });
    await next.click();
    const following = chat().locator('.msg.bot').nth(1);
    await expect.poll(() => following.getAttribute('aria-busy')).toBe('false');
    expect(await following.locator('summary').allTextContents()).toEqual(['[1]《贵州省大数据发展应用促进条例》第十五条']);
    // Suggestions follow the latest answer only.
    expect(await reply.locator('.suggest').count()).toBe(0);
    await following.locator('.suggest button', { hasText: '这个条例什么时候施行？' }).click();
    const when = chat().locator('.msg.bot').nth(2);
    await expect.poll(() => when.getAttribute('aria-busy')).toBe('false');
    expect(await when.locator('.text').textContent()).toBe('《贵州省大数据发展应用促进条例》公布的文本没有写明日期，原文为“本条例自 年 月 日起施行”[1]。');
  }, 30_000);

  it('keeps conversations and their language across a reload, and lists them', async () => {
    await page.goto(`${suite.url}/?lang=en`);
    await ask('Who must appoint a data specialist?');
    await page.goto(`${suite.url}/`);
    // The stored conversation was in English: it comes back in English.
    await expect.poll(() => chat().locator('h2').textContent()).toBe('Regulations Q&A');
    expect(await chat().locator('.msg.user .text').allTextContents()).toEqual(['Who must appoint a data specialist?']);
    expect((await chat().locator('.msg.bot summary').allTextContents()).some((t) => t.includes('Article 14(3)'))).toBe(true);

    await chat().locator('[data-tool=new]').click();
    expect(await chat().locator('.msg').count()).toBe(0);
    await ask('数据主管部门有哪些职责？');
    await chat().locator('[data-tool=conversations]').click();
    const items = chat().locator('.history li button');
    expect(await items.allTextContents()).toEqual(['数据主管部门有哪些职责？', 'Who must appoint a data specialist?']);
    await items.nth(1).click();
    expect(await chat().locator('.msg.user .text').allTextContents()).toEqual(['Who must appoint a data specialist?']);
  }, 30_000);

  it('follows the system’s dark mode, and the toggle overrides it and is remembered', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.url}/`);
    const background = () => chat().locator('.chat').evaluate((e) => getComputedStyle(e).backgroundColor);
    const pageBackground = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(17, 24, 39)');
    await chat().locator('[data-tool=theme]').click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await pageBackground()).toBe('rgb(245, 247, 250)');
    await page.reload();
    expect(await background()).toBe('rgb(255, 255, 255)');
    await chat().locator('[data-tool=theme]').click();
    expect(await background()).toBe('rgb(17, 24, 39)');
    expect(await pageBackground()).toBe('rgb(11, 18, 32)');
  }, 30_000);

  it('in English: interface, labels and answer structure in English, clause text in Chinese with glossed words', async () => {
    await page.goto(`${suite.url}/?lang=en`);
    expect(await page.locator('header nav').textContent()).toContain('Regulations');
    expect(await page.locator('footer').textContent()).toContain('API reference');
    expect(await chat().locator('.chips button').first().textContent()).toBe('Who must appoint a data specialist?');
    const reply = await ask('Who must appoint a data specialist?');
    expect(await reply.locator('.who').textContent()).toBe('Assistant');
    expect(await reply.locator('.sources-label').textContent()).toBe('Sources (original Chinese text)');
    expect(await reply.locator('summary').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\[[12]\]《贵州省大数据发展应用促进条例》 Article 14\(3\)$/)]));
    expect(await reply.locator('[data-action=copy]').textContent()).toBe('Copy');

    await reply.locator('summary').first().click();
    const term = reply.locator('details[open] blockquote mark.term', { hasText: '数据专员' }).first();
    expect(await term.getAttribute('data-gloss')).toBe('data + assistant director');
    await term.hover();
    await expect.poll(() => chat().locator('.pop').textContent()).toBe('数据专员 — English glossdata + assistant director');
    expect(await reply.locator('details[open] blockquote').getAttribute('lang')).toBe('zh-CN');
  }, 30_000);

  it('on a phone keeps the question in view, collapses the examples and lets a long clause scroll', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.url}/`);
    expect(await chat().locator('.chips').isVisible()).toBe(true);
    await ask('谁应当明确数据专员？');
    const reply = await ask('数据主管部门有哪些职责？');
    expect(await chat().locator('.chips').isVisible()).toBe(false);
    const question = await chat().locator('.msg.user').last().boundingBox();
    expect(question!.y).toBeGreaterThanOrEqual(0);
    expect(question!.y + question!.height).toBeLessThanOrEqual(PHONE.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await reply.locator('summary').first().click();
    const quote = reply.locator('details[open] blockquote');
    expect(await quote.evaluate((e) => getComputedStyle(e).overflowY)).toBe('auto');
    expect(await quote.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThanOrEqual(16 * 16 + 1);
  }, 30_000);

  it('on a phone shows the duties as readable cards', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.url}/duties?actor=${encodeURIComponent('数据主管部门')}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const cell = page.locator('table.duties tbody tr').first().locator('td').nth(5);
    expect(await cell.evaluate((e) => getComputedStyle(e).display)).toBe('block');
    expect(await cell.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"职责："');
    await page.screenshot({ path: `${SCREENS}/duties-phone.png`, fullPage: false });
  }, 30_000);

  it('tells the visitor of a site that is not allowed, and logs it for the admin', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await page.goto(suite.siteUrl);
      const reply = await ask('Who must appoint a data specialist?');
      expect(await reply.locator('.text').textContent()).toBe('This site is not allowed to use this assistant; please tell the site’s administrator.');
      const logged = warn.mock.calls.map(([line]) => JSON.parse(String(line)) as { event: string; origin: string });
      expect(logged).toContainEqual(expect.objectContaining({ event: 'cors_refused', origin: suite.siteUrl }));
      // The browser's own report of the refused request.
      problems.splice(0, problems.length, ...problems.filter((p) => !/CORS|ERR_FAILED/.test(p)));
    } finally {
      warn.mockRestore();
    }
  }, 30_000);

  it('shows HTML error pages for pages that do not exist', async () => {
    const response = await page.goto(`${suite.url}/regulations/nope`);
    expect(response!.status()).toBe(404);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.locator('h1').textContent()).toContain('找不到页面');
    expect(await page.locator('[role=alert] p').first().textContent()).toBe('没有找到法规“nope”。可用的法规见 /api/regulations。');
    expect(await page.locator('header nav a').count()).toBe(3);
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('404')));
  }, 30_000);

  it('serves an API reference page that works offline', async () => {
    const foreign: string[] = [];
    page.on('request', (r) => !r.url().startsWith(suite.url) && !r.url().startsWith('data:') && foreign.push(r.url()));
    await page.goto(`${suite.url}/`);
    await page.locator('footer a', { hasText: 'API' }).click();
    await page.waitForURL(`${suite.url}/docs`);
    const operations = page.locator('.opblock-summary-path');
    await expect.poll(() => operations.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
    expect(await operations.allTextContents()).toEqual(expect.arrayContaining(['/api/ask', '/api/feedback', '/api/regulations/{id}/articles/{n}']));
    expect(foreign).toEqual([]);
  }, 30_000);

  it.each([
    ['desktop', { width: 1100, height: 1200 }],
    ['phone', PHONE],
  ] as const)('screenshots of the chat page on a %s, light and dark', async (name, viewport) => {
    await page.setViewportSize(viewport);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${suite.url}/`);
      await chat().locator('[data-tool=new]').click();
      await ask('谁应当明确数据专员？');
      await chat().locator('.msg.bot summary').first().click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SCREENS}/chat-${name}-${scheme}.png`, fullPage: name === 'desktop' });
    }
  }, 30_000);
});
