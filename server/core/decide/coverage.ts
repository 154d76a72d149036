// How much of what the question asks for appears in a text: the signal behind "the corpus does not
// cover this".
import type { WeightedTerm } from '../retrieve/types.ts';

/**
 * The idf-weighted share of query words that the text contains. Unlike a BM25 score it is comparable
 * across questions, so one calibrated threshold can say "the corpus does not cover this".
 */
export function coverage(words: readonly WeightedTerm[], text: string, idf: (term: string) => number): number {
  // A question that is all frame (什么时候施行？ "when does it take effect?") asks for the frame's own words.
  const allOptional = words.every((w) => w.optional);
  let total = 0;
  let hit = 0;
  for (const { term, weight, optional } of words) {
    if (optional && !allOptional) continue;
    const w = weight * idf(term);
    total += w;
    if (text.includes(term)) hit += w;
  }
  return total === 0 ? 0 : hit / total;
}
