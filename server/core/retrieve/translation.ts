// Translation language-model retrieval (Berger & Lafferty 1999; Xue, Jeon & Croft 2008): a unit is
// scored by how likely it is to "generate" the question, where a statute word may generate a lay word
// through a learned translation table (IBM Model 1 over the question log):
//
//   p(q | d) = Π_w [ (1-λ) p_mx(w|d) + λ p(w|C) ]
//   p_mx(w|d) = (1-β) p_ml(w|d) + β Σ_t p(w|t) p_ml(t|d)
//
// The background term is the same for every unit, so the score is kept relative to a unit that
// explains nothing: Σ_w log(1 + (1-λ) p_mx(w|d) / (λ p(w|C))). It is 0 for units that match nothing,
// which keeps scoring sparse (only units holding a word or one of its translations are touched).
// Pure and edge-safe.
import type { LearnedModel, WordTable } from '../../../indexer/learn/artefact.ts';

export interface TranslationParams {
  /** Jelinek-Mercer weight of the collection model. */
  lambda: number;
  /** Weight of translated evidence against the word's own occurrences (self-translation mixing). */
  beta: number;
}

export const TRANSLATION_DEFAULTS: TranslationParams = { lambda: 0.5, beta: 0.5 };

/** Question word → the statute words that translate into it, with p(question word | statute word). */
export type InverseTable = ReadonlyMap<string, readonly (readonly [string, number])[]>;

/** The corpus side: term statistics of the retrievable units (same words as the lexical index). */
export interface TermStats {
  units: number;
  /** Units containing a word, with its count there; parallel arrays. */
  postings(word: string): { units: ArrayLike<number>; tf: ArrayLike<number> } | undefined;
  /** Content words of a unit. */
  length(unit: number): number;
  /** Collection probability of a word (count over all units / all words), 0 when absent. */
  collection(word: string): number;
}

export interface QueryWord {
  term: string;
  /** The word's share of the query likelihood (a learned or given term weight); 1 by default. */
  weight: number;
}

/** Scores every unit for the question words: a dense array indexed by unit, 0 for units that explain none. */
export type TranslationScorer = (words: readonly QueryWord[]) => Float64Array;

/** One word's evidence: the units it touches, in first-touch order, and its score there before weighting. */
interface WordEvidence {
  units: Int32Array;
  gain: Float64Array;
}

/** Words whose evidence is kept; past this the memo starts over (questions bring unbounded vocabulary). */
const MEMO_WORDS = 20_000;

/**
 * The scorer of one corpus side and table. Repeats count, as in a query likelihood. A word's evidence
 * (its own and its translations' occurrences, smoothed) is the same in every question, so it is worked
 * out once per word and kept: a question then costs one pass over the units each of its words touches.
 */
export function translationScorer(stats: TermStats, table: InverseTable, params: TranslationParams = TRANSLATION_DEFAULTS): TranslationScorer {
  const memo = new Map<string, WordEvidence | null>();
  const mix = new Float64Array(stats.units);
  const evidenceOf = (w: string): WordEvidence | null => {
    let ev = memo.get(w);
    if (ev !== undefined) return ev;
    if (memo.size >= MEMO_WORDS) memo.clear();
    memo.set(w, (ev = evidence(w, stats, table, params, mix)));
    return ev;
  };
  return (words) => {
    const scores = new Float64Array(stats.units);
    for (const { term, weight } of words) {
      const ev = evidenceOf(term);
      if (!ev) continue;
      const { units, gain } = ev;
      for (let i = 0; i < units.length; i++) scores[units[i]!]! += weight * gain[i]!;
    }
    return scores;
  };
}

/** `mix`: a zeroed scratch array over units, left zeroed. Null for a word with no background probability. */
function evidence(w: string, stats: TermStats, table: InverseTable, { lambda, beta }: TranslationParams, mix: Float64Array): WordEvidence | null {
  const translations = table.get(w) ?? [];
  const own = stats.postings(w);
  // The collection model is smoothed the same way, so a lay word the statutes never use still has
  // a background probability through its translations.
  let background = (1 - beta) * stats.collection(w);
  for (const [t, p] of translations) background += beta * p * stats.collection(t);
  if (background <= 0) return null;
  const touched: number[] = [];
  const add = (list: { units: ArrayLike<number>; tf: ArrayLike<number> }, weight: number) => {
    for (let i = 0; i < list.units.length; i++) {
      const u = list.units[i]!;
      if (mix[u] === 0) touched.push(u);
      mix[u]! += (weight * list.tf[i]!) / stats.length(u);
    }
  };
  if (own) add(own, 1 - beta);
  for (const [t, p] of translations) {
    const list = stats.postings(t);
    if (list) add(list, beta * p);
  }
  const scale = (1 - lambda) / (lambda * background);
  const gain = new Float64Array(touched.length);
  touched.forEach((u, i) => {
    gain[i] = Math.log1p(scale * mix[u]!);
    mix[u] = 0;
  });
  return { units: Int32Array.from(touched), gain };
}

/** TermStats over pre-tokenised units (content words per unit). */
export function termStats(unitWords: readonly (readonly string[])[]): TermStats {
  const postings = new Map<string, { units: number[]; tf: number[] }>();
  const counts = new Map<string, number>();
  const lengths = new Float64Array(unitWords.length);
  let total = 0;
  unitWords.forEach((words, u) => {
    lengths[u] = Math.max(1, words.length);
    total += words.length;
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, n] of tf) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = { units: [], tf: [] }));
      list.units.push(u);
      list.tf.push(n);
      counts.set(w, (counts.get(w) ?? 0) + n);
    }
  });
  return {
    units: unitWords.length,
    postings: (w) => postings.get(w),
    length: (u) => lengths[u]!,
    collection: (w) => (counts.get(w) ?? 0) / Math.max(1, total),
  };
}

export interface TranslationSide {
  stats: TermStats;
  table: InverseTable;
}

/**
 * The query side of a learned model. The documents are whole articles (and sections): an article's
 * context decides what it is about, the lexical side which paragraph carries the match, so a
 * paragraph unit has no document of its own (`articleOf` maps it to its article). Each logged
 * question's words join the article that answers it (document expansion: the clause is also described
 * in its askers' words), and the CC-CEDICT pivot synonyms join the learned translations at
 * `pivotWeight` (0: off).
 */
export function translationSide(
  learned: Pick<LearnedModel, 'unitWords' | 'questions' | 'translation' | 'pivot'>,
  articleOf: (unit: number) => number,
  pivotWeight: number,
): TranslationSide {
  const documents = learned.unitWords.map((words, u) => (articleOf(u) === u ? [...words] : []));
  for (const q of learned.questions) for (const u of q.units) documents[articleOf(u)]?.push(...q.words);
  return { stats: termStats(documents), table: pivotWeight > 0 ? withPivot(learned.translation, learned.pivot, pivotWeight) : learned.translation };
}

function withPivot(translation: WordTable, pivot: WordTable, weight: number): WordTable {
  const out: WordTable = new Map(translation);
  for (const [word, synonyms] of pivot) out.set(word, [...(out.get(word) ?? []), ...synonyms.map(([t, w]) => [t, weight * w] as [string, number])]);
  return out;
}
