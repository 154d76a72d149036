// The shapes retrieval passes along: a weighted lexical query, unit hits, article hits.

export type RetrieverMode = 'hybrid' | 'bm25' | 'dense' | 'baseline';

export interface WeightedTerm {
  term: string;
  weight: number;
  /** An alternative wording: it helps ranking but its absence does not mean the text misses the point. */
  optional?: boolean;
}

export interface LexicalQuery {
  words: WeightedTerm[];
  bigrams: string[];
  /** A follow-up's own words: what is cited must contain one of them ("那企业呢？" → 企业). */
  required?: string[];
  /** For an English question: how many of its content words the bridge found in the corpus vocabulary. */
  bridged?: { covered: number; uncovered: number; quality: number };
  /**
   * The place that chose the scope (贵阳 in 听说贵阳有个…): not searched for, since every clause in scope
   * is that place's, but still one of the question's words where citations and answerability are judged.
   */
  placeWords?: WeightedTerm[];
}

/** The question's words as the answer side weighs them: the searched words and the place. */
export function questionWords(query: LexicalQuery): WeightedTerm[] {
  return query.placeWords ? [...query.words, ...query.placeWords] : query.words;
}

export interface UnitHit {
  unit: number;
  score: number;
}

export interface ArticleHit {
  /** regulationId/articleKey, or regulationId/sectionLabel. */
  key: string;
  regulationId: string;
  /** Index of the article (or section) unit. */
  unit: number;
  /** Index of the paragraph unit that carries the match, when one paragraph does. */
  paragraphUnit: number | null;
  score: number;
}

/** Dense neighbours of a query: embeds it and searches the vector index. */
export type DenseSearch = (query: string, k: number) => Promise<UnitHit[]>;
