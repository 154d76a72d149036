// One question's ranking: lexical (or the plain baseline), dense neighbours fused by RRF, reshaped by
// the question's kind and the conversation, rolled up to articles.
import { wordTokens, type Segment } from '../../../indexer/language/tokens.ts';
import type { Unit } from '../../../indexer/statute/units.ts';
import type { Context } from '../conversation/context.ts';
import type { IndexView } from '../index-view.ts';
import type { Tuning } from '../tuning.ts';
import type { ParsedQuestion } from '../understand/question.ts';
import { fuseRrf } from './fuse.ts';
import { learnedSignalsOf, type LearnedSignals } from './learned.ts';
import { baselineSearch, lexicalSearch } from './lexical.ts';
import { boostCited, requireWords, rerankForKind } from './rerank.ts';
import { rollUp } from './rollup.ts';
import type { ArticleHit, DenseSearch, LexicalQuery, RetrieverMode, UnitHit } from './types.ts';

/** Dense search that, when the model fails at query time, costs the dense side only and says why once. */
export interface GuardedDense {
  search(text: string): Promise<UnitHit[]>;
  /** Why dense retrieval stopped, or null while it works. */
  failure(): string | null;
}

export function guardedDense(dense: DenseSearch | null, candidates: number, warn: (line: string) => void): GuardedDense {
  let failure: string | null = null;
  return {
    async search(text) {
      if (!dense || failure) return [];
      try {
        return await dense(text, candidates);
      } catch (error) {
        failure = `query embedding failed: ${(error as Error).message}`;
        warn(`warning: ${failure}; serving lexical-only`);
        return [];
      }
    },
    failure: () => failure,
  };
}

export interface RankInput {
  parsed: ParsedQuestion;
  query: LexicalQuery;
  /** Regulation ids to search in; empty: all. */
  scope: string[];
  context: Context;
  mode: RetrieverMode;
}

export function ranker(view: IndexView, segment: Segment, dense: GuardedDense, tuning: Tuning, learned: LearnedSignals = learnedSignalsOf(view, tuning)) {
  return async function rank({ parsed, query, scope, context, mode }: RankInput): Promise<ArticleHit[]> {
    const { lexical: index } = view.data;
    const filter = scope.length ? (u: Unit) => scope.includes(u.regulationId) : undefined;
    let hits: UnitHit[];
    if (mode === 'baseline') {
      hits = baselineSearch(index, wordTokens(segment, parsed.text, true), tuning);
    } else {
      const lexical = mode === 'dense' ? [] : learned.fuse(lexicalSearch(index, view.units, query, filter, tuning), query, parsed.text, filter && ((u) => filter(view.units[u]!)));
      const neighbours = mode !== 'bm25' ? (await dense.search(parsed.text)).filter((h) => !filter || filter(view.units[h.unit]!)) : [];
      hits = mode === 'hybrid' && neighbours.length ? fuseRrf([lexical.slice(0, tuning.fusedLexical), neighbours], tuning.rrfK) : mode === 'dense' ? neighbours : lexical;
    }
    if (query.required?.length) hits = requireWords(view, hits, query.required);
    if (context.citedArticles.length) hits = boostCited(view, hits, context, tuning.followUp.citedBoost);
    return rollUp(rerankForKind(view, hits, parsed, query, tuning), view.units, view.articleUnitOf, tuning.paragraphPreference);
  };
}

export type Rank = ReturnType<typeof ranker>;
