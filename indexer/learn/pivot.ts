// CC-CEDICT pivot synonyms: a word → its English glosses → the corpus words that share one of them
// (种地 "to farm" → 农业; 生意 "business" → 商业, 业务). A lay word the statutes never use, and no
// logged question taught, still reaches the statutes' wording. Pure: the glosses come in as a function.
import type { Glossary } from '../format/glossary.ts';
import type { WordTable } from './artefact.ts';

/** At most this many synonyms per word (the best-ranked senses first). */
export const PIVOT_MAX = 3;

/**
 * For every candidate word of two or more characters, the corpus terms (other than itself) whose
 * glosses share a whole gloss variant with one of its senses; weight 1 / (1 + sense rank).
 */
export function pivotSynonyms(glossary: Glossary, candidates: Iterable<string>, glosses: (word: string) => readonly string[], max = PIVOT_MAX): WordTable {
  const byVariant = new Map<string, string[]>();
  for (const term of Object.keys(glossary.terms).sort()) {
    if ([...term].length < 2) continue;
    for (const sense of glossary.glosses[term] ?? []) {
      for (const variant of sense.split(';')) {
        const list = byVariant.get(variant);
        if (!list) byVariant.set(variant, [term]);
        else if (list.at(-1) !== term) list.push(term);
      }
    }
  }
  const out: WordTable = new Map();
  for (const word of [...new Set(candidates)].sort()) {
    if ([...word].length < 2) continue;
    const found = new Map<string, number>();
    glosses(word).forEach((sense, rank) => {
      for (const variant of sense.split(';')) {
        for (const term of byVariant.get(variant) ?? []) if (term !== word) found.set(term, Math.max(found.get(term) ?? 0, 1 / (1 + rank)));
      }
    });
    const best = [...found].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
    if (best.length > 0) out.set(word, best);
  }
  return out;
}
