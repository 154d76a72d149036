// Exact (brute-force) nearest neighbours by cosine similarity: one pass of dot products over a flat
// row-major Float32Array of L2-normalised rows, keeping the k best in a heap. Edge-safe: typed arrays
// only. This is the plain loop other exact searches are measured against, and the ground truth for
// approximate ones.
import { TopK, type Hit } from '../lexical/heap.ts';

/** A copy of `v` scaled to unit length (a zero vector stays zero). */
export function normalized(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm);
  return norm === 0 ? v.slice() : v.map((x) => x / norm);
}

/** Rows packed into one buffer, each scaled to unit length, so that a dot product is the cosine. */
export function normalizedRows(vectors: readonly Float32Array[], dims: number): Float32Array {
  const out = new Float32Array(vectors.length * dims);
  vectors.forEach((v, r) => {
    if (v.length !== dims) throw new Error(`vector ${r} has ${v.length} dimensions, expected ${dims}`);
    out.set(normalized(v), r * dims);
  });
  return out;
}

/** q · rows[base .. base + dims), with four independent sums so the additions do not wait on each other. */
function dot(q: Float32Array, rows: Float32Array, base: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    s0 += q[d]! * rows[base + d]!;
    s1 += q[d + 1]! * rows[base + d + 1]!;
    s2 += q[d + 2]! * rows[base + d + 2]!;
    s3 += q[d + 3]! * rows[base + d + 3]!;
  }
  for (; d < dims; d++) s0 += q[d]! * rows[base + d]!;
  return s0 + s1 + s2 + s3;
}

/**
 * The k rows most similar to `query` (cosine; `rows` from normalizedRows), best first; ties go to the
 * lower row. `doc` is the row number.
 */
export function exactSearch(rows: Float32Array, dims: number, query: Float32Array, k: number): Hit[] {
  if (query.length !== dims) throw new Error(`query has ${query.length} dimensions, the vectors ${dims}`);
  const count = dims === 0 ? 0 : rows.length / dims;
  const n = Math.min(Math.floor(k), count);
  if (n <= 0) return [];
  const q = normalized(query);
  const heap = new TopK(n);
  let threshold = -Infinity;
  for (let row = 0, base = 0; row < count; row++, base += dims) {
    const score = dot(q, rows, base, dims);
    // Rows come in increasing order, so an equal score never displaces a kept (lower) row.
    if (score > threshold || !heap.full) {
      heap.push(score, row);
      threshold = heap.threshold;
    }
  }
  return heap.sorted();
}
