// Unit embeddings as bytes (the index's vectors.f32, the edge bundle's vectors.f32 | vectors.i8), and
// the one exact (brute-force) nearest-neighbour search over them. Edge-safe: typed arrays only.
//
//   f32: count × dims little-endian float32, each row L2-normalised          (4 bytes per dimension)
//   i8:  count float32 row scales, then count × dims int8 (x ≈ scale · q)    (1 byte per dimension)
//
// Rows are normalised before encoding, so a dot product with a normalised query is the cosine
// similarity (for i8, up to quantisation error: ~1e-3 on 384–1024 dimensions, which reorders only
// near-ties; build.ts reports recall@10 of i8 against f32 for the bundle it writes).
import { TopK } from '../lexical/heap.ts';
import type { VectorEncoding } from './manifest.ts';

/** A row of the matrix and its cosine similarity to the query. */
export interface RowHit {
  unit: number;
  score: number;
}

export interface VectorMatrix {
  readonly count: number;
  readonly dims: number;
  readonly encoding: VectorEncoding;
  /** The k rows most similar to `query` (cosine), best first. */
  search(query: Float32Array, k: number): RowHit[];
}

export function encodedBytes(count: number, dims: number, encoding: VectorEncoding): number {
  return encoding === 'f32' ? count * dims * 4 : count * 4 + count * dims;
}

export function encodeVectors(vectors: readonly Float32Array[], encoding: VectorEncoding): Uint8Array {
  const dims = vectors[0]?.length ?? 0;
  const count = vectors.length;
  const out = new Uint8Array(encodedBytes(count, dims, encoding));
  const view = new DataView(out.buffer);
  vectors.forEach((raw, r) => {
    if (raw.length !== dims) throw new Error(`vector ${r} has ${raw.length} dimensions, expected ${dims}`);
    const v = normalized(raw);
    if (encoding === 'f32') {
      for (let d = 0; d < dims; d++) view.setFloat32((r * dims + d) * 4, v[d]!, true);
      return;
    }
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = max / 127;
    view.setFloat32(r * 4, scale, true);
    const base = count * 4 + r * dims;
    for (let d = 0; d < dims; d++) view.setInt8(base + d, scale === 0 ? 0 : Math.round(v[d]! / scale));
  });
  return out;
}

export function decodeVectors(bytes: ArrayBuffer | Uint8Array, count: number, dims: number, encoding: VectorEncoding): VectorMatrix {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const expected = encodedBytes(count, dims, encoding);
  if (buf.byteLength !== expected) throw new Error(`vectors are ${buf.byteLength} bytes, expected ${expected} for ${count} × ${dims} ${encoding}`);
  // Copy into aligned typed arrays (the input may be a view at any offset).
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // One tight loop per encoding, writing every row's score: no per-row closure call.
  let scoreAll: (q: Float32Array, out: Float32Array) => void;
  if (encoding === 'f32') {
    const data = new Float32Array(count * dims);
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(i * 4, true);
    scoreAll = (q, out) => {
      for (let row = 0, base = 0; row < count; row++, base += dims) {
        out[row] = dotF32(q, data, base, dims);
      }
    };
  } else {
    const scales = new Float32Array(count);
    for (let r = 0; r < count; r++) scales[r] = view.getFloat32(r * 4, true);
    const data = new Int8Array(buf.buffer.slice(buf.byteOffset + count * 4, buf.byteOffset + buf.byteLength));
    scoreAll = (q, out) => {
      for (let row = 0, base = 0; row < count; row++, base += dims) {
        out[row] = dotI8(q, data, base, dims) * scales[row]!;
      }
    };
  }
  const scores = new Float32Array(count);
  return {
    count,
    dims,
    encoding,
    search(query, k) {
      if (query.length !== dims) throw new Error(`query has ${query.length} dimensions, the vectors ${dims}`);
      const q = normalized(query);
      scoreAll(q, scores);
      return topK(scores, Math.min(Math.floor(k), count));
    },
  };
}

