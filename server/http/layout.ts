// The shell every HTML page shares: head, navigation, footer. Text goes through hono/html's `html`
// tag, which escapes every interpolated string.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RegulationStatus } from '../../indexer/statute/model.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const NAV = [
  { key: 'chat', href: '/', label: '问答' },
  { key: 'regulations', href: '/regulations', label: '法规' },
  { key: 'duties', href: '/duties', label: '职责查询' },
] as const;

export interface PageOptions {
  title: string;
  nav: (typeof NAV)[number]['key'] | null;
  body: Html;
  /** Same-origin scripts only: the CSP allows nothing else. */
  scripts?: string[];
}

export function layout({ title, nav, body, scripts = [] }: PageOptions): Html {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 法规问答</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/styles.css">
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <a class="brand" href="/">法规问答 <span lang="en">RegQA</span></a>
  <nav aria-label="主导航">
    ${NAV.map((item) => html`<a href="${item.href}"${item.key === nav ? html` aria-current="page"` : ''}>${item.label}</a>`)}
  </nav>
</header>
<main id="main">
${body}
</main>
<footer class="site">
  回答与引文均来自收录法规的原文，仅供参考，请以官方公布的文本为准。草案尚未施行。 · <a href="/openapi.json">API</a>
</footer>
</body>
</html>`;
}

export const draftBadge = (status: RegulationStatus) => status === 'draft' && html`<span class="badge draft">草案</span>`;
