// A question that names articles (第十四条说了什么？) is answered with those articles, or with a plain
// "the text has no such article" that cites nothing.
import { articleLabel } from '../../../indexer/statute/numerals.ts';
import type { Regulation } from '../../../indexer/statute/model.ts';
import type { IndexView } from '../index-view.ts';
import type { AskResult, Lang } from '../types.ts';
import type { ArticleRef } from '../understand/references.ts';
import { citationOf } from './citation.ts';
import { composeAnswer, missingArticleAnswer, type CitedClause } from './compose.ts';

export function lookup(view: IndexView, question: string, refs: readonly ArticleRef[], scope: string[], lang: Lang): AskResult {
  const inScope = scope.length ? scope.map((id) => view.regulation(id)!).filter(Boolean) : view.data.regulations;
  const clauses: CitedClause[] = [];
  const missing: { regulation: Regulation; ref: ArticleRef }[] = [];
  for (const ref of refs) {
    for (const r of inScope) {
      const article = r.articles.find((a) => a.no.n === ref.article && a.no.sub === ref.sub);
      if (!article) {
        missing.push({ regulation: r, ref });
        continue;
      }
      const para = ref.paragraph === null ? undefined : article.paragraphs.find((p) => p.number === ref.paragraph);
      const wanted = para && article.paragraphs.length > 1 ? para.number : null;
      const unit = view.units.findIndex((u) => u.regulationId === r.id && u.article === ref.article && u.sub === ref.sub && u.paragraph === wanted);
      if (unit >= 0) clauses.push({ citation: citationOf(view, unit, 1), status: r.status });
    }
  }
  if (clauses.length === 0) {
    const first = missing[0]!;
    return {
      answer: missingArticleAnswer(lang, first.regulation.title, first.ref.article, first.ref.sub, presentRange(first.regulation)),
      found: false,
      lang,
      citations: [],
    };
  }
  return { answer: composeAnswer({ kind: 'lookup', question, lang, focus: [], actor: null, clauses }), found: true, lang, citations: clauses.map((c) => c.citation) };
}

/** 第一条–第四条、第八条–第三十四条 … : the article numbers a text actually has. */
export function presentRange(r: Regulation): string {
  const runs: [number, number][] = [];
  for (const a of r.articles) {
    const last = runs.at(-1);
    if (last && a.no.n === last[1] + 1) last[1] = a.no.n;
    else if (!last || a.no.n !== last[1]) runs.push([a.no.n, a.no.n]);
  }
  return runs.map(([a, b]) => (a === b ? articleLabel(a) : `${articleLabel(a)}至${articleLabel(b)}`)).join('、');
}
