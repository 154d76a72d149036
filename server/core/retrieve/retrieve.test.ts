// The retrieval stages on a tiny real index (real parser, real jieba, real MiniSearch).
import { describe, expect, it } from 'vitest';
import { CITY, PROVINCE, tinyIndex } from '../../node/tiny-index.ts';
import { NO_CONTEXT } from '../conversation/context.ts';
import { DEFAULT_TUNING } from '../tuning.ts';
import { parseQuestion } from '../understand/question.ts';
import { fuseRrf } from './fuse.ts';
import { baselineSearch, documentFrequency, lexicalSearch } from './lexical.ts';
import { queryBuilder } from './query.ts';
import { guardedDense, ranker } from './rank.ts';
import { boostCited, definesTerm, requireWords, rerankForKind } from './rerank.ts';
import { questionWords } from './types.ts';
import { rollUp } from './rollup.ts';

const tiny = tinyIndex();
const { view, segment } = tiny;
const queries = queryBuilder(view, segment, tiny.coined, DEFAULT_TUNING);
const ids = (hits: { unit: number }[]) => hits.map((h) => view.units[h.unit]!.id);
const parsed = (q: string) => parseQuestion(q, view.data.regulations);

describe('reciprocal rank fusion', () => {
  it('sums 1/(k+rank) over the lists, so agreement beats one list\'s top', () => {
    const fused = fuseRrf([[{ unit: 1, score: 9 }, { unit: 2, score: 8 }], [{ unit: 3, score: 0.9 }, { unit: 2, score: 0.8 }]], 60);
    expect(fused.map((h) => h.unit)).toEqual([2, 1, 3]);
    expect(fused[0]!.score).toBeCloseTo(2 / 62);
    expect(fused[1]!.score).toBeCloseTo(1 / 61);
  });
});

describe('lexical search', () => {
  it('ranks the clause with the query\'s rare word first and keeps to the filter', () => {
    const query = queries.queryOf(parsed('数据专员'), NO_CONTEXT);
    expect(ids(lexicalSearch(view.data.lexical, view.units, query))[0]).toBe(`${CITY}/6`);
    const inProvince = lexicalSearch(view.data.lexical, view.units, queries.queryOf(parsed('建立制度'), NO_CONTEXT), (u) => u.regulationId === PROVINCE);
    expect(inProvince.length).toBeGreaterThan(0);
    expect(inProvince.every((h) => view.units[h.unit]!.regulationId === PROVINCE)).toBe(true);
  });

  it('normalises the word side to 1 at its best hit; the bigram side adds at most its weight', () => {
    const hits = lexicalSearch(view.data.lexical, view.units, queries.queryOf(parsed('首席数据官'), NO_CONTEXT));
    expect(ids(hits)[0]).toBe(`${CITY}/4`);
    expect(hits[0]!.score).toBeLessThanOrEqual(1 + DEFAULT_TUNING.bigramWeight + 1e-9);
    expect(hits[0]!.score).toBeGreaterThan(1);
  });

  it('the baseline searches plain words and finds nothing for none', () => {
    expect(baselineSearch(view.data.lexical, [])).toEqual([]);
    expect(ids(baselineSearch(view.data.lexical, ['网信']))).toEqual([`${PROVINCE}/3`]);
  });

  it('counts the units a word occurs in', () => {
    expect(documentFrequency(view.data.lexical, '网信')).toBe(1);
    expect(documentFrequency(view.data.lexical, '不存在的词')).toBe(0);
    expect(view.idf('网信')).toBeGreaterThan(view.idf('数据'));
  });
});

describe('the query', () => {
  it('a self-contained question searches its content words at weight 1, without modal verbs', () => {
    const q = queries.queryOf(parsed('谁应当明确数据专员？'), NO_CONTEXT);
    expect(q.words).toContainEqual({ term: '专员', weight: 1 });
    expect(q.words.map((w) => w.term)).not.toContain('应当');
    expect(q.required).toBeUndefined();
  });

  it('a follow-up weighs its own words above the earlier topic and requires them', () => {
    const context = { ...NO_CONTEXT, previousQuestion: '谁应当明确数据专员？' };
    const q = queries.queryOf(parsed('那企业呢？'), context);
    const weight = (t: string) => q.words.find((w) => w.term === t)?.weight;
    expect(weight('企业')).toBe(DEFAULT_TUNING.followUp.newWords);
    expect(weight('专员')).toBe(DEFAULT_TUNING.followUp.oldTopic);
    expect(q.required).toContain('企业');
  });

  it('a place that named a regulation is not a search word', () => {
    const p = parsed('某市有什么规定');
    expect(queries.withoutPlaces({ ...p, regulationIds: [CITY] }, ['某市', '规定'])).toEqual(['规定']);
  });

  it('the place that chose the scope is left out of the search but kept among the question\'s words', () => {
    const own = ['某市', '数据', '专员'];
    const q = queries.queryOf({ ...parsed('某市数据专员'), regulationIds: [CITY] }, NO_CONTEXT, own);
    expect(q.words.map((w) => w.term)).toEqual(['数据', '专员']);
    expect(q.bigrams).not.toContain('某市');
    expect(questionWords(q).map((w) => w.term)).toEqual(['数据', '专员', '某市']);
    // A question of nothing but its place still searches for the place.
    const only = queries.queryOf({ ...parsed('某市'), regulationIds: [CITY] }, NO_CONTEXT, ['某市']);
    expect(only.words.map((w) => w.term)).toEqual(['某市']);
    expect(only.placeWords).toBeUndefined();
  });
});

