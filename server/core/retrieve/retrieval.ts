// understand → conversation → retrieve for one question: the parsed question, its context, the scope
// and query, and the ranked articles (none for a lookup by reference).
import type { Coined, Segment } from '../../../indexer/language/tokens.ts';
import { select, type Selection } from '../answer/select.ts';
import { relativeArticle, resolveContext, type Context } from '../conversation/context.ts';
import { withTopicArticles } from '../conversation/topic.ts';
import type { IndexView } from '../index-view.ts';
import type { Tuning } from '../tuning.ts';
import type { AskInput } from '../types.ts';
import { actorInChinese } from '../understand/actor.ts';
import { parseQuestion, type ParsedQuestion } from '../understand/question.ts';
import { queryBuilder } from './query.ts';
import { learnedSignalsOf } from './learned.ts';
import { ranker, type GuardedDense } from './rank.ts';
import type { ArticleHit, LexicalQuery, RetrieverMode, WeightedTerm } from './types.ts';

export interface Retrieval {
  parsed: ParsedQuestion;
  context: Context;
  scope: string[];
  query: LexicalQuery;
  hits: ArticleHit[];
}

export function retriever(view: IndexView, segment: Segment, coined: Coined, dense: GuardedDense, tuning: Tuning, mode: RetrieverMode) {
  const queries = queryBuilder(view, segment, coined, tuning);
  const learned = learnedSignalsOf(view, tuning);
  const rank = ranker(view, segment, dense, tuning, learned);
  const choose = (hits: ArticleHit[], words: WeightedTerm[], kind?: ParsedQuestion['kind'], required?: readonly string[]): Selection => select(view, hits, words, tuning, kind, required);

  async function retrieve(input: AskInput): Promise<Retrieval> {
    const parsed = parseQuestion(input.question, view.data.regulations, input.lang);
    parsed.actor = actorInChinese(parsed.actor, view.data.glossary);
    const own = queries.contentWords(parsed.searchText);
    const ownTopic = parsed.refs.length > 0 || queries.withoutPlaces(parsed, own).length > 0;
    const resolved = resolveContext(input.question, input.history, view.data.regulations, ownTopic);
    const context = await withTopicArticles({ view, queries, rank, select: choose, mode }, resolved, input.regulationId);
    const scope = [...(input.regulationId ? [input.regulationId] : parsed.regulationIds.length ? parsed.regulationIds : context.regulationIds)];
    const topic = context.citedArticles[0];
    const step = relativeArticle(input.question);
    if (step !== 0 && topic && parsed.refs.length === 0) {
      // 下一条呢？ after 第十四条 is 第十五条 of the same regulation (the whole article, not a paragraph).
      parsed.refs = [{ article: topic.ref.article + step, sub: 0, paragraph: null }];
      parsed.kind = 'lookup';
      if (topic.regulationId && scope.length === 0) scope.push(topic.regulationId);
    } else if (parsed.paragraphOnly !== null && topic) {
      // 第二款呢？ after a question about 第八条 means 第八条第二款 of the same regulation.
      parsed.refs = [{ ...topic.ref, paragraph: parsed.paragraphOnly }];
      parsed.kind = 'lookup';
      if (topic.regulationId && scope.length === 0) scope.push(topic.regulationId);
    }
    const query = queries.queryOf(parsed, context, own);
    const hits = parsed.refs.length ? [] : await rank({ parsed, query, scope, context, mode });
    return { parsed, context, scope, query, hits };
  }

  return { retrieve, select: choose, learned };
}
