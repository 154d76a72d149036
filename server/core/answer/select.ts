// Which of the ranked articles to cite: the best one, and further ones only while they score and
// cover the question nearly as well.
import { coverage } from '../decide/coverage.ts';
import type { IndexView } from '../index-view.ts';
import { definesTerm } from '../retrieve/rerank.ts';
import type { ArticleHit, WeightedTerm } from '../retrieve/types.ts';
import type { Tuning } from '../tuning.ts';
import type { QuestionKind } from '../understand/question.ts';

export interface Selection {
  chosen: ArticleHit[];
  /** The best article's coverage of the question, the "is it covered at all" signal. */
  topCoverage: number;
}

type SelectTuning = Pick<Tuning, 'foundThreshold' | 'maxCitations' | 'relativeScore' | 'coverageBand'>;

export function select(view: IndexView, hits: ArticleHit[], words: WeightedTerm[], tuning: SelectTuning, kind?: QuestionKind): Selection {
  if (kind === 'definition') {
    // A definition is answered by the clauses that define the term, not by ones that use it.
    const defines = words.map((w) => w.term).filter((t) => t.length >= 2).map(definesTerm);
    const defining = hits.filter((h) => defines.some((d) => d(view.units[h.paragraphUnit ?? h.unit]!.text)));
    if (defining.length > 0) return select(view, defining, words, tuning);
  }
  const top = hits[0];
  if (!top) return { chosen: [], topCoverage: 0 };
  const cover = (h: ArticleHit) => {
    const u = view.units[h.unit]!;
    return coverage(words, `${u.chapter}\n${u.text}`, view.idf);
  };
  const topCoverage = cover(top);
  const band = Math.max(tuning.foundThreshold, tuning.coverageBand * topCoverage);
  const chosen = [top, ...hits.slice(1, 6).filter((h) => h.score >= tuning.relativeScore * top.score && cover(h) >= band)];
  return { chosen: chosen.slice(0, tuning.maxCitations), topCoverage };
}
