// The lexical index: fields of postings over one set of documents, BM25 top-k search over any weighted
// mix of fields and terms, and the collection statistics other decisions (answerability) need.
import { bm25Idf, type Bm25Params, type LengthNorms } from './bm25.ts';
import { findTerm, lookupKey, type TermDictionary } from './dictionary.ts';
import type { Hit } from './heap.ts';
import { END, type FieldPostings } from './postings.ts';
import { TermScorer, topK, type TopKOptions } from './search.ts';

export type { Hit } from './heap.ts';

export interface IndexedField {
  dict: TermDictionary;
  postings: FieldPostings;
  /** Tokens per document, repeats included. */
  lengths: Uint32Array;
  totalLength: number;
  /** k1 · (1 - b + b · dl / avgdl) per document, derived from lengths. */
  norms: LengthNorms;
}

export interface QueryTerm {
  term: string;
  /** Multiplies the term's BM25 score; terms with weight ≤ 0 are ignored. */
  weight: number;
}

export interface FieldQuery {
  field: string;
  terms: readonly QueryTerm[];
  /** Multiplies every term of this field (default 1). */
  boost?: number;
}

export type SearchOptions = TopKOptions;

export class LexicalIndex {
  constructor(
    /** N: every document counts, whether or not a field has tokens in it. */
    readonly documentCount: number,
    readonly params: Bm25Params,
    /** @internal read by serialise(); not part of the query API. */
    readonly fields: ReadonlyMap<string, IndexedField>,
  ) {}

  get fieldNames(): string[] {
    return [...this.fields.keys()];
  }

  averageLength(field: string): number {
    return this.documentCount ? this.field(field).totalLength / this.documentCount : 0;
  }

  documentFrequency(field: string, term: string): number {
    const f = this.field(field);
    const t = findTerm(f.dict, lookupKey(term));
    return t < 0 ? 0 : f.postings.df[t]!;
  }

  has(field: string, term: string): boolean {
    return this.documentFrequency(field, term) > 0;
  }

  /** BM25's idf for the term (for an absent term: the idf df = 0 would give). */
  idf(field: string, term: string): number {
    return bm25Idf(this.documentCount, this.documentFrequency(field, term));
  }

  /**
   * The k documents with the highest Σ boost · weight · BM25(term, field), best first (ties: lower
   * document first). A term given twice in one field counts with the sum of its weights.
   */
  search(query: readonly FieldQuery[], options: SearchOptions): Hit[] {
    return topK(this.scorers(query), { ...options, k: Math.min(Math.floor(options.k), this.documentCount), documents: this.documentCount });
  }

  /**
   * What search() would score each of the given documents (increasing document numbers; 0 for one no
   * term matches), without a pass over the postings: for candidates found by other searches.
   */
  scoreDocuments(query: readonly FieldQuery[], docs: readonly number[]): Float64Array {
    const scores = new Float64Array(docs.length);
    for (const s of this.scorers(query)) {
      s.next();
      docs.forEach((doc, j) => {
        s.advance(doc);
        if (s.doc === doc) scores[j] = scores[j]! + s.score();
      });
    }
    return scores;
  }

  /**
   * What search() would score every document, as one array over all documents (0 where no term
   * matches): on a small corpus, scoring everything costs less than building a top k.
   */
  scoreAll(query: readonly FieldQuery[]): Float64Array {
    const scores = new Float64Array(this.documentCount);
    for (const s of this.scorers(query)) for (s.next(); s.doc !== END; s.next()) scores[s.doc] = scores[s.doc]! + s.score();
    return scores;
  }

  /** One scorer per distinct (field, term) the index has, weighted as documented at search(). */
  private scorers(query: readonly FieldQuery[]): TermScorer[] {
    const scorers: TermScorer[] = [];
    const k1 = this.params.k1;
    for (const { field, terms, boost = 1 } of query) {
      const f = this.field(field);
      const weights = new Map<string, number>();
      for (const { term, weight } of terms) if (weight > 0 && Number.isFinite(weight)) weights.set(term, (weights.get(term) ?? 0) + weight);
      for (const [term, weight] of weights) {
        const t = findTerm(f.dict, lookupKey(term));
        if (t < 0 || !(boost > 0)) continue;
        const idf = bm25Idf(this.documentCount, f.postings.df[t]!);
        scorers.push(new TermScorer(f.postings, t, boost * weight * idf * (k1 + 1), f.norms));
      }
    }
    return scorers;
  }

  private field(name: string): IndexedField {
    const f = this.fields.get(name);
    if (!f) throw new Error(`the lexical index has no field "${name}" (it has ${this.fieldNames.join(', ')})`);
    return f;
  }
}
