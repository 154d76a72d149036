// Reciprocal rank fusion of lexical and dense hits: robust to the two sides' incomparable score scales.
import type { UnitHit } from './types.ts';

export function fuseRrf(lists: UnitHit[][], k: number): UnitHit[] {
  const scores = new Map<number, number>();
  for (const list of lists) list.forEach((hit, rank) => scores.set(hit.unit, (scores.get(hit.unit) ?? 0) + 1 / (k + rank + 1)));
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}
