import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  breakdown,
  calibrationObjective,
  citationPrecision,
  citationRecall,
  firstGoldRank,
  hitAt,
  paragraphAgrees,
  percentile,
  recallAt,
  reciprocalRank,
  summarize,
  type Outcome,
} from './metrics.ts';
import { Catalogue } from './refs.ts';
import { missReasons } from './report/misses.ts';
import type { QuestionResult } from './run.ts';

describe('ranking metrics', () => {
  const ranked = ['a#1', 'a#2', 'b#3', 'b#4', 'b#5', 'c#6'];

  it('hit@k looks only at the first k', () => {
    expect(hitAt(ranked, ['b#3'], 1)).toBe(0);
    expect(hitAt(ranked, ['b#3'], 3)).toBe(1);
    expect(hitAt(ranked, ['a#1', 'z#9'], 1)).toBe(1);
    expect(hitAt([], ['a#1'], 3)).toBe(0);
  });

  it('recall@k counts distinct gold keys', () => {
    expect(recallAt(ranked, ['a#1', 'c#6'], 5)).toBe(0.5);
    expect(recallAt(ranked, ['a#1', 'a#1', 'a#2'], 5)).toBe(1);
    expect(recallAt(ranked, [], 5)).toBe(0);
  });

  it('MRR@k is 1/rank of the first gold key within k', () => {
    expect(reciprocalRank(ranked, ['b#4', 'a#2'], 10)).toBe(0.5);
    expect(reciprocalRank(ranked, ['c#6'], 5)).toBe(0);
    expect(reciprocalRank(ranked, ['c#6'], 10)).toBeCloseTo(1 / 6);
    expect(firstGoldRank(ranked, ['c#6'])).toBe(6);
    expect(firstGoldRank(ranked, ['x#1'])).toBeNull();
  });
});

