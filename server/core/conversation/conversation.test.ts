// Follow-ups resolved against history, and the previous topic's articles found again when the
// history does not carry them (tiny real index).
import { describe, expect, it } from 'vitest';
import { CITY, tinyIndex } from '../../node/tiny-index.ts';
import { select } from '../answer/select.ts';
import { queryBuilder } from '../retrieve/query.ts';
import { guardedDense, ranker } from '../retrieve/rank.ts';
import { DEFAULT_TUNING } from '../tuning.ts';
import { HISTORY_TURNS, isFollowUp, NO_CONTEXT, resolveContext } from './context.ts';
import { withTopicArticles } from './topic.ts';

const tiny = tinyIndex();
const regs = tiny.data.regulations;

describe('follow-up detection', () => {
  it.each(['那企业呢？', '违反了会怎么处理？', 'what about companies?', '第二款呢？', '企业？'])('%s continues', (q) => expect(isFollowUp(q)).toBe(true));
  it.each(['谁应当明确数据专员？', '公共数据目录由谁建立？'])('%s stands alone', (q) => expect(isFollowUp(q)).toBe(false));
});

describe('context', () => {
  const history = [
    { role: 'user' as const, content: '市条例里谁应当明确数据专员？' },
    { role: 'assistant' as const, content: '有关部门应当明确数据专员（《某市数据条例》第六条）。' },
  ];

  it('a self-contained question, or one with no history, has no context', () => {
    expect(resolveContext('谁应当明确数据专员？', history, regs)).toBe(NO_CONTEXT);
    expect(resolveContext('那企业呢？', [], regs)).toBe(NO_CONTEXT);
  });

  it('a follow-up carries the previous question, its regulations and the articles the answer cited', () => {
    expect(resolveContext('那企业呢？', history, regs)).toEqual({
      previousQuestion: '市条例里谁应当明确数据专员？',
      regulationIds: [CITY],
      citedArticles: [{ regulationId: CITY, ref: { article: 6, sub: 0, paragraph: null } }],
    });
  });

  it('a question that only names a regulation continues even without a follow-up cue', () => {
    expect(resolveContext('省草案怎么说？', history, regs, false).previousQuestion).toBe(history[0]!.content);
  });

  it('looks back only the last few turns', () => {
    const old = [history[0]!, ...Array.from({ length: HISTORY_TURNS }, () => ({ role: 'assistant' as const, content: '…' }))];
    expect(resolveContext('那企业呢？', old, regs)).toBe(NO_CONTEXT);
  });
});

describe('topic articles', () => {
  const deps = {
    view: tiny.view,
    queries: queryBuilder(tiny.view, tiny.segment, tiny.coined, DEFAULT_TUNING),
    rank: ranker(tiny.view, tiny.segment, guardedDense(null, 10, () => {}), DEFAULT_TUNING),
    select: (hits: Parameters<typeof select>[1], words: Parameters<typeof select>[2]) => select(tiny.view, hits, words, DEFAULT_TUNING),
    mode: 'bm25' as const,
  };

  it('answers the previous question again when the history has no citations', async () => {
    const context = await withTopicArticles(deps, { ...NO_CONTEXT, previousQuestion: '谁应当明确数据专员？' });
    expect(context.citedArticles).toEqual([{ regulationId: CITY, ref: { article: 6, sub: 0, paragraph: null } }]);
  });

  it('takes a previous lookup\'s references as they are, and leaves a context with citations alone', async () => {
    const lookup = await withTopicArticles(deps, { ...NO_CONTEXT, previousQuestion: '市条例第三条' });
    expect(lookup.citedArticles).toEqual([{ regulationId: CITY, ref: { article: 3, sub: 0, paragraph: null } }]);
    const cited = { ...NO_CONTEXT, previousQuestion: 'x', citedArticles: [{ regulationId: null, ref: { article: 1, sub: 0, paragraph: null } }] };
    expect(await withTopicArticles(deps, cited)).toBe(cited);
  });
});
