import { describe, expect, it } from 'vitest';
import { trainTranslation } from '../../../indexer/learn/train.ts';
import { jiebaSegmenter } from '../../../indexer/build/segment.ts';
import { wordTokens } from '../../../indexer/language/tokens.ts';
import { termStats, translationScorer, translationSide, type QueryWord } from './translation.ts';

const segment = jiebaSegmenter();
const words = (text: string) => wordTokens(segment, text);
const query = (text: string): QueryWord[] => words(text).map((term) => ({ term, weight: 1 }));

const UNITS = ['电子商务经营者应当依法办理市场主体登记', '纳税人应当按期办理纳税申报', '县级以上人民政府加强数据管理'];
const LOG: [string, string][] = [
  [UNITS[0]!, '我开网店要先登记吗？'],
  ['电子商务经营者销售的商品应当符合保护人身、财产安全的要求', '网店卖假货怎么办？'],
  ['电子商务经营者应当依法履行纳税义务', '开网店要交税吗？'],
  [UNITS[1]!, '交税要去哪里申报？'],
];
const stats = termStats(UNITS.map(words));
const logUnits = LOG.map(([statute]) => words(statute));
const table = trainTranslation(LOG.map(([, question], i) => ({ words: words(question), units: [i] })), logUnits).translation;

describe('translation language model', () => {
  it('scores a clause for a lay word it never uses, through the learned table', () => {
    const scores = translationScorer(stats, table)(query('网店'));
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[2]).toBe(0);
  });

  it('ranks the clause that explains the lay question first', () => {
    const scores = [...translationScorer(stats, table)(query('交税怎么申报'))];
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it('without translation (beta 0) is the plain query likelihood of the own words', () => {
    expect([...translationScorer(stats, table, { lambda: 0.5, beta: 0 })(query('网店'))]).toEqual([0, 0, 0]);
    const own = translationScorer(stats, table, { lambda: 0.5, beta: 0 })(query('数据管理'));
    expect(own[2]).toBeGreaterThan(0);
    expect(own[0]).toBe(0);
  });

  it('weights each word by its term weight', () => {
    const full = translationScorer(stats, table)(query('网店'));
    const half = translationScorer(stats, table)([{ term: '网店', weight: 0.5 }]);
    expect(half[0]).toBeCloseTo(full[0]! / 2, 12);
  });

  it('ignores words neither the corpus nor the table knows', () => {
    expect([...translationScorer(stats, table)(query('火锅'))]).toEqual([0, 0, 0]);
  });

  it('adds the askers\' words to the clauses they asked about, and pivot synonyms at their weight', () => {
    const learned = { unitWords: UNITS.map(words), questions: [{ text: '开网店', words: words('开网店'), units: [0] }], translation: new Map(), reverse: new Map(), pivot: new Map([['网铺', [['电子商务', 1]] as [string, number][]]]) };
    const side = translationSide(learned, (u) => u, 0.2);
    expect(translationScorer(side.stats, side.table)(query('网店'))[0]).toBeGreaterThan(0);
    expect(translationScorer(side.stats, side.table)(query('网铺'))[0]).toBeGreaterThan(0);
    const off = translationSide(learned, (u) => u, 0);
    expect([...translationScorer(off.stats, off.table)(query('网铺'))]).toEqual([0, 0, 0]);
  });

  it('scores a question the same whatever the scorer has already seen (the per-word memo is exact)', () => {
    const questions = ['网店', '交税怎么申报', '网店交税', '数据管理网店', '火锅网店'];
    const warm = translationScorer(stats, table);
    for (const q of questions) warm(query(q));
    for (const q of [...questions].reverse()) expect([...warm(query(q))]).toEqual([...translationScorer(stats, table)(query(q))]);
    // A repeated word counts twice, memo or not.
    const twice = warm([...query('网店'), ...query('网店')]);
    expect(twice[0]).toBeCloseTo(2 * warm(query('网店'))[0]!, 12);
  });
});