describe('reranking by the question\'s shape', () => {
  it('recognises a defining clause', () => {
    expect(definesTerm('公共数据')('本条例所称公共数据，是指…')).toBe(true);
    expect(definesTerm('公共数据')('公共数据，是指…')).toBe(true);
    expect(definesTerm('公共数据')('加强公共数据管理')).toBe(false);
    expect(definesTerm('数据(共享)')('数据(共享)，是指…')).toBe(true);
  });

  it('a duty question lifts the clause where the actor is responsible (负责) above its other duties', () => {
    const p = { ...parsed('数据主管部门有哪些职责？'), actor: '数据主管部门' };
    const hits = [{ unit: tiny.unit(`${CITY}/3/2`), score: 1 }, { unit: tiny.unit(`${CITY}/3/1`), score: 1 }, { unit: tiny.unit(`${CITY}/4`), score: 1.5 }];
    const out = rerankForKind(view, hits, p, queries.queryOf(p, NO_CONTEXT), DEFAULT_TUNING);
    expect(ids(out)).toEqual([`${CITY}/3/1`, `${CITY}/3/2`, `${CITY}/4`]);
    expect(out[0]!.score).toBeCloseTo(DEFAULT_TUNING.actorBoost * DEFAULT_TUNING.responsibilityBoost);
  });

  it('never boosts a split article as a whole for what one paragraph says', () => {
    const p = { ...parsed('数据主管部门有哪些职责？'), actor: '数据主管部门' };
    const out = rerankForKind(view, [{ unit: tiny.unit(`${CITY}/3`), score: 1 }], p, queries.queryOf(p, NO_CONTEXT), DEFAULT_TUNING);
    expect(out[0]!.score).toBe(1);
  });

  it('required words drop units without them, and everything stays when none has them', () => {
    const hits = [{ unit: tiny.unit(`${CITY}/6`), score: 2 }, { unit: tiny.unit(`${CITY}/4`), score: 1 }];
    expect(ids(requireWords(view, hits, ['企业']))).toEqual([`${CITY}/4`]);
    expect(requireWords(view, hits, ['县里'])).toEqual(hits);
  });

  it('the previously cited article is boosted within its regulation only', () => {
    const hits = [{ unit: tiny.unit(`${CITY}/4`), score: 1.2 }, { unit: tiny.unit(`${PROVINCE}/2`), score: 1.1 }, { unit: tiny.unit(`${CITY}/2`), score: 1 }];
    const context = { ...NO_CONTEXT, citedArticles: [{ regulationId: CITY, ref: { article: 2, sub: 0, paragraph: null } }] };
    expect(ids(boostCited(view, hits, context, 1.5))).toEqual([`${CITY}/2`, `${CITY}/4`, `${PROVINCE}/2`]);
  });
});

describe('roll-up to articles', () => {
  const article = tiny.unit(`${CITY}/3`);
  const para = tiny.unit(`${CITY}/3/2`);
  it('an article scores as its best unit and cites the paragraph that carries the match', () => {
    const [hit] = rollUp([{ unit: article, score: 1 }, { unit: para, score: 0.9 }], view.units, view.articleUnitOf, 0.85);
    expect(hit).toMatchObject({ key: `${CITY}/3`, unit: article, paragraphUnit: para, score: 1 });
  });

  it('cites the whole article when no paragraph comes close', () => {
    const [hit] = rollUp([{ unit: article, score: 1 }, { unit: para, score: 0.5 }], view.units, view.articleUnitOf, 0.85);
    expect(hit!.paragraphUnit).toBeNull();
  });

  it('one hit per article, best first', () => {
    const hits = rollUp([{ unit: tiny.unit(`${CITY}/4`), score: 0.3 }, { unit: para, score: 0.6 }, { unit: tiny.unit(`${CITY}/3/1`), score: 0.5 }], view.units, view.articleUnitOf, 0.85);
    expect(hits.map((h) => h.key)).toEqual([`${CITY}/3`, `${CITY}/4`]);
  });
});

describe('ranking one question', () => {
  const dense = guardedDense(null, 10, () => {});
  const rank = ranker(view, segment, dense, DEFAULT_TUNING);
  it('searches only the scope and returns article hits', async () => {
    const p = parsed('建立制度');
    const hits = await rank({ parsed: p, query: queries.queryOf(p, NO_CONTEXT), scope: [PROVINCE], context: NO_CONTEXT, mode: 'bm25' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.regulationId === PROVINCE)).toBe(true);
  });

  it('a dense search that fails costs the dense side only and says why once', async () => {
    const warnings: string[] = [];
    const failing = guardedDense(async () => { throw new Error('model gone'); }, 10, (l) => warnings.push(l));
    expect(await failing.search('x')).toEqual([]);
    expect(await failing.search('y')).toEqual([]);
    expect(failing.failure()).toContain('model gone');
    expect(warnings).toHaveLength(1);
    const hybrid = ranker(view, segment, failing, DEFAULT_TUNING);
    const p = parsed('数据专员');
    const hits = await hybrid({ parsed: p, query: queries.queryOf(p, NO_CONTEXT), scope: [], context: NO_CONTEXT, mode: 'hybrid' });
    expect(hits[0]!.key).toBe(`${CITY}/6`);
  });
});
