// The answerability decision's parts: coverage, the English bridge's share, the logistic regression, the
// domain words, the features.
import { describe, expect, it } from 'vitest';
import { DECISION_VERSION, FEATURES, parseDecisionModel, type DecisionModel } from '../../../indexer/learn/decision.ts';
import { bridgedEnough } from './answerable.ts';
import { coverage } from './coverage.ts';
import { domainScore, domainTable, DOMAIN_CLIP } from './domain.ts';
import { coveredProbability, decisionFeatures, type DecisionInput } from './features.ts';
import { fitLogistic, predict, type Example } from './logistic.ts';

const idf = (t: string) => ({ 数据专员: 3, 企业: 1, 施行: 2 })[t] ?? 1;

describe('coverage', () => {
  it('is the idf-weighted share of the query words the text contains', () => {
    const words = [{ term: '数据专员', weight: 1 }, { term: '企业', weight: 1 }];
    expect(coverage(words, '明确数据专员', idf)).toBeCloseTo(3 / 4);
    expect(coverage(words, '鼓励企业', idf)).toBeCloseTo(1 / 4);
    expect(coverage(words, '无关', idf)).toBe(0);
  });

  it('leaves optional alternatives out unless the question is all frame', () => {
    const words = [{ term: '企业', weight: 1 }, { term: '施行', weight: 0.8, optional: true }];
    expect(coverage(words, '施行', idf)).toBe(0);
    expect(coverage([{ term: '施行', weight: 0.8, optional: true }], '自公布之日起施行', idf)).toBe(1);
  });

  it('is 0 for a query with no words', () => {
    expect(coverage([], 'anything', idf)).toBe(0);
  });
});

describe('without a calibrated model', () => {
  const query = { words: [], bigrams: [] };
  it('an English question must bridge more of its words than it leaves unbridged', () => {
    expect(bridgedEnough({ ...query, bridged: { covered: 2, uncovered: 1, quality: 0.6 } })).toBe(true);
    expect(bridgedEnough({ ...query, bridged: { covered: 1, uncovered: 1, quality: 0.5 } })).toBe(false);
    // All frame, nothing to bridge: left to coverage.
    expect(bridgedEnough({ ...query, bridged: { covered: 0, uncovered: 0, quality: 0 } })).toBe(true);
  });
});

describe('logistic regression', () => {
  // Coverage-like feature: in-corpus questions mostly high, out-of-corpus mostly low, overlapping.
  const examples: Example[] = [...[0.9, 0.8, 0.7, 0.6, 0.3].map((x): Example => ({ x: [x, 1], y: 1 })), ...[0.4, 0.2, 0.1, 0.1, 0].map((x): Example => ({ x: [x, 1], y: 0 }))];

  it('learns the direction of a signal and gives probabilities', () => {
    const model = fitLogistic(examples, { l2: 0.01 });
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(predict(model, [0.9, 1])).toBeGreaterThan(0.5);
    expect(predict(model, [0.05, 1])).toBeLessThan(0.5);
    // A constant feature carries nothing.
    expect(Math.abs(model.weights[1]!)).toBeLessThan(1e-9);
  });

  it('is deterministic, and the penalty shrinks the weights', () => {
    expect(fitLogistic(examples, { l2: 0.01 })).toEqual(fitLogistic(examples, { l2: 0.01 }));
    expect(Math.abs(fitLogistic(examples, { l2: 10 }).weights[0]!)).toBeLessThan(Math.abs(fitLogistic(examples, { l2: 0.01 }).weights[0]!));
  });

  it('weighs examples: a heavier class pulls the boundary its way', () => {
    const heavy = fitLogistic(examples.map((e) => ({ ...e, weight: e.y ? 5 : 1 })), { l2: 0.01 });
    expect(predict(heavy, [0.35, 1])).toBeGreaterThan(predict(fitLogistic(examples, { l2: 0.01 }), [0.35, 1]));
  });

  it('needs both classes', () => {
    expect(() => fitLogistic(examples.filter((e) => e.y === 1))).toThrow(/both classes/);
  });
});

