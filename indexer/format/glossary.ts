// The English bridge's index-time data: the corpus's own vocabulary with the stemmed English glosses
// of each word, of its parts and of its characters (from CC-CEDICT, CC BY-SA 4.0). Built by
// indexer/glossary.ts, read by server/core/english.ts; plain data only, so it serialises as JSON and
// loads at the edge.

export interface GlossaryTerm {
  /** Number of units the term occurs in. */
  df: number;
  /**
   * The term split into dictionary words and single characters, in order, covering it exactly
   * (首席数据官 → 首席 数据 官). Absent when the term is its own single part (a dictionary word of
   * one or two characters).
   */
  parts?: string[];
}

export interface Glossary {
  version: 1;
  /** Number of units the document frequencies are over. */
  units: number;
  /** Every CJK word of the corpus (jieba, search mode). */
  terms: Record<string, GlossaryTerm>;
  /**
   * The CC-CEDICT senses of every term and multi-character part that CC-CEDICT lists, in
   * CC-CEDICT's order (most common first). A sense is its `;`-separated variants joined by `;`,
   * a variant its stemmed English content words joined by spaces:
   * 企业 → ["compani;firm;enterpris;corpor"]; 算力 → ["comput power", "hash rate"].
   */
  glosses: Record<string, string[]>;
  /** The same for every single character used in terms, by character. */
  chars: Record<string, string[]>;
  /**
   * For people: the first CC-CEDICT sense of every word and character above, as written (a few
   * variants, unstemmed): 企业 → "company; firm; enterprise". Absent in indexes built before it existed.
   */
  display?: Record<string, string>;
  /**
   * The askers' own words: question words of the log that are not corpus words (信号, 骑手, 网站), with
   * their senses as in `glosses`. The learned tables translate them into the corpus's words, so an
   * English question can reach a clause through the lay word ("signal" → 信号 → 通信, 网络). Empty
   * without a log; absent where no build wrote it (test fixtures).
   */
  lay?: Record<string, string[]>;
}
