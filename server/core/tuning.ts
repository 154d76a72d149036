// Every number that shapes ranking and answering, in one documented object (callers override a part
// and keep the documented defaults). Values were tuned on the seed dev split; change them only with
// `npm run eval` before and after.

export interface Tuning {
  /** Below this coverage the corpus is taken not to cover the question (npm run eval -- --calibrate). */
  foundThreshold: number;
  /** At most this many clauses are cited. */
  maxCitations: number;
  /** Further articles are kept only while they score this close to the best one… */
  relativeScore: number;
  /** …and only while they cover the question nearly as well (share of the best article's coverage). */
  coverageBand: number;
  /** Dense neighbours fetched per question before fusion. */
  denseCandidates: number;
  /** Lexical hits fused with the dense ones (reciprocal rank fusion). */
  fusedLexical: number;
  /** RRF's k: how flat the rank discount is. */
  rrfK: number;
  /** Bigram side of the lexical score, relative to the word side (each normalised by its best hit). */
  bigramWeight: number;
  /**
   * Lexical hits ranked per question (top k; BM25 itself is fixed by the index: Lucene's k1 = 1.2,
   * b = 0.75). Reranking multiplies scores by at most a few times, so far more than are ever cited.
   */
  lexicalCandidates: number;
  /** A paragraph scoring this share of its whole article is the more precise citation. */
  paragraphPreference: number;
  /**
   * A cited article's further paragraph is cited too when it holds this share of the question's
   * idf-weighted content words that the paragraphs cited so far lack.
   */
  paragraphGain: number;
  /** Statute vocabulary for lay phrasing (怎么处罚 → 法律责任), searched at this weight. */
  expansionWeight: number;
  /**
   * An English word no corpus word glosses, reached through the askers' Chinese word for it that the
   * log knows ("signal" → 信号): the clause words the reverse table gives that word are searched.
   */
  layBridge: {
    /** Weight of the lay word's best clause word; the others in proportion to their probability. */
    weight: number;
    /** How many clause words per lay word. */
    terms: number;
    /** The least gloss match that counts (english/lay.ts). */
    min: number;
  };
  followUp: {
    /** The previous question's words, when a follow-up adds its own. */
    oldTopic: number;
    /** The follow-up's own words. */
    newWords: number;
    /** Articles the previous answer cited. */
    citedBoost: number;
  };
  /** Clauses whose own duty statements name the actor asked about. */
  actorBoost: number;
  /** …and further when the statement says what the actor is responsible for (负责). */
  responsibilityBoost: number;
  /** Clauses that define the term asked about (所称X / X，是指). */
  definitionBoost: number;
  /**
   * The learned signals fused with BM25 (retrieve/learned.ts); a weight of 0 turns a signal off. The
   * defaults are STARD's cross-validated choice; an index whose decision.json carries `fusion` uses
   * the weights cross-validated on its own log instead (a small log cannot support every signal).
   */
  learned: {
    /** Share of the fused score that goes to the translation language model. */
    translationWeight: number;
    /** Share of the translation score from the reverse table, p(statute word | question word). */
    reverseWeight: number;
    /** Weight of the articles of the nearest logged questions. */
    neighbourWeight: number;
    /** How much the regulations those questions were answered from raise all their units (a topic prior). */
    regulationWeight: number;
    /**
     * Added to the clauses the log verified for the very question asked (a confirmed question asked again
     * gets its confirmed answer). Cross-validation cannot measure it (no question repeats itself across
     * folds), so it is not fitted: 1 puts those clauses first.
     */
    repeatWeight: number;
    /** How many logged questions vote. */
    neighbours: number;
    /** CC-CEDICT pivot synonyms beside the learned translations, at this share of a translation. */
    pivotWeight: number;
    /** The translation model's collection smoothing (Jelinek-Mercer). */
    lambda: number;
    /** The translation model's share of translated evidence against a word's own occurrences. */
    beta: number;
    /** Fused units kept for reranking. */
    candidates: number;
  };
}

export const DEFAULT_TUNING: Tuning = {
  foundThreshold: 0.2,
  maxCitations: 3,
  paragraphGain: 0.25,
  relativeScore: 0.75,
  coverageBand: 0.8,
  denseCandidates: 50,
  fusedLexical: 100,
  rrfK: 60,
  bigramWeight: 0.35,
  lexicalCandidates: 1000,
  paragraphPreference: 0.85,
  expansionWeight: 0.8,
  layBridge: { weight: 0.5, terms: 4, min: 0.7 },
  followUp: { oldTopic: 0.6, newWords: 1.5, citedBoost: 1.5 },
  actorBoost: 1.6,
  responsibilityBoost: 1.25,
  definitionBoost: 2,
  learned: { translationWeight: 0.8, reverseWeight: 0.5, neighbourWeight: 0.1, regulationWeight: 0.15, repeatWeight: 1, neighbours: 10, pivotWeight: 0.2, lambda: 0.5, beta: 0.5, candidates: 300 },
};

/** What a caller may override: any value, and the learned weights one by one. */
export type TuningOverrides = Partial<Omit<Tuning, 'learned'>> & { learned?: Partial<Tuning['learned']> };

/**
 * The tuning an assistant runs with: the defaults, then the learned weights chosen for this index by
 * cross-validation on its own log (decision.json), then the caller's overrides.
 */
export function resolveTuning(fitted: Partial<Tuning['learned']> | null, overrides: TuningOverrides = {}): Tuning {
  return { ...DEFAULT_TUNING, ...overrides, learned: { ...DEFAULT_TUNING.learned, ...fitted, ...overrides.learned } };
}
