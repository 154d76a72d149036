import { describe, expect, it } from 'vitest';
import { growthExponent, median, percentile, recallAtK, summarize } from './stats.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('returns observed samples at the usual ranks', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });

  it('rounds the rank up on small samples, so p99 of ten samples is the largest', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 99)).toBe(10);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile([7], 50)).toBe(7);
  });

  it('is NaN for no samples and rejects a p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts a copy and leaves the input alone', () => {
    const samples = [5, 1, 4, 2, 3];
    const s = summarize(samples);
    expect(s).toEqual({ n: 5, mean: 3, min: 1, p50: 3, p95: 5, p99: 5, max: 5 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('keeps percentiles ordered on skewed data', () => {
    const s = summarize([...Array.from({ length: 990 }, () => 1), ...Array.from({ length: 10 }, () => 100)]);
    expect(s.p50).toBe(1);
    expect(s.p95).toBe(1);
    expect(s.p99).toBe(1);
    expect(s.max).toBe(100);
    expect(s.mean).toBeCloseTo(1.99);
  });

  it('reports an empty sample set as NaN, not zero', () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(s.p50).toBeNaN();
    expect(s.mean).toBeNaN();
  });

  it('median matches p50', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('recallAtK', () => {
  it('is the mean share of the true neighbours found', () => {
    const truth = [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ];
    expect(recallAtK(truth, [[4, 3, 2, 1], [5, 6, 0, 0]], 4)).toBeCloseTo(0.75);
  });

  it('cuts both lists at k and scores short truths against their own length', () => {
    expect(recallAtK([[1, 2, 3]], [[9, 1, 2]], 2)).toBe(0.5);
    expect(recallAtK([[1]], [[1, 2, 3]], 10)).toBe(1);
  });

  it('refuses mismatched query counts', () => {
    expect(() => recallAtK([[1]], [], 1)).toThrow();
  });
});

describe('growthExponent', () => {
  it('recovers the exponent of a power law', () => {
    expect(growthExponent([1e4, 1e5, 1e6].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1);
    expect(growthExponent([1e4, 1e5, 1e6].map((x) => ({ x, y: Math.log(x) })))).toBeLessThan(0.2);
    expect(growthExponent([{ x: 10, y: 1 }])).toBeNaN();
  });
});
