// What the widget sends about a conversation: the history that lets a follow-up (那企业呢？) be
// understood, and the feedback on one answer, both cut to the API's limits. Pure.
import type { AskResult, Lang, Turn } from '../../core/types.ts';
import type { AskRequest, FeedbackRequest } from './api.ts';
import type { StoredTurn } from './store.ts';

/** Mirrors LIMITS in server/http/schemas.ts (not imported: it would bundle zod); the server validates either way. */
export const LIMITS = { turns: 20, turnChars: 4000, question: 2000 };

/** The answered turns before `index`, as the API's history. */
function historyBefore(turns: readonly StoredTurn[], index: number): Turn[] {
  return turns
    .slice(0, index)
    .filter((turn) => turn.result)
    .flatMap((turn): Turn[] => [
      { role: 'user', content: turn.question.slice(0, LIMITS.turnChars) },
      { role: 'assistant', content: turn.result!.answer.slice(0, LIMITS.turnChars) },
    ])
    .slice(-LIMITS.turns);
}

/** The request that asks turn `index` of `turns` again or for the first time. */
export function askRequest(turns: readonly StoredTurn[], index: number, question: string, lang: Lang): AskRequest {
  return { question, history: historyBefore(turns, index), ...(lang === 'en' && { lang: 'en' as const }) };
}

/** Feedback on an answer: the question, the answer and the clauses it cited. */
export function feedbackRequest(question: string, result: AskResult, rating: 'up' | 'down', comment: string): FeedbackRequest {
  return {
    question,
    answer: result.answer.slice(0, LIMITS.turnChars),
    lang: result.lang,
    rating,
    ...(comment && { comment }),
    citations: result.citations.map(({ regulationId, article, paragraph, label }) => ({ regulationId, article, paragraph, label })),
  };
}
