// Follow-ups ("那企业呢？", "违反了会怎么处理？") are resolved against recent history before retrieval.
// A self-contained question stands alone, so old topics never leak into it.
import { normalizeQuestion } from '../understand/normalize.ts';
import { extractRefs, type ArticleRef } from '../understand/references.ts';
import { findRegulations, type RegulationName } from '../understand/regulations.ts';
import type { Turn } from '../types.ts';

/** A self-contained question: no earlier question, regulations or articles to continue. */
export const NO_CONTEXT: Context = { previousQuestion: null, regulationIds: [], citedArticles: [] };

/** Only the last few exchanges matter; older turns are ignored. */
export const HISTORY_TURNS = 6;

export interface Context {
  /** The earlier question this one continues, or null for a self-contained question. */
  previousQuestion: string | null;
  /** Regulations named or cited in the previous exchange. */
  regulationIds: string[];
  /** Articles the previous answer cited, as regulationId/article keys. */
  citedArticles: { regulationId: string | null; ref: ArticleRef }[];
}

const CONTINUATION = /^(?:那|那么|那如果|如果是|要是|还有|另外|再问|and|what about|how about|then)\b|^(?:那|那么|还有|另外)|[呢]\s*[？?]?$/i;
const ANAPHORA = /(?:它|该条|这条|这一条|上述|前述|这个规定|这项|违反了|违反的话|不遵守|不履行|this article|that article|\bit\b|\bthis\b|\bthat\b|violat)/i;

// 这个条例什么时候施行？ asks about the regulation the previous answer came from, not about its topic.
const REGULATION_ANAPHORA = /(?:这个|这部|该|此|上述)(?:条例|法规|规定)|\b(?:this|that|the same) (?:regulation|law)\b/i;
const NEXT_ARTICLE = /^(?:那)?(?:下一条|下条|后一条)|\bnext article\b|\bfollowing article\b/i;
const PREVIOUS_ARTICLE = /^(?:那)?(?:上一条|上条|前一条)|\bprevious article\b/i;

/** 下一条呢？ → +1, 上一条呢？ → -1, else 0: an article relative to the one the previous answer cited. */
export function relativeArticle(question: string): number {
  const q = normalizeQuestion(question);
  return NEXT_ARTICLE.test(q) ? 1 : PREVIOUS_ARTICLE.test(q) ? -1 : 0;
}

export function isFollowUp(question: string): boolean {
  const q = normalizeQuestion(question);
  return CONTINUATION.test(q) || ANAPHORA.test(q) || q.replace(/[\s？?。！!，,]/g, '').length <= 4;
}

/**
 * `ownTopic`: whether the question has search words of its own besides naming a regulation. One that
 * only names a regulation (贵阳那边有什么规定？) asks about the previous topic in that regulation.
 */
export function resolveContext(question: string, history: readonly Turn[] | undefined, regulations: readonly RegulationName[], ownTopic = true): Context {
  const recent = (history ?? []).slice(-HISTORY_TURNS);
  const previousUser = [...recent].reverse().find((t) => t.role === 'user');
  if (!previousUser) return NO_CONTEXT;
  const lastAnswer = [...recent].reverse().find((t) => t.role === 'assistant')?.content ?? '';
  const fromQuestion = findRegulations(normalizeQuestion(previousUser.content), regulations).ids;
  if (REGULATION_ANAPHORA.test(normalizeQuestion(question))) {
    // The question is its own topic, asked of the regulation the previous answer cited first.
    const cited = citationsIn(lastAnswer, regulations).find((c) => c.regulationId)?.regulationId;
    return { ...NO_CONTEXT, regulationIds: fromQuestion.length ? fromQuestion : cited ? [cited] : [] };
  }
  if (ownTopic && !isFollowUp(question)) return NO_CONTEXT;
  return {
    previousQuestion: previousUser.content,
    regulationIds: fromQuestion,
    citedArticles: citationsIn(lastAnswer, regulations),
  };
}

/** 《title》第十四条第三款 (the answer's list of sources) in an earlier answer → which article of which regulation it cited. */
function citationsIn(answer: string, regulations: readonly RegulationName[]): Context['citedArticles'] {
  const out: Context['citedArticles'] = [];
  // English answers label a source 《title》 Article 14(3) (第十四条第三款): the statute's numbering is in brackets.
  for (const m of normalizeQuestion(answer).matchAll(/《([^》]+)》[^《\n第]{0,30}(第[^，,。；;：:\s《()（）]{1,20})/g)) {
    const regulationId = findRegulations(m[1]!, regulations).ids[0] ?? null;
    for (const ref of extractRefs(m[2]!).refs) out.push({ regulationId, ref });
  }
  return out;
}
