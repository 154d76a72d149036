// A follow-up continues the articles that answered the previous question. When the earlier answer's
// citations cannot be read from the history (another client, a shortened transcript), those articles
// are found again by answering the previous question.
import type { IndexView } from '../index-view.ts';
import type { QueryBuilder } from '../retrieve/query.ts';
import type { Rank } from '../retrieve/rank.ts';
import type { Selection } from '../answer/select.ts';
import { parseQuestion } from '../understand/question.ts';
import { questionWords, type ArticleHit, type RetrieverMode, type WeightedTerm } from '../retrieve/types.ts';
import { NO_CONTEXT, type Context } from './context.ts';

export interface TopicDeps {
  view: IndexView;
  queries: QueryBuilder;
  rank: Rank;
  select: (hits: ArticleHit[], words: WeightedTerm[]) => Selection;
  mode: RetrieverMode;
}

export async function withTopicArticles(deps: TopicDeps, context: Context, regulationId?: string): Promise<Context> {
  if (!context.previousQuestion || context.citedArticles.length > 0) return context;
  const { view, queries, rank, select, mode } = deps;
  const previous = parseQuestion(context.previousQuestion, view.data.regulations);
  const scope = regulationId ? [regulationId] : previous.regulationIds;
  const query = queries.queryOf(previous, NO_CONTEXT);
  const hits = previous.refs.length ? [] : await rank({ parsed: previous, query, scope, context: NO_CONTEXT, mode });
  const refs = previous.refs.map((ref) => ({ regulationId: scope[0] ?? null, ref }));
  if (refs.length > 0) return { ...context, citedArticles: refs };
  const citedArticles = select(hits, questionWords(query)).chosen.map((h) => {
    const u = view.units[h.unit]!;
    return { regulationId: u.regulationId, ref: { article: u.article ?? 0, sub: u.sub, paragraph: null } };
  });
  return { ...context, citedArticles };
}
