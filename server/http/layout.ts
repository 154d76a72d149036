// The shell every HTML page shares: head, navigation, footer, in the reader's language (the clause text
// itself is always Chinese). Text goes through hono/html's `html` tag, which escapes every interpolated string.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RegulationStatus } from '../../indexer/statute/model.ts';
import type { Lang } from '../core/types.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const NAV = [
  { key: 'chat', href: '/', label: { zh: '问答', en: 'Ask' } },
  { key: 'regulations', href: '/regulations', label: { zh: '法规', en: 'Regulations' } },
  { key: 'duties', href: '/duties', label: { zh: '职责查询', en: 'Duties' } },
] as const;

const SHELL = {
  zh: {
    site: '法规问答',
    skip: '跳到正文',
    nav: '主导航',
    footer: '回答与引文均来自收录法规的原文，仅供参考，请以官方公布的文本为准。草案尚未施行。',
    api: 'API 文档',
  },
  en: {
    site: 'Regulations Q&A',
    skip: 'Skip to content',
    nav: 'Main navigation',
    footer: 'Answers and citations come from the text of the regulations, which stays in Chinese; for reference only, the officially published text prevails. Drafts are not in force.',
    api: 'API reference',
  },
} as const;

export interface PageOptions {
  title: string;
  nav: (typeof NAV)[number]['key'] | null;
  body: Html;
  lang?: Lang;
  /** Same-origin scripts only: the CSP allows nothing else. */
  scripts?: string[];
}

/** Links keep the reader's language; Chinese is the default and needs no parameter. */
export const withLang = (href: string, lang: Lang) => (lang === 'en' ? `${href}${href.includes('?') ? '&' : '?'}lang=en` : href);

export function layout({ title, nav, body, lang = 'zh', scripts = [] }: PageOptions): Html {
  const t = SHELL[lang];
  return html`<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · ${t.site}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/styles.css">
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="site">
  <a class="brand" href="${withLang('/', lang)}">法规问答 <span lang="en">RegQA</span></a>
  <nav aria-label="${t.nav}">
    ${NAV.map((item) => html`<a href="${withLang(item.href, lang)}"${item.key === nav ? html` aria-current="page"` : ''}>${item.label[lang]}</a>`)}
  </nav>
</header>
<main id="main">
${body}
</main>
<footer class="site">
  ${t.footer} · <a href="/docs">${t.api}</a>
</footer>
</body>
</html>`;
}

export const draftBadge = (status: RegulationStatus, lang: Lang = 'zh') => status === 'draft' && html`<span class="badge draft">${lang === 'en' ? 'draft' : '草案'}</span>`;
