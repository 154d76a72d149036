// The chat widget and the officials' page in a real browser (Debian's Chromium via playwright-core),
// against the real server and assistant.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, hasChromium } from './browser-support.ts';
import { testConfig } from './test-server.ts';

describe.skipIf(!hasChromium)('in the browser', () => {
  /** A fresh page per test; each test must end with no console errors (browserSuite checks). */
  let page: Page;
  const suite = browserSuite(
    {
      config: (siteUrl) => testConfig({ corsOrigins: [siteUrl] }),
      sitePage: (serverUrl) => `<!doctype html><title>某市政府网站</title><h1>政务服务</h1><script src="${serverUrl}/widget.js"></script><regqa-chat lang="en"></regqa-chat>`,
    },
    (opened) => (page = opened.page),
  );
  const { ask } = suite;

  it('answers 谁应当明确数据专员？ citing 第十四条 of both regulations, expands a citation, takes a follow-up', async () => {
    // Tall enough for the whole conversation to be in the screenshot.
    await page.setViewportSize({ width: 900, height: 1700 });
    await page.goto(`${suite.url}/`);
    await expect.poll(() => page.locator('regqa-chat h2').textContent()).toBe('法规问答');

    const reply = await ask('谁应当明确数据专员？');
    expect(await reply.locator('.text').textContent()).toContain('县级以上人民政府有关部门应当明确数据专员');
    const chips = reply.locator('summary');
    const labels = await chips.allTextContents();
    expect(labels.some((l) => l.includes('《贵州省大数据发展应用促进条例》第十四条'))).toBe(true);
    expect(labels.some((l) => l.includes('《贵阳市数字经济促进条例（草案）》第十四条'))).toBe(true);
    // The draft's citation carries the 草案 badge; the regulation in force does not.
    const draftChip = chips.filter({ hasText: '贵阳市数字经济促进条例' }).first();
    expect(await draftChip.locator('.badge').textContent()).toBe('草案');
    expect(await chips.filter({ hasText: '贵州省大数据发展应用促进条例' }).first().locator('.badge').count()).toBe(0);

    const chip = chips.filter({ hasText: '贵州省大数据发展应用促进条例' }).first();
    await chip.focus();
    await page.keyboard.press('Enter');
    const details = reply.locator('details[open]');
    await expect.poll(() => details.count()).toBe(1);
    expect(await details.locator('blockquote').textContent()).toContain('明确数据专员');
    expect(await details.locator('a').getAttribute('href')).toBe(`${suite.url}/regulations/guizhou-big-data#第十四条`);

    const followUp = await ask('那企业呢？');
    expect(await followUp.getAttribute('class')).not.toContain('notfound');
    expect(await followUp.locator('.text').textContent()).toContain('企业');
    expect(await page.locator('regqa-chat .msg.user').allTextContents()).toEqual(['你谁应当明确数据专员？', '你那企业呢？']);

    await mkdir('evals/reports', { recursive: true });
    await page.screenshot({ path: 'evals/reports/widget.png', fullPage: true });
  }, 30_000);

  it('switches the widget to English', async () => {
    await page.goto(`${suite.url}/`);
    await page.locator('regqa-chat button', { hasText: 'English' }).click();
    await expect.poll(() => page.locator('regqa-chat h2').textContent()).toBe('Regulations Q&A');
    expect(page.url()).toMatch(/\?lang=en$/);
    expect(await page.locator('regqa-chat label[for=q]').textContent()).toBe('Your question');
    const reply = await ask('who must appoint a data specialist?');
    expect(await reply.locator('.text').textContent()).toMatch(/^The relevant departments .* shall “明确数据专员” \[1\]\[2\]\./);
    expect(await reply.locator('summary').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\[[12]\]《贵州省大数据发展应用促进条例》 Article 14\(3\)$/)]));
    expect(await reply.locator('summary .badge').allTextContents()).toContain('draft');
  }, 30_000);

  it('shows a question that looks like HTML as text and never runs it', async () => {
    await page.goto(`${suite.url}/`);
    const attack = '<img src=x onerror="window.__xss=1">';
    const reply = await ask(attack);
    expect(await page.locator('regqa-chat .msg.user .text').last().textContent()).toBe(attack);
    expect(await page.locator('regqa-chat img').count()).toBe(0);
    expect(await reply.locator('.text').textContent()).not.toBe('');
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  }, 30_000);

  it('works embedded on another site with one script tag, calling the API of the origin it came from', async () => {
    await page.goto(suite.siteUrl);
    expect(await page.locator('regqa-chat h2').textContent()).toBe('Regulations Q&A');
    const reply = await ask('谁应当明确数据专员？');
    expect(await reply.locator('.text').textContent()).toContain('明确数据专员');
    expect(await reply.locator('details a').first().getAttribute('href')).toMatch(new RegExp(`^${suite.url}/regulations/`));
  }, 30_000);

  it('lists the duties of 数据主管部门 on the officials’ page', async () => {
    await page.goto(`${suite.url}/duties`);
    await page.getByLabel('机构 / 主体').fill('数据主管部门');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/actor=/);
    const rows = page.locator('table.duties tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await rows.first().textContent()).toContain('数据主管部门');
    expect(await page.locator('datalist#actors option[value="数据主管部门"]').count()).toBe(1);

    await page.getByLabel('法规').selectOption('guizhou-big-data');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/regulationId=guizhou-big-data/);
    const titles = await page.locator('table.duties tbody tr td:first-child').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => t.includes('贵州省大数据发展应用促进条例'))).toBe(true);
    expect(await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe(
      `/api/duties.csv?actor=${encodeURIComponent('数据主管部门')}&regulationId=guizhou-big-data`,
    );
  }, 30_000);
});