describe('answer metrics', () => {
  it('citation precision is the share of cited keys that are allowed', () => {
    expect(citationPrecision(['a#1', 'a#2', 'b#3'], ['a#1', 'b#3'])).toBeCloseTo(2 / 3);
    expect(citationPrecision([], ['a#1'])).toBeNull();
  });

  it('citation recall is the share of gold keys cited', () => {
    expect(citationRecall(['a#1', 'c#9'], ['a#1', 'b#3'])).toBeCloseTo(1 / 2);
    expect(citationRecall(['a#1', 'a#1'], ['a#1'])).toBe(1);
    expect(citationRecall(['a#1'], [])).toBeNull();
  });

  it('a whole-article gold accepts any paragraph; a paragraph gold wants that paragraph', () => {
    const gold = [
      { key: 'a#1', paragraph: 2 },
      { key: 'b#3', paragraph: null },
    ];
    expect(paragraphAgrees({ key: 'a#1', paragraph: 2 }, gold)).toBe(true);
    expect(paragraphAgrees({ key: 'a#1', paragraph: 1 }, gold)).toBe(false);
    expect(paragraphAgrees({ key: 'a#1', paragraph: null }, gold)).toBe(false);
    expect(paragraphAgrees({ key: 'b#3', paragraph: 4 }, gold)).toBe(true);
    expect(paragraphAgrees({ key: 'c#1', paragraph: 1 }, gold)).toBeNull();
  });

  it('nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

const cite = (key: string, paragraph: number | null = null, fabricated: string | null = null) => ({ key, paragraph, fabricated });

function outcome(partial: Partial<Outcome>): Outcome {
  return { split: 'dev', kind: 'k', lang: 'zh', gold: [], allowed: [], found: false, cited: [], ranked: [], latencyMs: 1, ...partial };
}

describe('summarize', () => {
  const outcomes: Outcome[] = [
    // right at rank 1, answered with one gold and one acceptable citation
    outcome({ gold: [{ key: 'a#1', paragraph: 2 }], allowed: ['a#1', 'a#9'], found: true, cited: [cite('a#1', 2), cite('a#9')], ranked: ['a#1', 'a#9'], latencyMs: 2 }),
    // gold at rank 2; answered with a wrong first citation
    outcome({ split: 'test', gold: [{ key: 'b#3', paragraph: null }], allowed: ['b#3'], found: true, cited: [cite('b#4'), cite('b#3', 1)], ranked: ['b#4', 'b#3'], latencyMs: 4 }),
    // gold ranked first but declined: a false no-answer
    outcome({ gold: [{ key: 'c#5', paragraph: null }], allowed: ['c#5'], found: false, ranked: ['c#5'], latencyMs: 6 }),
    // no gold, declined: right
    outcome({ kind: 'none', found: false, latencyMs: 8 }),
    // no gold, answered with a fabricated citation: wrong twice over
    outcome({ kind: 'none', lang: 'en', found: true, cited: [cite('z#99', null, 'no 第九十九条')], latencyMs: 10 }),
  ];
  const m = summarize(outcomes);

  it('ranking metrics over gold questions only', () => {
    expect(m.withGold).toBe(3);
    expect(m.hit1).toBeCloseTo(2 / 3);
    expect(m.hit3).toBe(1);
    expect(m.mrr10).toBeCloseTo((1 + 0.5 + 1) / 3);
    expect(m.recall5).toBe(1);
    expect(m.recall10).toBe(1);
  });

  it('answer metrics', () => {
    expect(m.answered).toBe(3);
    // (2/2 + 1/2 + 0/1) / 3
    expect(m.citationPrecision).toBeCloseTo(0.5);
    // both answered gold questions cite their gold article; the declined one does not count
    expect(m.citationRecall).toBe(1);
    expect(m.answeredHit1).toBeCloseTo(0.5);
    // a#1/2 agrees; b#3/1 against a whole-article gold agrees; nothing else matches a gold article
    expect(m.paragraphAccuracy).toBe(1);
    expect(m.noGold).toBe(2);
    expect(m.noAnswerAccuracy).toBe(0.5);
    expect(m.falseNoAnswerRate).toBeCloseTo(1 / 3);
    expect(m.fabricated).toBe(1);
    expect(m.latencyP50).toBe(6);
    expect(m.latencyP95).toBe(10);
  });

  it('breaks down by field in first-seen order', () => {
    const bySplit = breakdown(outcomes, 'split');
    expect(bySplit.map((g) => [g.group, g.metrics.questions])).toEqual([
      ['dev', 4],
      ['test', 1],
    ]);
    expect(breakdown(outcomes, 'lang').find((g) => g.group === 'en')?.metrics.noAnswerAccuracy).toBe(0);
  });

  it('empty groups give null rates, not NaN', () => {
    const e = summarize([outcome({ gold: [] , found: false })]);
    expect(e.hit1).toBeNull();
    expect(e.citationPrecision).toBeNull();
    expect(e.falseNoAnswerRate).toBeNull();
    expect(e.noAnswerAccuracy).toBe(1);
  });

  it('names the reasons a question is a miss', () => {
    const asResult = (o: Outcome, goldRank: number | null): QuestionResult => ({ ...o, id: 'q', rankingSource: 'search', goldRank });
    expect(missReasons(asResult(outcomes[0]!, 1))).toEqual([]);
    expect(missReasons(asResult(outcomes[1]!, 2))).toEqual(['wrong-top', 'off-gold-citation']);
    expect(missReasons(asResult(outcomes[2]!, 1))).toEqual(['false-no-answer']);
    expect(missReasons(asResult(outcomes[3]!, null))).toEqual([]);
    expect(missReasons(asResult(outcomes[4]!, null))).toEqual(['fabricated', 'answered-unanswerable']);
  });
});

describe('calibration', () => {
  it('objective = no-answer accuracy + answered hit@1 − false-no-answer rate', () => {
    expect(calibrationObjective({ noAnswerAccuracy: 1, answeredHit1: 0.8, falseNoAnswerRate: 0.3 })).toBeCloseTo(1.5);
    expect(calibrationObjective({ noAnswerAccuracy: null, answeredHit1: 0.8, falseNoAnswerRate: null })).toBeCloseTo(0.8);
  });

  it('picks the maximum, and the middle of the widest tied run', () => {
    expect(bestThreshold([])).toBeNull();
    expect(
      bestThreshold([
        { threshold: 0.3, objective: 1 },
        { threshold: 0.2, objective: 2 },
        { threshold: 0.4, objective: 1.5 },
      ]),
    ).toBe(0.2);
    expect(
      bestThreshold([
        { threshold: 0.2, objective: 2 },
        { threshold: 0.3, objective: 1 },
        { threshold: 0.4, objective: 2 },
        { threshold: 0.5, objective: 2 },
        { threshold: 0.6, objective: 2 },
        { threshold: 0.7, objective: 1 },
      ]),
    ).toBe(0.5);
  });
});

describe('refs', () => {
  const catalogue = new Catalogue([
    {
      id: 'r',
      title: '某条例',
      articles: [
        { no: { n: 14, sub: 0 }, label: '第十四条', chapters: [], text: '', paragraphs: [1, 2, 3].map((number) => ({ number, text: '', items: [] })) },
        { no: { n: 133, sub: 1 }, label: '第一百三十三条之一', chapters: [], text: '', paragraphs: [{ number: 1, text: '', items: [] }] },
      ],
      sections: [{ id: 'notice', label: '公告', title: '', paragraphs: [], text: '' }],
    },
  ]);

  it('keys citations and gold alike, notices included', () => {
    expect(catalogue.cited({ regulationId: 'r', article: 14, sub: 0, paragraph: 3, label: '第十四条第三款' })).toEqual({ key: 'r#14', paragraph: 3, fabricated: null });
    expect(catalogue.cited({ regulationId: 'r', article: 133, sub: 1, paragraph: null, label: '第一百三十三条之一' }).key).toBe('r#133-1');
    expect(catalogue.goldKey({ regulationId: 'r', article: 133, sub: 1, paragraph: null, section: null })).toBe('r#133-1');
    const notice = catalogue.cited({ regulationId: 'r', article: null, sub: 0, paragraph: null, label: '公告' });
    expect(notice).toEqual({ key: 'r#§notice', paragraph: null, fabricated: null });
    expect(catalogue.goldKey({ regulationId: 'r', article: null, sub: 0, paragraph: null, section: 'notice' })).toBe(notice.key);
  });

  it('flags citations of articles, paragraphs, sections or regulations that do not exist', () => {
    expect(catalogue.cited({ regulationId: 'r', article: 15, sub: 0, paragraph: null, label: '第十五条' }).fabricated).toMatch(/第十五条/);
    expect(catalogue.cited({ regulationId: 'r', article: 133, sub: 0, paragraph: null, label: '第一百三十三条' }).fabricated).not.toBeNull();
    expect(catalogue.cited({ regulationId: 'r', article: 14, sub: 0, paragraph: 4, label: '第十四条第四款' }).fabricated).not.toBeNull();
    expect(catalogue.cited({ regulationId: 'x', article: 14, sub: 0, paragraph: null, label: '第十四条' }).fabricated).toMatch(/unknown/);
    expect(catalogue.cited({ regulationId: 'r', article: null, sub: 0, paragraph: null, label: '附则' }).fabricated).not.toBeNull();
  });

  it('maps titles to ids and displays keys', () => {
    expect(catalogue.idOfTitle('某条例')).toBe('r');
    expect(catalogue.display('r#14', 3)).toBe('r 第十四条第三款');
    expect(catalogue.display('r#133-1')).toBe('r 第一百三十三条之一');
    expect(catalogue.display('r#§notice')).toBe('r 公告');
  });
});
