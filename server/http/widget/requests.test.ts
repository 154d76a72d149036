// What the widget sends is what the server accepts: its requests checked against the API's own schemas,
// with conversations longer and answers larger than the API's limits.
import { describe, expect, it } from 'vitest';
import type { AskResult } from '../../core/types.ts';
import { FeedbackBody } from '../feedback/routes.ts';
import { AskBody, LIMITS as API_LIMITS } from '../schemas.ts';
import { askRequest, feedbackRequest, LIMITS } from './requests.ts';
import type { StoredTurn } from './store.ts';

const result = (answer: string): AskResult => ({
  answer,
  found: true,
  lang: 'zh',
  citations: [{ regulationId: 'guizhou-big-data', regulationTitle: '贵州省大数据发展应用促进条例', article: 14, sub: 0, paragraph: 3, label: '第十四条第三款', text: '……明确数据专员……', score: 1.5 }],
});

describe('the widget’s requests', () => {
  it('mirrors the API’s limits', () => {
    expect(LIMITS).toEqual({ turns: API_LIMITS.historyTurns, turnChars: API_LIMITS.turnContent, question: API_LIMITS.question });
  });

  it('sends the answered turns before the one asked, newest last and within the history limit', () => {
    const turns: StoredTurn[] = Array.from({ length: 30 }, (_, i) => (i === 3 ? { question: `问题${i}`, error: '网络错误' } : { question: `问题${i}`, result: result(`答案${i}`.repeat(i === 29 ? 2000 : 1)) }));
    const request = askRequest(turns, 30, '那企业呢？', 'en');
    expect(AskBody.safeParse(request).success).toBe(true);
    expect(request.lang).toBe('en');
    const history = request.history ?? [];
    expect(history).toHaveLength(LIMITS.turns);
    expect(history.at(-2)).toEqual({ role: 'user', content: '问题29' });
    expect(history.at(-1)!.content).toHaveLength(LIMITS.turnChars);
    // Regenerating turn 5 sends only what came before it, without the failed turn 3.
    expect(askRequest(turns, 5, '问题5', 'zh').history?.map((t) => t.content)).toEqual(['问题0', '答案0', '问题1', '答案1', '问题2', '答案2', '问题4', '答案4']);
    expect(askRequest(turns, 5, '问题5', 'zh')).not.toHaveProperty('lang');
  });

  it('sends feedback the feedback route accepts, with the cited clauses but not their text', () => {
    const body = feedbackRequest('谁应当明确数据专员？', result('答'.repeat(5000)), 'down', '应该是第十四条第四款');
    expect(FeedbackBody.safeParse(body).success).toBe(true);
    expect(body.citations).toEqual([{ regulationId: 'guizhou-big-data', article: 14, paragraph: 3, label: '第十四条第三款' }]);
    expect(feedbackRequest('问', result('答'), 'up', '')).not.toHaveProperty('comment');
  });
});
