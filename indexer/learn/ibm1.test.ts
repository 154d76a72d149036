import { describe, expect, it } from 'vitest';
import { jiebaSegmenter } from '../build/segment.ts';
import { wordTokens } from '../language/tokens.ts';
import { NULL_WORD, trainIbm1, type SentencePair } from './ibm1.ts';

const segment = jiebaSegmenter();
const words = (text: string) => wordTokens(segment, text);

// Lay questions and the statute sentences that answer them: 网店 is the citizens' word for what the
// statutes call 电子商务经营者; the questions' other words vary.
const PAIRS: [string, string][] = [
  ['电子商务经营者应当依法办理市场主体登记', '我开网店要先登记吗？'],
  ['电子商务经营者销售的商品应当符合保护人身、财产安全的要求', '网店卖假货怎么办？'],
  ['电子商务经营者应当依法履行纳税义务', '开网店要交税吗？'],
  ['纳税人应当按期办理纳税申报', '交税要去哪里申报？'],
  ['经营者应当依法办理市场主体登记', '开饭馆要登记吗？'],
];
const pairs: SentencePair[] = PAIRS.map(([statute, question]) => ({ source: words(statute), target: words(question) }));

const prob = (rows: ReturnType<typeof trainIbm1>, source: string, target: string) => rows.get(source)?.find(([t]) => t === target)?.[1] ?? 0;

describe('IBM Model 1 over real jieba words', () => {
  it('learns the lay word for a statute word from co-occurrence across pairs', () => {
    const rows = trainIbm1(pairs, { minProbability: 0 });
    expect(prob(rows, '电子商务', '网店')).toBeGreaterThan(prob(rows, '电子商务', '登记'));
    expect(prob(rows, '纳税', '交税')).toBeGreaterThan(prob(rows, '纳税', '网店'));
    // 网店 is better explained by 电子商务 (in all three of its sentences) than by 纳税 (in one).
    expect(prob(rows, '电子商务', '网店')).toBeGreaterThan(prob(rows, '纳税', '网店'));
  });

  it('sharpens with EM iterations', () => {
    const one = trainIbm1(pairs, { iterations: 1, minProbability: 0 });
    const five = trainIbm1(pairs, { iterations: 5, minProbability: 0 });
    expect(prob(five, '电子商务', '网店')).toBeGreaterThan(prob(one, '电子商务', '网店'));
  });

  it('gives each source word a probability distribution, NULL included', () => {
    const rows = trainIbm1(pairs, { minProbability: 0 });
    expect(rows.has(NULL_WORD)).toBe(true);
    for (const row of rows.values()) expect(row.reduce((s, [, p]) => s + p, 0)).toBeCloseTo(1, 9);
  });

  it('prunes small probabilities and long rows', () => {
    const rows = trainIbm1(pairs, { minProbability: 0.2, maxPerSource: 2 });
    for (const row of rows.values()) {
      expect(row.length).toBeLessThanOrEqual(2);
      for (const [, p] of row) expect(p).toBeGreaterThanOrEqual(0.2);
    }
  });

  it('is deterministic', () => {
    const a = trainIbm1(pairs);
    const b = trainIbm1(pairs);
    expect([...a]).toEqual([...b]);
  });

  it('learns nothing from pairs without question words', () => {
    expect(trainIbm1([{ source: words('电子商务经营者'), target: [] }]).size).toBe(0);
  });
});
