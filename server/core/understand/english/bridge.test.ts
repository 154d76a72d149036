// The English bridge on the real corpus, real jieba and real CC-CEDICT: the glossary is built exactly
// as the indexer builds it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSenses } from '../../../../indexer/build/cedict.ts';
import { indexConfigFromEnv } from '../../../../indexer/config/index-config.ts';
import { loadCorpus } from '../../../../indexer/build/corpus.ts';
import { userDictionary } from '../../../../indexer/build/dictionary.ts';
import { buildGlossary } from '../../../../indexer/build/glossary.ts';
import { jiebaSegmenter, jiebaTag } from '../../../../indexer/build/segment.ts';
import { unitsOf } from '../../../../indexer/statute/units.ts';
import { isEnglishText } from '../../../../indexer/language/en/detect.ts';
import { stemWords } from '../../../../indexer/language/en/stem.ts';
import { wordTokens } from '../../../../indexer/language/tokens.ts';
import { bridgeEnglish, explainBridge, type Cooccurrence } from './bridge.ts';
import { stemsMatch } from './glossary-index.ts';
import type { Glossary } from '../../../../indexer/format/glossary.ts';

let glossary: Glossary;
let cooccurrence: Cooccurrence;

beforeAll(async () => {
  const regs = (await loadCorpus('corpus')).regulations;
  const segment = jiebaSegmenter(userDictionary(regs, jiebaTag));
  const units = unitsOf(regs);
  glossary = buildGlossary(units, segment, await loadSenses(indexConfigFromEnv().cacheDir));
  const holders = units.map((u) => new Set(wordTokens(segment, u.text)));
  cooccurrence = (a, b) => {
    const withB = holders.filter((h) => h.has(b));
    return withB.length ? withB.filter((h) => h.has(a)).length / withB.length : 0;
  };
}, 60_000);

const top = (question: string, n: number): string[] =>
  bridgeEnglish(question, glossary)
    .terms.slice(0, n)
    .map((t) => t.term);

describe('isEnglishText (the one language detector)', () => {
  it.each([
    ['Who must appoint a data specialist?', true],
    ['chief data officer', true],
    ['What does Article 14 say?', true],
    ['Who appoints the 数据专员?', true],
    ['谁负责任命数据专员？', false],
    ['第十四条说了什么', false],
    ['什么是AI', false],
    ['数据专员 who', false],
    ['14', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isEnglishText(text)).toBe(expected);
  });
});

describe('stems', () => {
  it('stems content words and drops stopwords', () => {
    expect(stemWords('to treat sth by a special process')).toEqual(['treat', 'special', 'process']);
  });

  it('matches equal stems and long prefixes only', () => {
    expect(stemsMatch('specialist', 'special')).toBe(true); // 7 of 10 letters
    expect(stemsMatch('offic', 'offici')).toBe(true); // officer ~ official
    expect(stemsMatch('data', 'data')).toBe(true);
    expect(stemsMatch('data', 'databas')).toBe(false); // prefix shorter than 5 letters
    expect(stemsMatch('commun', 'communist')).toBe(false); // under 70% of the longer
  });
});

describe('glossary', () => {
  it('holds the corpus vocabulary with document frequencies, parts and glosses', () => {
    expect(glossary.units).toBeGreaterThan(100);
    expect(glossary.terms['数据']!.df).toBeGreaterThan(50);
    for (const compound of ['数据专员', '首席数据官', '数据主管部门', '公共数据', '算力']) expect(glossary.terms[compound]).toBeDefined();
    expect(glossary.terms['首席数据官']!.parts).toEqual(['首席', '数据', '官']);
    expect(glossary.terms['数据专员']!.parts).toEqual(['数据', '专员']);
    expect(glossary.glosses['算力']![0]).toBe('comput power');
    expect(glossary.chars['专']!.join(';')).toContain('special');
  });

  it('leaves out overlap artefacts of search-mode segmentation but keeps real parts', () => {
    // 责任人 → 责任 / 任人 / 责任人: 任人 ("to appoint") is never a word of the text.
    expect(glossary.terms['任人']).toBeUndefined();
    // 宽带 occurs only inside 光纤宽带网络, of which it is a real part.
    expect(glossary.terms['宽带']).toBeDefined();
  });

  it('is small, plain JSON', () => {
    const json = JSON.stringify(glossary);
    expect(json.length).toBeLessThan(400_000);
    const copy = JSON.parse(json) as Glossary;
    expect(bridgeEnglish('chief data officer', copy)).toEqual(bridgeEnglish('chief data officer', glossary));
  });
});

