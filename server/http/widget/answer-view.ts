// One answer as the widget shows it: the short answer with numbered markers [1] [2] that link to their
// clause, then one numbered list of sources whose clause text appears once, collapsed. In English the
// words the question matched are marked in the clause text with their CC-CEDICT gloss.
import type { AskResult, Citation, Lang } from '../../core/types.ts';
import { el, type Popover } from './dom.ts';
import { answerParts, articleAnchor, citationLabel, displayAnswer, glossParts } from './segments.ts';
import type { Strings } from './text.ts';

export interface ViewContext {
  apiBase: string;
  t: Strings;
  lang: Lang;
  popover: Popover;
  statuses: Map<string, string>;
}

export const citationHref = (apiBase: string, c: Citation) =>
  `${apiBase}/regulations/${encodeURIComponent(c.regulationId)}#${articleAnchor(c.label)}`;

const title = (c: Citation, ctx: ViewContext) => `《${c.regulationTitle}》${ctx.lang === 'en' ? ' ' : ''}${citationLabel(c, ctx.lang)}`;

/** Fills `body` with the answer text, its markers turned into links to the clauses they cite. */
export function renderAnswer(body: HTMLElement, result: AskResult, ctx: ViewContext): void {
  body.replaceChildren(
    ...answerParts(displayAnswer(result.answer), result.citations.length).map((part) => {
      if ('text' in part) return clauseText(part.text, result, ctx);
      const c = result.citations[part.marker - 1]!;
      const link = el('a', { class: 'marker', href: citationHref(ctx.apiBase, c), target: '_blank', rel: 'noopener', 'aria-label': `[${part.marker}] ${title(c, ctx)}`, text: `[${part.marker}]` });
      ctx.popover.attach(link, () => [el('strong', { text: title(c, ctx) }), clauseText(c.text, result, ctx)]);
      return link;
    }),
  );
}

/** Text with the matched words marked (English answers only; the server sends none otherwise). */
function clauseText(text: string, result: AskResult, ctx: ViewContext): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of glossParts(text, result.matches ?? [])) {
    if ('text' in part) {
      fragment.append(part.text);
      continue;
    }
    const mark = el('mark', { class: 'term', tabindex: '0', 'data-gloss': part.gloss, 'aria-label': `${part.term}: ${part.gloss}`, text: part.term });
    ctx.popover.attach(mark, () => [el('strong', { text: `${part.term} — ${ctx.t.glossOf}` }), part.gloss]);
    fragment.append(mark);
  }
  return fragment;
}

export function renderSources(result: AskResult, ctx: ViewContext): HTMLElement[] {
  if (!result.found) {
    return [
      el('p', { class: 'hint-line' }, [
        `${ctx.t.notFoundHint} `,
        el('a', { href: `${ctx.apiBase}/regulations`, target: '_blank', rel: 'noopener', text: ctx.t.browse }),
      ]),
    ];
  }
  if (result.citations.length === 0) return [];
  // One source is the answer itself (a lookup): it is shown open.
  const open = result.citations.length === 1 ? '' : undefined;
  const items = result.citations.map((c, i) =>
    el('li', {}, [
      el('details', { open }, [
        el('summary', {}, [
          el('span', { class: 'num', text: `[${i + 1}]` }),
          ctx.statuses.get(c.regulationId) === 'draft' ? el('span', { class: 'badge', text: ctx.t.draft }) : null,
          title(c, ctx),
        ]),
        el('blockquote', { lang: 'zh-CN' }, [clauseText(c.text, result, ctx)]),
        el('a', { href: citationHref(ctx.apiBase, c), target: '_blank', rel: 'noopener', text: ctx.t.fullText }),
      ]),
    ]),
  );
  return [el('p', { class: 'sources-label', text: ctx.t.sources }), el('ol', { class: 'sources' }, items)];
}
