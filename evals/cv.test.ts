// Cross-validation folds over the question log: deterministic, and no model answers what it learned from.
import { describe, expect, it } from 'vitest';
import type { LearnedModel } from '../indexer/learn/artefact.ts';
import { FOLDS, foldModels, foldOf, foldRouter } from './cv.ts';
import { loadSeed } from './dataset.ts';

const seed = await loadSeed();
const words = (text: string) => [...text];
const learned: LearnedModel = {
  log: null,
  unitWords: [words('数据专员'), words('公共数据开放'), words('数据中心用电')],
  questions: seed.slice(0, 30).map((q, i) => ({ text: q.question, words: words(q.question), units: [i % 3] })),
  translation: new Map(),
  reverse: new Map(),
  pivot: new Map([['网店', [['电子商务', 1]]]]),
};

describe('folds over the question log', () => {
  it('puts each question in one fold, the same every time, and uses every fold', () => {
    const folds = seed.map((q) => foldOf(q.question));
    expect(folds).toEqual(seed.map((q) => foldOf(q.question)));
    expect(new Set(folds).size).toBe(FOLDS);
    for (const f of folds) expect(f).toBeGreaterThanOrEqual(0);
  });

  it('retrains each fold model without that fold, keeping what does not come from the log', () => {
    const models = foldModels(learned);
    expect(models).toHaveLength(FOLDS);
    models.forEach((m, k) => {
      expect(m.questions.some((q) => foldOf(q.text) === k)).toBe(false);
      expect(m.questions.length + learned.questions.filter((q) => foldOf(q.text) === k).length).toBe(learned.questions.length);
      expect(m.pivot).toBe(learned.pivot);
      expect(m.unitWords).toBe(learned.unitWords);
    });
    expect(foldModels(learned)).toBe(models);
  });

  it('routes a logged question to its fold and any other to the full model', () => {
    const route = foldRouter(learned);
    const q = learned.questions[3]!.text;
    expect(route(q)).toBe(foldOf(q));
    expect(route('不在日志里的问题')).toBeNull();
  });
});