/** q · row, with four independent sums so that the additions do not wait on each other. */
function dotF32(q: Float32Array, data: Float32Array, base: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    s0 += q[d]! * data[base + d]!;
    s1 += q[d + 1]! * data[base + d + 1]!;
    s2 += q[d + 2]! * data[base + d + 2]!;
    s3 += q[d + 3]! * data[base + d + 3]!;
  }
  for (; d < dims; d++) s0 += q[d]! * data[base + d]!;
  return s0 + s1 + s2 + s3;
}

/** The same over int8 rows (a separate function keeps each monomorphic for the JIT). */
function dotI8(q: Float32Array, data: Int8Array, base: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    s0 += q[d]! * data[base + d]!;
    s1 += q[d + 1]! * data[base + d + 1]!;
    s2 += q[d + 2]! * data[base + d + 2]!;
    s3 += q[d + 3]! * data[base + d + 3]!;
  }
  for (; d < dims; d++) s0 += q[d]! * data[base + d]!;
  return s0 + s1 + s2 + s3;
}

/** The n best rows by score, best first (ties: the lower row), with the lexical engine's top-k heap. */
function topK(scores: Float32Array, n: number): RowHit[] {
  if (n <= 0) return [];
  const heap = new TopK(n);
  let threshold = -Infinity;
  for (let row = 0; row < scores.length; row++) {
    const s = scores[row]!;
    // Rows come in increasing order, so an equal score never displaces a kept (lower) row.
    if (s > threshold || !heap.full) {
      heap.push(s, row);
      threshold = heap.threshold;
    }
  }
  return heap.sorted().map((h) => ({ unit: h.doc, score: h.score }));
}

export function normalized(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm);
  return norm === 0 ? v.slice() : v.map((x) => x / norm);
}

/** Share of f32 top-k neighbours the i8 encoding also returns, with the first `sample` rows as queries. */
export function quantisationRecall(vectors: readonly Float32Array[], k = 10, sample = 200): number {
  const dims = vectors[0]?.length ?? 0;
  if (dims === 0) return 1;
  const exact = decodeVectors(encodeVectors(vectors, 'f32'), vectors.length, dims, 'f32');
  const approx = decodeVectors(encodeVectors(vectors, 'i8'), vectors.length, dims, 'i8');
  let found = 0;
  let total = 0;
  const step = Math.max(1, Math.floor(vectors.length / sample));
  for (let i = 0; i < vectors.length; i += step) {
    const want = new Set(exact.search(vectors[i]!, k).map((h) => h.unit));
    for (const h of approx.search(vectors[i]!, k)) if (want.has(h.unit)) found++;
    total += want.size;
  }
  return total === 0 ? 1 : found / total;
}

/** Exact search over vectors in memory: the ground truth of recall checks and the index of tiny corpora. */
export function exactSearch(vectors: readonly Float32Array[]): VectorMatrix {
  return decodeVectors(encodeVectors(vectors, 'f32'), vectors.length, vectors[0]?.length ?? 0, 'f32');
}

/** Little-endian float32, row after row, as embedded (not re-normalised): the Node index's vectors.f32. */
export function packVectors(vectors: readonly Float32Array[]): Uint8Array {
  const dims = vectors[0]?.length ?? 0;
  const out = new Uint8Array(vectors.length * dims * 4);
  const view = new DataView(out.buffer);
  vectors.forEach((v, r) => {
    if (v.length !== dims) throw new Error(`vector has ${v.length} dimensions, index has ${dims}`);
    for (let d = 0; d < dims; d++) view.setFloat32((r * dims + d) * 4, v[d]!, true);
  });
  return out;
}

export function unpackVectors(buf: Uint8Array, dims: number): Float32Array[] {
  const rowBytes = dims * 4;
  if (dims <= 0 || buf.byteLength % rowBytes !== 0) {
    throw new Error(`vector buffer of ${buf.byteLength} bytes is not a whole number of ${dims}-dimensional float32 rows`);
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Float32Array[] = [];
  for (let offset = 0; offset < buf.byteLength; ) {
    const v = new Float32Array(dims);
    for (let d = 0; d < dims; d++, offset += 4) v[d] = view.getFloat32(offset, true);
    out.push(v);
  }
  return out;
}
