// Citizens' pages: the chat at /, the list of regulations, and one page per regulation with its full
// structured text (article anchors such as #第十四条 are what citation chips link to).
import { Hono } from 'hono';
import { html } from 'hono/html';
import { articleLabel } from '../../indexer/statute/numerals.ts';
import type { Article, Paragraph, Regulation } from '../../indexer/statute/model.ts';
import type { Assistant, Lang } from '../core/types.ts';
import type { AppEnv } from './context.ts';
import { regulationHref, statusLabel } from './format.ts';
import { draftBadge, layout, type Html } from './layout.ts';
import { requireRegulation } from './lookup.ts';

interface ChapterGroup {
  /** Candidate headings: one normally, several when the sources disagree, none when it was lost. */
  headings: string[];
  articles: Article[];
}

/** Consecutive articles under the same chapter heading; an article whose heading was lost stays with the one before. */
function chapterGroups(articles: readonly Article[]): ChapterGroup[] {
  const groups: ChapterGroup[] = [];
  for (const article of articles) {
    const last = groups.at(-1);
    if (last && (article.chapters.length === 0 || article.chapters.join('\n') === last.headings.join('\n'))) last.articles.push(article);
    else groups.push({ headings: article.chapters, articles: [article] });
  }
  return groups;
}

/** 第二章 数字基础设施 → 第二章 */
const chapterAnchor = (heading: string) => heading.split(/\s/)[0] ?? heading;

const paragraphs = (ps: readonly Paragraph[]) => html`<ol class="paras">${ps.map((p) => html`<li value="${p.number}">${p.text}</li>`)}</ol>`;

/** Tells the reader where the source skips numbers (the draft lacks 第五条 to 第七条), instead of hiding it. */
function gapNote(previous: Article | undefined, article: Article): Html | false {
  const from = (previous?.no.n ?? 0) + 1;
  if (article.no.sub > 0 || from >= article.no.n) return false;
  const to = article.no.n - 1;
  const span = from === to ? articleLabel(from) : `${articleLabel(from)}至${articleLabel(to)}`;
  return html`<p class="gap">原文缺${span}。</p>`;
}

function articleHtml(article: Article, previous: Article | undefined): Html {
  return html`${gapNote(previous, article)}
<article class="article" id="${article.label}">
  <h3><a href="#${article.label}">${article.label}</a></h3>
  ${paragraphs(article.paragraphs)}
</article>`;
}

function regulationPage(reg: Regulation, lang: Lang): Html {
  const groups = chapterGroups(reg.articles);
  // A heading repeated in several groups (sources that disagree) anchors only its first one: ids are unique.
  const anchorGroup = new Map<string, ChapterGroup>();
  for (const g of groups) for (const h of g.headings) if (!anchorGroup.has(h)) anchorGroup.set(h, g);
  const previous = new Map(reg.articles.map((a, i) => [a, reg.articles[i - 1]]));
  const body = html`
<article class="regulation">
  <h1>${reg.title} ${draftBadge(reg.status)}</h1>
  <p class="meta">${reg.jurisdiction} · ${statusLabel(reg.status)} · 共 ${reg.articles.length} 条 · 又称：${reg.aliases.filter((a) => /\p{Script=Han}/u.test(a)).join('、')}</p>
  ${reg.status === 'draft' && html`<p class="notice-banner" role="note">这是征求意见稿（草案），尚未施行，条文可能修改。</p>`}
  <nav class="toc" aria-label="目录">
    <ol>
      ${reg.sections.map((s) => html`<li><a href="#${s.label}">${s.title}</a></li>`)}
      ${reg.chapters.map((ch) => html`<li>${anchorGroup.has(ch) ? html`<a href="#${chapterAnchor(ch)}">${ch}</a>` : ch}</li>`)}
    </ol>
  </nav>
  ${reg.sections.map(
    (s) => html`<section class="section" id="${s.label}" aria-labelledby="${s.label}-title">
  <h2 id="${s.label}-title">${s.title}</h2>
  ${s.paragraphs.map((p) => html`<p>${p.text}</p>`)}
</section>`,
  )}
  ${groups.map(
    (g) => html`<section class="chapter">
  ${
    g.headings.length > 0 &&
    html`<h2>${g.headings.map((h, i) => html`${i > 0 ? ' / ' : ''}<span${anchorGroup.get(h) === g ? html` id="${chapterAnchor(h)}"` : ''}>${h}</span>`)}${
      g.headings.length > 1 && html` <small class="uncertain">（各版本原文的章标题不一致）</small>`
    }</h2>`
  }
  ${g.articles.map((a) => articleHtml(a, previous.get(a)))}
</section>`,
  )}
</article>`;
  return layout({ title: reg.title, nav: 'regulations', body, lang });
}

function regulationsPage(assistant: Assistant, lang: Lang): Html {
  const body = html`
<h1>收录的法规</h1>
<ul class="regulations">
  ${assistant.regulations().map(
    (r) => html`<li>
    <a href="${regulationHref(r.id)}">${r.title}</a> ${draftBadge(r.status)}
    <span class="meta">${r.jurisdiction} · ${statusLabel(r.status)} · 共 ${r.articles} 条</span>
  </li>`,
  )}
</ul>`;
  return layout({ title: lang === 'en' ? 'Regulations' : '法规', nav: 'regulations', body, lang });
}

const chatPage = (lang: Lang) =>
  layout({
    title: lang === 'en' ? 'Ask' : '问答',
    nav: 'chat',
    lang,
    body: html`<h1 class="visually-hidden">${lang === 'en' ? 'Regulations Q&A' : '法规问答'}</h1><regqa-chat page lang="${lang}"></regqa-chat>`,
    scripts: ['/widget.js'],
  });

export function pageRoutes(assistant: Assistant): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(chatPage(c.get('language'))))
    .get('/regulations', (c) => c.html(regulationsPage(assistant, c.get('language'))))
    .get('/regulations/:id', (c) => {
      return c.html(regulationPage(requireRegulation(assistant, c.req.param('id')), c.get('language')));
    });
}
