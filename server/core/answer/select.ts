// Which of the ranked articles to cite: the best one, and further ones only while they score and
// cover the question nearly as well; within a cited article, its matching paragraph and any other
// paragraph that answers a part of the question the first one does not (数据专员…？还有首席数据官呢？).
import { coverage } from '../decide/coverage.ts';
import type { IndexView } from '../index-view.ts';
import { definesTerm } from '../retrieve/rerank.ts';
import type { ArticleHit, WeightedTerm } from '../retrieve/types.ts';
import type { Tuning } from '../tuning.ts';
import type { QuestionKind } from '../understand/question.ts';

export interface Selection {
  chosen: ArticleHit[];
  /** The units to cite, in order: per chosen article its paragraphs (or itself), at most maxCitations. */
  cited: { hit: ArticleHit; unit: number }[];
  /** The best article's coverage of the question, the "is it covered at all" signal. */
  topCoverage: number;
}

type SelectTuning = Pick<Tuning, 'foundThreshold' | 'maxCitations' | 'relativeScore' | 'coverageBand' | 'paragraphGain'>;

/** `required`: a follow-up's own words (LexicalQuery.required); only they earn a further paragraph. */
export function select(view: IndexView, hits: ArticleHit[], words: WeightedTerm[], tuning: SelectTuning, kind?: QuestionKind, required?: readonly string[]): Selection {
  if (kind === 'definition') {
    // A definition is answered by the clauses that define the term, not by ones that use it.
    const defines = words.map((w) => w.term).filter((t) => t.length >= 2).map(definesTerm);
    const defining = hits.filter((h) => defines.some((d) => d(view.units[h.paragraphUnit ?? h.unit]!.text)));
    if (defining.length > 0) return select(view, defining, words, tuning, undefined, required);
  }
  const top = hits[0];
  if (!top) return { chosen: [], cited: [], topCoverage: 0 };
  const cover = (h: ArticleHit) => {
    const u = view.units[h.unit]!;
    return coverage(words, `${u.chapter}\n${u.text}`, view.idf);
  };
  const topCoverage = cover(top);
  const band = Math.max(tuning.foundThreshold, tuning.coverageBand * topCoverage);
  const chosen = [top, ...hits.slice(1, 6).filter((h) => h.score >= tuning.relativeScore * top.score && cover(h) >= band)].slice(0, tuning.maxCitations);
  // A follow-up's earlier topic is context, not a part of the question asked anew.
  const asked = required ? words.filter((w) => required.includes(w.term)) : words;
  const extra = chosen.map((h) => (h.paragraphUnit === null ? [] : complementary(view, h.unit, h.paragraphUnit, asked, tuning.paragraphGain)));
  // Every chosen article keeps its first citation; further paragraphs take what room is left.
  let room = tuning.maxCitations - chosen.length;
  const cited = chosen.flatMap((hit, i) => {
    const more = extra[i]!.slice(0, Math.max(0, room));
    room -= more.length;
    // One article's paragraphs read in the statute's order.
    return [hit.paragraphUnit ?? hit.unit, ...more].sort((a, b) => a - b).map((unit) => ({ hit, unit }));
  });
  return { chosen, cited, topCoverage };
}

/**
 * The article's other paragraphs that hold at least `gain` of the question's content weight (idf) which
 * the paragraphs cited so far lack, greedily, best first.
 */
function complementary(view: IndexView, article: number, first: number, words: readonly WeightedTerm[], gain: number): number[] {
  const content = words.filter((w) => !w.optional);
  const weighed = content.map((w) => ({ term: w.term, weight: w.weight * view.idf(w.term) }));
  const total = weighed.reduce((s, w) => s + w.weight, 0);
  if (total === 0) return [];
  let open = weighed.filter((w) => !view.units[first]!.text.includes(w.term));
  const out: number[] = [];
  const rest = view.paragraphsOf(article).filter((u) => u !== first);
  for (;;) {
    let best: { unit: number; gained: number } | null = null;
    for (const u of rest) {
      if (out.includes(u)) continue;
      const text = view.units[u]!.text;
      const gained = open.reduce((s, w) => s + (text.includes(w.term) ? w.weight : 0), 0) / total;
      if (gained >= gain && (!best || gained > best.gained)) best = { unit: u, gained };
    }
    if (!best) return out;
    out.push(best.unit);
    const text = view.units[best.unit]!.text;
    open = open.filter((w) => !text.includes(w.term));
  }
}
