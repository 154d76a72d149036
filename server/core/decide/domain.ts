// Which words belong to the corpus's domain: a word's log-odds of appearing in the corpus's own texts
// (its units and the questions it answers) rather than in questions it does not cover (for the project
// corpus: other laws' everyday questions, off-topic questions). Fitted offline with the decision
// model and stored in decision.json; the question's summed log-odds is one of the decision's features.
// Pure.
import type { DomainTable } from '../../../indexer/learn/decision.ts';

/** Log-odds are clipped here: one word the corpus never saw must not outvote all the others. */
export const DOMAIN_CLIP = 4;
/** Additive smoothing of the word counts. */
const SMOOTHING = 0.5;

/** Documents are word sets: a word counts once per document. */
export function domainTable(inDomain: Iterable<Iterable<string>>, outOfDomain: Iterable<Iterable<string>>): DomainTable {
  const count = (docs: Iterable<Iterable<string>>) => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const doc of docs) {
      for (const w of new Set(doc)) {
        counts.set(w, (counts.get(w) ?? 0) + 1);
        total++;
      }
    }
    return { counts, total };
  };
  const pos = count(inDomain);
  const neg = count(outOfDomain);
  const vocabulary = new Set([...pos.counts.keys(), ...neg.counts.keys()]);
  const logOdds = (p: number, n: number) =>
    Math.log((p + SMOOTHING) / (pos.total + SMOOTHING * vocabulary.size)) - Math.log((n + SMOOTHING) / (neg.total + SMOOTHING * vocabulary.size));
  const words: Record<string, number> = {};
  for (const w of [...vocabulary].sort()) words[w] = Math.round(logOdds(pos.counts.get(w) ?? 0, neg.counts.get(w) ?? 0) * 1000) / 1000;
  return { words, unseen: logOdds(0, 0) };
}

/**
 * The words' clipped log-odds summed, over the square root of their number (0 for none). Evidence adds
 * up, as in naive Bayes: a lay question with four of the corpus's words is surer than one with one
 * among fillers, which a mean would not tell apart; the root keeps a long question from winning on
 * length alone (its length is a feature of its own).
 */
export function domainScore(table: DomainTable, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const clip = (x: number) => Math.max(-DOMAIN_CLIP, Math.min(DOMAIN_CLIP, x));
  return words.reduce((s, w) => s + clip(table.words[w] ?? table.unseen), 0) / Math.sqrt(words.length);
}
