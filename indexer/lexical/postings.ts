// One field's inverted index as typed arrays, and a cursor that walks one term's postings.
//
// A term's postings are its documents in increasing order, each written as one varint code
// (delta · 2 + [tf = 1]) followed, when tf > 1, by a varint tf; delta is the gap from the previous
// document (the first from -1, so every delta is ≥ 1). Every BLOCK postings form a block; skip entries
// give each block's last document and byte offset, so a cursor can jump to a target document without
// decoding what lies before it.

export const BLOCK = 128;
/** Past the last posting. Larger than any document number (documents < 2^30 keep codes in 31 bits). */
export const END = 0x7fffffff;
export const MAX_DOCUMENTS = 2 ** 30;

export interface FieldPostings {
  /** Document frequency of each term (terms in dictionary order). */
  df: Uint32Array;
  /** Term t's postings are bytes[start[t], start[t + 1]). */
  start: Uint32Array;
  bytes: Uint8Array;
  /** Term t's blocks are skipDoc/skipOffset[skipStart[t], skipStart[t + 1]). */
  skipStart: Uint32Array;
  /** Last document of each block. */
  skipDoc: Uint32Array;
  /** Byte offset (into bytes) of each block's first posting. */
  skipOffset: Uint32Array;
  /** Per block: the largest tf / (tf + norm[doc]) among its postings, for score upper bounds. */
  blockMax: Float64Array;
}

export function blocksOf(df: number): number {
  return Math.ceil(df / BLOCK);
}

/** Appends an unsigned integer below 2^31 as a little-endian base-128 varint; returns the new length. */
export function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

/**
 * Decodes `count` postings from bytes[pos..] into docs/tfs, continuing from document `prev`; returns
 * the offset after them. The one decoder: cursors decode a block at a time, the build a term at a time.
 */
export function decodePostings(bytes: Uint8Array, pos: number, count: number, prev: number, docs: Int32Array, tfs: Int32Array): number {
  let doc = prev;
  for (let i = 0; i < count; i++) {
    let byte = bytes[pos++]!;
    let code = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[pos++]!;
      code |= (byte & 0x7f) << shift;
    }
    let tf = 1;
    if ((code & 1) === 0) {
      byte = bytes[pos++]!;
      tf = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[pos++]!;
        tf |= (byte & 0x7f) << shift;
      }
    }
    doc += code >>> 1;
    docs[i] = doc;
    tfs[i] = tf;
  }
  return pos;
}

/** Walks one term's postings a decoded block at a time. */
export class PostingCursor {
  /** Current document, -1 before the first next(), END when exhausted. */
  doc = -1;
  tf = 0;
  /**
   * The current block, decoded; `at` indexes it. No longer than the term's postings: a query opens a
   * cursor per term, and V8 keeps arrays of up to 64 bytes on its heap, far cheaper to allocate than a
   * block's 512-byte backing store, for the many rare terms of a small corpus.
   */
  protected readonly docs: Int32Array;
  protected readonly tfs: Int32Array;
  protected at = -1;
  protected count = 0;
  protected block: number;
  private readonly firstBlock: number;
  private readonly lastBlock: number;
  private readonly df: number;

  constructor(
    private readonly postings: FieldPostings,
    term: number,
  ) {
    this.firstBlock = postings.skipStart[term]!;
    this.lastBlock = postings.skipStart[term + 1]! - 1;
    this.block = this.firstBlock - 1;
    this.df = postings.df[term]!;
    this.docs = new Int32Array(Math.min(BLOCK, this.df));
    this.tfs = new Int32Array(Math.min(BLOCK, this.df));
  }

  next(): void {
    if (++this.at < this.count || this.load(this.block + 1)) {
      this.doc = this.docs[this.at]!;
      this.tf = this.tfs[this.at]!;
    }
  }

  /** Moves to the first posting with doc ≥ target (never backwards). */
  advance(target: number): void {
    if (this.doc >= target) return;
    const skipDoc = this.postings.skipDoc;
    let b = Math.max(this.block, this.firstBlock);
    while (b <= this.lastBlock && skipDoc[b]! < target) b++;
    if (b !== this.block && !this.load(b)) return;
    // skipDoc[b] ≥ target: the scan ends inside this block.
    let at = Math.max(this.at, 0);
    while (this.docs[at]! < target) at++;
    this.at = at;
    this.doc = this.docs[at]!;
    this.tf = this.tfs[at]!;
  }

  /** Decodes block b into docs/tfs (at = 0); past the last block, marks the cursor exhausted. */
  protected load(b: number): boolean {
    if (b > this.lastBlock) {
      this.block = this.lastBlock + 1;
      this.at = this.count = 0;
      this.doc = END;
      return false;
    }
    const { bytes, skipDoc, skipOffset } = this.postings;
    this.count = Math.min(BLOCK, this.df - (b - this.firstBlock) * BLOCK);
    decodePostings(bytes, skipOffset[b]!, this.count, b === this.firstBlock ? -1 : skipDoc[b - 1]!, this.docs, this.tfs);
    this.block = b;
    this.at = 0;
    return true;
  }
}
