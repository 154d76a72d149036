// Builds the lexical index from documents given as pre-tokenised fields. Segmentation happens outside,
// identically for documents and queries; here a token is an opaque string. Documents are numbered in
// the order they are added. Memory while building: one growing byte buffer of postings per term.
import { LUCENE_BM25, lengthNorms, type Bm25Params } from './bm25.ts';
import { sortTerms } from './dictionary.ts';
import { LexicalIndex, type IndexedField } from './index.ts';
import { BLOCK, blocksOf, decodePostings, MAX_DOCUMENTS, writeVarint, type FieldPostings } from './postings.ts';

class FieldBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private buffers: Uint8Array[] = [];
  private used: number[] = [];
  private lastDoc: number[] = [];
  private df: number[] = [];
  /** tf of each term in the document being added; zeroed again after each document. */
  private tf = new Int32Array(1024);
  private readonly touched: number[] = [];
  private lengths = new Uint32Array(1024);
  private totalLength = 0;

  add(doc: number, tokens: readonly string[]): void {
    const { ids, touched } = this;
    for (const token of tokens) {
      let id = ids.get(token);
      if (id === undefined) id = this.newTerm(token);
      const seen = this.tf[id]!;
      this.tf[id] = seen + 1;
      if (seen === 0) touched.push(id);
    }
    for (const id of touched) {
      this.append(id, doc, this.tf[id]!);
      this.tf[id] = 0;
    }
    touched.length = 0;
    if (doc >= this.lengths.length) this.lengths = grow(this.lengths, doc + 1);
    this.lengths[doc] = tokens.length;
    this.totalLength += tokens.length;
  }

  private newTerm(token: string): number {
    const id = this.terms.length;
    this.ids.set(token, id);
    this.terms.push(token);
    this.buffers.push(new Uint8Array(8));
    this.used.push(0);
    this.lastDoc.push(-1);
    this.df.push(0);
    if (id >= this.tf.length) this.tf = grow(this.tf, id + 1);
    return id;
  }

  private append(id: number, doc: number, tf: number): void {
    let buffer = this.buffers[id]!;
    // Two varints of at most 5 bytes each.
    if (this.used[id]! + 10 > buffer.length) this.buffers[id] = buffer = grow(buffer, this.used[id]! + 10);
    const delta = doc - this.lastDoc[id]!;
    let at = writeVarint(buffer, this.used[id]!, delta * 2 + (tf === 1 ? 1 : 0));
    if (tf !== 1) at = writeVarint(buffer, at, tf);
    this.used[id] = at;
    this.lastDoc[id] = doc;
    this.df[id]!++;
  }

  /** Lays the postings out in dictionary order, then derives skip entries and score bounds in one decoding pass. */
  finish(documents: number, params: Bm25Params): IndexedField {
    const { dict, order } = sortTerms(this.terms);
    const terms = order.length;
    const df = new Uint32Array(terms);
    const start = new Uint32Array(terms + 1);
    const skipStart = new Uint32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      df[t] = this.df[order[t]!]!;
      start[t + 1] = start[t]! + this.used[order[t]!]!;
      skipStart[t + 1] = skipStart[t]! + blocksOf(df[t]!);
    }
    const bytes = new Uint8Array(start[terms]!);
    for (let t = 0; t < terms; t++) bytes.set(this.buffers[order[t]!]!.subarray(0, this.used[order[t]!]!), start[t]!);
    // The per-term buffers are copied: let them go before allocating the rest.
    this.buffers = [];
    const lengths = this.lengths.slice(0, documents);
    const averageLength = documents ? this.totalLength / documents : 0;
    const norms = lengthNorms(lengths, averageLength, params);
    const postings: FieldPostings = {
      df,
      start,
      bytes,
      skipStart,
      skipDoc: new Uint32Array(skipStart[terms]!),
      skipOffset: new Uint32Array(skipStart[terms]!),
      blockMax: new Float64Array(skipStart[terms]!),
    };
    const docs = new Int32Array(BLOCK);
    const tfs = new Int32Array(BLOCK);
    for (let t = 0; t < terms; t++) {
      for (let done = 0, pos = start[t]!, prev = -1, b = skipStart[t]!; done < df[t]!; done += BLOCK, b++) {
        const count = Math.min(BLOCK, df[t]! - done);
        postings.skipOffset[b] = pos;
        pos = decodePostings(bytes, pos, count, prev, docs, tfs);
        let max = 0;
        for (let i = 0; i < count; i++) max = Math.max(max, tfs[i]! / (tfs[i]! + norms.table[norms.code[docs[i]!]!]!));
        postings.blockMax[b] = max;
        postings.skipDoc[b] = prev = docs[count - 1]!;
      }
    }
    return { dict, postings, lengths, totalLength: this.totalLength, norms };
  }
}

function grow<T extends Uint8Array | Int32Array | Uint32Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}

export class LexicalBuilder {
  private readonly builders: FieldBuilder[];
  private documents = 0;

  constructor(
    readonly fields: readonly string[],
    private readonly params: Bm25Params = LUCENE_BM25,
  ) {
    if (fields.length === 0 || new Set(fields).size !== fields.length) throw new Error(`lexical fields must be distinct and at least one: ${fields.join(', ')}`);
    this.builders = fields.map(() => new FieldBuilder());
  }

  /** Adds one document, its tokens field by field in the order of `fields`; returns its number. */
  add(tokens: readonly (readonly string[])[]): number {
    if (tokens.length !== this.fields.length) throw new Error(`a document needs ${this.fields.length} token lists (${this.fields.join(', ')}), got ${tokens.length}`);
    if (this.documents >= MAX_DOCUMENTS) throw new Error(`a lexical index holds at most ${MAX_DOCUMENTS} documents`);
    const doc = this.documents++;
    tokens.forEach((list, f) => this.builders[f]!.add(doc, list));
    return doc;
  }

  finish(): LexicalIndex {
    const fields = new Map(this.fields.map((name, f) => [name, this.builders[f]!.finish(this.documents, this.params)]));
    return new LexicalIndex(this.documents, this.params, fields);
  }
}