describe('bridgeEnglish', () => {
  it('finds the compound for "appoint a data specialist", not word-by-word translations', () => {
    expect(top('who must appoint a data specialist?', 2)).toContain('数据专员');
  });

  it('builds 首席数据官 from 首席 chief + 数据 data + 官 official', () => {
    const b = bridgeEnglish('chief data officer', glossary);
    expect(b.terms[0]!.term).toBe('首席数据官');
    expect(b.covered).toEqual(['chief', 'data', 'officer']);
  });

  it('finds the department in charge of data', () => {
    const terms = top('Which department is in charge of data?', 3);
    expect(terms.some((t) => t === '数据主管部门' || t === '主管部门')).toBe(true);
  });

  it.each([
    ['computing power', '算力', 2],
    ['public data', '公共数据', 1],
    ['data security', '数据安全', 1],
    ['low-altitude economy', '低空经济', 1],
    ['infrastructure', '基础设施', 1],
  ])('%s → %s', (question, term, n) => {
    expect(top(question, n)).toContain(term);
  });

  it('bridges rural broadband', () => {
    const terms = top('rural broadband', 3);
    expect(terms.some((t) => t.includes('宽带') || t.includes('农村'))).toBe(true);
  });

  it('prefers the plain word when the question names nothing more specific', () => {
    // Not 数据处理 "data processing", 数据专员 or 材料 (whose second sense is "data").
    expect(top('What is data?', 1)).toEqual(['数据']);
    // The corpus's own word over a rarer one with the same gloss (治理 "to govern").
    expect(top('government', 1)).toEqual(['政府']);
    // A compound whose other parts the question does not mention ranks below the exact compound.
    const terms = top('public data', 8);
    expect(terms.indexOf('公共数据')).toBeLessThan(terms.indexOf('部门公共数据') === -1 ? Infinity : terms.indexOf('部门公共数据'));
  });

  it('weighs a specific word above a light verb that glosses hundreds of terms', () => {
    // "make" (制造, 制定, 制度…) and "support" gloss a great many corpus words; "drones" one.
    const drones = bridgeEnglish('Does Guiyang support companies making smart cars, robots or drones?', glossary).terms;
    const weight = (term: string) => drones.find((t) => t.term === term)?.weight ?? 0;
    expect(weight('无人机')).toBeGreaterThan(weight('支持'));
    expect(top('Will the city make its roads, water and power systems smarter?', 1)).not.toEqual(['制造']);
  });

  it('returns nothing for words with no counterpart in the corpus', () => {
    const b = bridgeEnglish('purple elephant banana', glossary);
    expect(b.terms).toEqual([]);
    expect(b.covered).toEqual([]);
    expect(b.uncovered).toEqual(['purple', 'elephant', 'banana']);
  });

  it('ignores digits and question words', () => {
    expect(bridgeEnglish('Article 14 of 2024', glossary).terms).toEqual([]);
    expect(bridgeEnglish('', glossary)).toEqual({ terms: [], covered: [], uncovered: [], quality: 0 });
    expect(top('What does Article 14 say about the data specialist?', 2)).toContain('数据专员');
  });

  it('returns at most max terms, best first, weights normalised to 1', () => {
    for (const question of ['county level government responsibilities', 'protect personal information', 'talent cultivation']) {
      const { terms } = bridgeEnglish(question, glossary, 5);
      expect(terms.length).toBeGreaterThan(0);
      expect(terms.length).toBeLessThanOrEqual(5);
      expect(terms[0]!.weight).toBe(1);
      for (let i = 1; i < terms.length; i++) {
        expect(terms[i]!.weight).toBeLessThanOrEqual(terms[i - 1]!.weight);
        expect(terms[i]!.weight).toBeGreaterThan(0);
      }
      expect(new Set(terms.map((t) => t.term)).size).toBe(terms.length);
    }
    expect(bridgeEnglish('chief data officer', glossary, 1).terms).toHaveLength(1);
  });

  it('gives the room to every covered word before alternates of a well-covered one', () => {
    // "data" has compounds to spare (企业数据, 数据企业); the only term for "factories" is 工厂.
    const b = bridgeEnglish('Are data center companies encouraged to build factories and headquarters?', glossary);
    expect(b.terms).toHaveLength(8);
    expect(b.terms.map((t) => t.term)).toContain('工厂');
    expect(b.uncovered).toEqual([]);
  });

  it('reports which question words it covered', () => {
    const b = bridgeEnglish('rural broadband unicorns', glossary);
    expect(b.covered).toEqual(expect.arrayContaining(['broadband']));
    expect(b.uncovered).toContain('unicorns');
  });

  it('explains its candidates', () => {
    const e = explainBridge('data specialist', glossary, 5);
    expect(e.words).toEqual(['data', 'specialist']);
    const specialist = e.candidates.find((c) => c.term === '数据专员')!;
    expect(specialist.cov[0]).toBe(1); // 数据 data
    expect(specialist.cov[1]).toBeGreaterThan(0); // 专 special, through the character
  });
});

describe('senses chosen by the corpus', () => {
  it('takes the sense the units of the question\u2019s other terms use ("plan": 规划, not 计划)', () => {
    const question = "Who approves the province's big data development plan?";
    expect(bridgeEnglish(question, glossary).terms.map((t) => t.term)).toContain('计划');
    const chosen = bridgeEnglish(question, glossary, 8, cooccurrence).terms.map((t) => t.term);
    expect(chosen).toContain('规划');
    expect(chosen).not.toContain('计划');
  });

  it('keeps a sense that covers more than the replaced term (企业 stays beside 数据处理)', () => {
    expect(bridgeEnglish('What must a company that processes important data do?', glossary, 8, cooccurrence).terms.map((t) => t.term)).toContain('企业');
  });
});
