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
  if (!previousUser || (ownTopic && !isFollowUp(question))) return NO_CONTEXT;

  const lastAnswer = [...recent].reverse().find((t) => t.role === 'assistant')?.content ?? '';
  const fromQuestion = findRegulations(normalizeQuestion(previousUser.content), regulations).ids;
  return {
    previousQuestion: previousUser.content,
    regulationIds: fromQuestion,
    citedArticles: citationsIn(lastAnswer, regulations),
  };
}

/** 《title》第十四条第三款 in an earlier answer → which article of which regulation it cited. */
function citationsIn(answer: string, regulations: readonly RegulationName[]): Context['citedArticles'] {
  const out: Context['citedArticles'] = [];
  for (const m of normalizeQuestion(answer).matchAll(/《([^》]+)》\s*(第[^，,。；;：:\s《]{1,20})/g)) {
    const regulationId = findRegulations(m[1]!, regulations).ids[0] ?? null;
    for (const ref of extractRefs(m[2]!).refs) out.push({ regulationId, ref });
  }
  return out;
}
