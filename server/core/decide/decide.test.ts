// Answerability: idf-weighted coverage and the English bridge's share, on hand-built queries.
import { describe, expect, it } from 'vitest';
import { bridgedEnough, isAnswerable } from './answerable.ts';
import { coverage } from './coverage.ts';

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

describe('answerable', () => {
  const query = { words: [], bigrams: [] };
  it('needs a selection that covers the question at the threshold', () => {
    expect(isAnswerable(1, 0.2, query, 0.2)).toBe(true);
    expect(isAnswerable(1, 0.19, query, 0.2)).toBe(false);
    expect(isAnswerable(0, 1, query, 0.2)).toBe(false);
  });

  it('an English question must bridge more of its words than it leaves unbridged', () => {
    expect(bridgedEnough({ ...query, bridged: { covered: 2, uncovered: 1 } })).toBe(true);
    expect(bridgedEnough({ ...query, bridged: { covered: 1, uncovered: 1 } })).toBe(false);
    // All frame, nothing to bridge: left to coverage.
    expect(bridgedEnough({ ...query, bridged: { covered: 0, uncovered: 0 } })).toBe(true);
    expect(isAnswerable(1, 0.9, { ...query, bridged: { covered: 0, uncovered: 2 } }, 0.2)).toBe(false);
  });
});