describe('domain words', () => {
  const table = domainTable([['数据', '开放'], ['数据', '安全'], ['数据', '共享']], [['离婚', '孩子'], ['离婚', '房子'], ['数据', '离婚']]);

  it('scores the corpus’s own words up and the other questions’ words down', () => {
    expect(table.words['数据']).toBeGreaterThan(0);
    expect(table.words['离婚']).toBeLessThan(0);
    expect(domainScore(table, ['数据', '开放'])).toBeGreaterThan(domainScore(table, ['离婚', '孩子']));
  });

  it('adds up the evidence of several domain words, over the root of their number', () => {
    const one = domainScore(table, ['数据']);
    expect(domainScore(table, ['数据', '数据', '数据', '数据'])).toBeCloseTo(2 * one, 12);
    // A domain word among unseen fillers counts for less than on its own, not for nothing.
    const diluted = domainScore(table, ['数据', '火锅', '火锅', '火锅']);
    expect(diluted).toBeCloseTo((one + 3 * table.unseen) / 2, 12);
  });

  it('clips each word and counts an unseen word at the table’s unseen value', () => {
    expect(domainScore({ words: { a: 100 }, unseen: 0 }, ['a'])).toBe(DOMAIN_CLIP);
    expect(domainScore(table, ['火锅'])).toBeCloseTo(table.unseen, 12);
    expect(domainScore(table, [])).toBe(0);
  });
});

describe('decision features and model', () => {
  const base: DecisionInput = {
    words: [{ term: '数据', weight: 1 }, { term: '专员', weight: 1 }, { term: '施行', weight: 0.8, optional: true }],
    clause: '县级以上人民政府有关部门应当明确数据专员',
    idf: (t) => (t === '数据' ? 1 : 3),
    known: (t) => t !== '火锅',
    translation: 1.5,
    namesRegulation: false,
    frame: true,
    english: false,
    dense: null,
    domain: null,
  };

  it('measure coverage and known words over the content words, frame words aside', () => {
    const f = decisionFeatures(base);
    expect(f.coverage).toBe(1);
    expect(f.known).toBe(1);
    expect(f.words).toBeCloseTo(Math.log1p(2), 12);
    expect(f.frame).toBe(1);
    expect(f.bridged).toBe(1);
    const hotpot = decisionFeatures({ ...base, words: [{ term: '数据', weight: 1 }, { term: '火锅', weight: 1 }], clause: '数据' });
    expect(hotpot.known).toBeCloseTo(1 / 4, 12);
    expect(hotpot.coverage).toBeCloseTo(1 / 4, 12);
    expect(decisionFeatures({ ...base, clause: null }).coverage).toBe(0);
  });

  it('take the English bridge’s quality, and nothing to bridge as fully bridged', () => {
    expect(decisionFeatures({ ...base, english: true, bridged: { covered: 2, uncovered: 1, quality: 0.6 } }).bridged).toBe(0.6);
    expect(decisionFeatures({ ...base, english: true, bridged: { covered: 0, uncovered: 0, quality: 0 } }).bridged).toBe(1);
  });

  const model: DecisionModel = {
    version: DECISION_VERSION,
    features: [...FEATURES],
    mean: FEATURES.map(() => 0),
    scale: FEATURES.map(() => 1),
    weights: FEATURES.map((f) => (f === 'coverage' ? 4 : f === 'dense' ? 10 : 0)),
    bias: -2,
    domain: { words: {}, unseen: 0 },
    fusion: { translationWeight: 0.8, reverseWeight: 0, neighbourWeight: 0, regulationWeight: 0 },
    threshold: 0.5,
    fitted: { at: '2026-12-01T00:00:00.000Z', positives: 1, negatives: { offtopic: 1 }, notes: 'test' },
  };

  it('a missing feature (no vectors) counts as its training mean', () => {
    const f = decisionFeatures(base);
    expect(coveredProbability(model, f)).toBeCloseTo(1 / (1 + Math.exp(-(4 - 2))), 12);
    expect(coveredProbability(model, { ...f, dense: 1 })).toBeGreaterThan(coveredProbability(model, f));
  });

  it('decision.json: null means no model, and a model over other features is refused', () => {
    expect(parseDecisionModel('null', 'decision.json')).toBeNull();
    expect(parseDecisionModel(JSON.stringify(model), 'decision.json')).toEqual(model);
    expect(() => parseDecisionModel(JSON.stringify({ ...model, features: ['coverage'] }), 'decision.json')).toThrow(/delete it and refit/);
    // A model fitted when the features meant something else is refused, not misread.
    expect(() => parseDecisionModel(JSON.stringify({ ...model, version: 1 }), 'decision.json')).toThrow(/version 1, this build reads 2.*delete it and refit/);
    expect(() => parseDecisionModel('{', 'decision.json')).toThrow(/decision.json: invalid JSON/);
  });
});
