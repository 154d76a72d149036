// The term dictionary: every term's UTF-8 bytes in one blob, sorted bytewise, found by binary search.
// Loading it costs nothing (two typed-array views) and it holds no JavaScript string per term.

export interface TermDictionary {
  /** The terms' UTF-8 bytes, concatenated in sorted order. */
  bytes: Uint8Array;
  /** Term i is bytes[offsets[i], offsets[i + 1]); length terms + 1. */
  offsets: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeTerm = (term: string): Uint8Array => encoder.encode(term);

let scratch = new Uint8Array(64);
/**
 * The term's UTF-8 bytes for one lookup, in a buffer the next call overwrites: queries look up every
 * term, and a fresh array per lookup was a measurable share of a small corpus's query time.
 */
export function lookupKey(term: string): Uint8Array {
  if (scratch.length < term.length * 3) scratch = new Uint8Array(term.length * 3);
  return scratch.subarray(0, encoder.encodeInto(term, scratch).written);
}

export function termCount(dict: TermDictionary): number {
  return dict.offsets.length - 1;
}

export function termAt(dict: TermDictionary, i: number): string {
  return decoder.decode(dict.bytes.subarray(dict.offsets[i]!, dict.offsets[i + 1]!));
}

/** Bytewise comparison of `key` with term i (UTF-8 byte order is code point order). */
function compareAt(dict: TermDictionary, i: number, key: Uint8Array): number {
  const { bytes } = dict;
  const start = dict.offsets[i]!;
  const length = dict.offsets[i + 1]! - start;
  const n = Math.min(length, key.length);
  for (let j = 0; j < n; j++) {
    const diff = bytes[start + j]! - key[j]!;
    if (diff !== 0) return diff;
  }
  return length - key.length;
}

/** The term's position in the dictionary, or -1. */
export function findTerm(dict: TermDictionary, key: Uint8Array): number {
  let lo = 0;
  let hi = termCount(dict) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareAt(dict, mid, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let j = 0; j < n; j++) {
    const diff = a[j]! - b[j]!;
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * Sorts terms into a dictionary. `order[i]` is the index (in `terms`) of the i-th term in sorted order,
 * so the build can lay out each term's postings in the dictionary's order.
 */
export function sortTerms(terms: readonly string[]): { dict: TermDictionary; order: Uint32Array } {
  const encoded = terms.map(encodeTerm);
  const order = Uint32Array.from(terms.keys()).sort((a, b) => compareBytes(encoded[a]!, encoded[b]!));
  const offsets = new Uint32Array(terms.length + 1);
  for (let i = 0; i < order.length; i++) offsets[i + 1] = offsets[i]! + encoded[order[i]!]!.length;
  const bytes = new Uint8Array(offsets[terms.length]!);
  for (let i = 0; i < order.length; i++) bytes.set(encoded[order[i]!]!, offsets[i]!);
  return { dict: { bytes, offsets }, order };
}
