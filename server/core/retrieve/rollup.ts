// Unit hits → article hits: an article scores as its best unit and cites a paragraph when the match
// lives in one 款.
import { articleKey } from '../../../indexer/statute/model.ts';
import type { Unit } from '../../../indexer/statute/units.ts';
import type { ArticleHit, UnitHit } from './types.ts';

/** Per unit, remembered: rolling up builds it for every hit of every question. */
const articleKeys = new WeakMap<Unit, string>();
function articleKeyOf(u: Unit): string {
  let key = articleKeys.get(u);
  if (key === undefined) articleKeys.set(u, (key = `${u.regulationId}/${u.article === null ? u.label : articleKey({ n: u.article, sub: u.sub })}`));
  return key;
}

/**
 * An article scores as its best unit; it cites a paragraph when the best paragraph scores at least
 * `paragraphPreference` of the whole article.
 */
export function rollUp(hits: readonly UnitHit[], units: readonly Unit[], articleUnitOf: (u: Unit) => number, paragraphPreference: number): ArticleHit[] {
  const byKey = new Map<string, { whole: UnitHit | null; part: UnitHit | null; regulationId: string; articleUnit: number }>();
  for (const hit of hits) {
    const u = units[hit.unit]!;
    const key = articleKeyOf(u);
    const isPart = u.kind === 'paragraph';
    const entry = byKey.get(key) ?? { whole: null, part: null, regulationId: u.regulationId, articleUnit: isPart ? articleUnitOf(u) : hit.unit };
    if (isPart ? !entry.part || entry.part.score < hit.score : !entry.whole || entry.whole.score < hit.score) {
      if (isPart) entry.part = hit;
      else entry.whole = hit;
    }
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .map(([key, e]) => {
      const wholeScore = e.whole?.score ?? 0;
      const cite = e.part && e.part.score >= paragraphPreference * wholeScore ? e.part : null;
      return { key, regulationId: e.regulationId, unit: e.articleUnit, paragraphUnit: cite?.unit ?? null, score: Math.max(wholeScore, e.part?.score ?? 0) };
    })
    .sort((a, b) => b.score - a.score);
}
