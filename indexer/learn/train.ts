// The log → the translation table the query side scores with: IBM Model 1 over (statute words of the
// answering unit → the question's words), inverted so that each question word lists the statute
// words that translate into it. Pure and deterministic.
import type { LoggedQuestionWords, WordTable } from './artefact.ts';
import { NULL_WORD, trainIbm1, type Ibm1Options, type TranslationRows } from './ibm1.ts';

/** A question word keeps its most probable statute words only: scoring cost grows with each one. */
export const TRANSLATIONS_PER_WORD = 20;

/**
 * Both directions of the table, keyed by question word: `translation` holds p(question word | statute
 * word) (statute sentences generate the questions), `reverse` p(statute word | question word).
 */
export function trainTranslation(
  questions: readonly Pick<LoggedQuestionWords, 'words' | 'units'>[],
  unitWords: readonly (readonly string[])[],
  options: Partial<Ibm1Options> = {},
): { translation: WordTable; reverse: WordTable } {
  const pairs = questions.flatMap((q) => q.units.map((u) => ({ source: unitWords[u] ?? [], target: q.words })));
  const translation = invertRows(trainIbm1(pairs, options), TRANSLATIONS_PER_WORD);
  const reverse: WordTable = new Map();
  for (const [word, row] of trainIbm1(pairs.map((p) => ({ source: p.target, target: p.source })), options)) {
    if (word !== NULL_WORD) reverse.set(word, row.slice(0, TRANSLATIONS_PER_WORD));
  }
  return { translation, reverse };
}

/**
 * source → [target, p(target|source)] rows into target → [source, p], the `keep` most probable per
 * target; NULL explains no unit, so it is left out.
 */
export function invertRows(rows: TranslationRows, keep = Infinity): WordTable {
  const out: WordTable = new Map();
  for (const [source, row] of rows) {
    if (source === NULL_WORD) continue;
    for (const [target, p] of row) {
      let list = out.get(target);
      if (!list) out.set(target, (list = []));
      list.push([source, p]);
    }
  }
  for (const [target, list] of out) out.set(target, list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep));
  return out;
}
