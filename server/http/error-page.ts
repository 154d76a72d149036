// Errors on HTML routes as pages: a person who follows a broken link (/regulations/nope) sees the
// site's own page with the message and a way on, not raw JSON. API routes keep their JSON errors.
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Lang } from '../core/types.ts';
import { layout, withLang, type Html } from './layout.ts';

const JSON_ONLY = /^\/(?:api\/|healthz$|openapi\.json$)/;

/** A browser navigating to a page asks for text/html first; fetch() and curl do not. */
export const wantsHtml = (c: Context) => !JSON_ONLY.test(c.req.path) && (c.req.header('accept') ?? '').includes('text/html');

const TEXT = {
  zh: { 404: '找不到页面', other: '出错了', home: '回到问答', browse: '浏览法规' },
  en: { 404: 'Page not found', other: 'Something went wrong', home: 'Back to the assistant', browse: 'Browse the regulations' },
} as const;

export function errorPage(status: number, message: string, lang: Lang): Html {
  const t = TEXT[lang];
  const title = status === 404 ? t[404] : t.other;
  return layout({
    title,
    nav: null,
    lang,
    body: html`<section class="error-page" role="alert">
  <h1>${title} <small class="meta">${status}</small></h1>
  <p>${message}</p>
  <p><a href="${withLang('/', lang)}">${t.home}</a> · <a href="${withLang('/regulations', lang)}">${t.browse}</a></p>
</section>`,
  });
}
