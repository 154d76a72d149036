import { describe, expect, it } from 'vitest';
import { trainTranslation } from '../../../indexer/learn/train.ts';
import { jiebaSegmenter } from '../../../indexer/build/segment.ts';
import { wordTokens } from '../../../indexer/language/tokens.ts';
import { termStats, translationScores, translationSide, type QueryWord } from './translation.ts';

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
    const scores = translationScores(query('网店'), stats, table);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[2]).toBe(0);
  });

  it('ranks the clause that explains the lay question first', () => {
    const scores = [...translationScores(query('交税怎么申报'), stats, table)];
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it('without translation (beta 0) is the plain query likelihood of the own words', () => {
    expect([...translationScores(query('网店'), stats, table, { lambda: 0.5, beta: 0 })]).toEqual([0, 0, 0]);
    const own = translationScores(query('数据管理'), stats, table, { lambda: 0.5, beta: 0 });
    expect(own[2]).toBeGreaterThan(0);
    expect(own[0]).toBe(0);
  });

  it('weights each word by its term weight', () => {
    const full = translationScores(query('网店'), stats, table);
    const half = translationScores([{ term: '网店', weight: 0.5 }], stats, table);
    expect(half[0]).toBeCloseTo(full[0]! / 2, 12);
  });

  it('ignores words neither the corpus nor the table knows', () => {
    expect([...translationScores(query('火锅'), stats, table)]).toEqual([0, 0, 0]);
  });

  it('adds the askers\' words to the clauses they asked about, and pivot synonyms at their weight', () => {
    const learned = { unitWords: UNITS.map(words), questions: [{ text: '开网店', words: words('开网店'), units: [0] }], translation: new Map(), reverse: new Map(), pivot: new Map([['网铺', [['电子商务', 1]] as [string, number][]]]) };
    const side = translationSide(learned, (u) => u, 0.2);
    expect(translationScores(query('网店'), side.stats, side.table)[0]).toBeGreaterThan(0);
    expect(translationScores(query('网铺'), side.stats, side.table)[0]).toBeGreaterThan(0);
    const off = translationSide(learned, (u) => u, 0);
    expect([...translationScores(query('网铺'), off.stats, off.table)]).toEqual([0, 0, 0]);
  });
});
