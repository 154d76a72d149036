// Nearest-neighbour search over embeddings: HNSW (hnswlib-node) for real corpora, exact search for
// tiny corpora and as the ground truth in recall checks. Scores are cosine similarities, best first.
import { open, rename } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import type { HnswParams } from '../config/index-config.ts';

// hnswlib-node is a CommonJS native addon (`module.exports = addon`); ESM sees only the default export.
const { HierarchicalNSW } = hnswlib;
type NativeHnsw = InstanceType<typeof HierarchicalNSW>;

export interface VectorIndex {
  readonly dims: number;
  readonly size: number;
  /** Labels are positions in the vectors the index was built from. `k` is clamped to `size`. */
  search(query: Float32Array, k: number): { ids: number[]; scores: number[] };
}

/** hnswlib's default; fixed so rebuilding the same vectors yields the same graph. */
const HNSW_RANDOM_SEED = 100;

export class HnswIndex implements VectorIndex {
  constructor(
    /** The native index, exposed for persistence (`saveHnsw`). */
    readonly native: NativeHnsw,
    readonly dims: number,
  ) {}

  get size(): number {
    return this.native.getCurrentCount();
  }

  search(query: Float32Array, k: number): { ids: number[]; scores: number[] } {
    checkDims(query, this.dims);
    const n = Math.min(Math.floor(k), this.size);
    if (n <= 0) return { ids: [], scores: [] };
    const { neighbors, distances } = this.native.searchKnn(Array.from(query), n);
    // The cosine space reports 1 - cos, nearest first.
    return { ids: neighbors, scores: distances.map((d) => 1 - d) };
  }
}

export function buildHnsw(vectors: Float32Array[], params: HnswParams): HnswIndex {
  const first = vectors[0];
  if (!first) throw new Error('cannot build an HNSW index over zero vectors');
  const dims = first.length;
  const native = new HierarchicalNSW('cosine', dims);
  native.initIndex({
    maxElements: vectors.length,
    m: params.M,
    efConstruction: params.efConstruction,
    randomSeed: HNSW_RANDOM_SEED,
  });
  vectors.forEach((v, label) => {
    checkDims(v, dims);
    native.addPoint(Array.from(v), label);
  });
  native.setEf(params.efSearch);
  return new HnswIndex(native, dims);
}

/** Writes beside the target and renames, so a crash never leaves a truncated index behind. */
export async function saveHnsw(index: HnswIndex, file: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await index.native.writeIndex(tmp);
  await rename(tmp, file);
}

export async function loadHnsw(file: string, dims: number, params: Pick<HnswParams, 'efSearch'>): Promise<HnswIndex> {
  // hnswlib trusts the caller's dimension; a mismatch would silently return garbage neighbours.
  const stored = await storedHnswDims(file);
  if (stored !== dims) throw new Error(`${file} holds ${stored}-dimensional vectors, expected ${dims}`);
  const native = new HierarchicalNSW('cosine', dims);
  await native.readIndex(file);
  native.setEf(params.efSearch);
  return new HnswIndex(native, dims);
}

/**
 * hnswlib's file header is six size_t fields (offsetLevel0, maxElements, count, sizeDataPerElement,
 * labelOffset, offsetData); each element stores links, then the float32 vector, then the label,
 * so labelOffset - offsetData is the vector's byte length.
 */
async function storedHnswDims(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(48);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    if (bytesRead < header.length) throw new Error(`${file} is not an hnswlib index (too short)`);
    return Number(header.readBigUInt64LE(32) - header.readBigUInt64LE(40)) / 4;
  } finally {
    await handle.close();
  }
}

export function bruteForce(vectors: Float32Array[]): VectorIndex {
  const dims = vectors[0]?.length ?? 0;
  // Normalise once so search is a plain dot product.
  const unit = vectors.map((v) => {
    checkDims(v, dims);
    return normalized(v);
  });
  return {
    dims,
    size: unit.length,
    search(query, k) {
      checkDims(query, dims);
      const q = normalized(query);
      const n = Math.min(Math.floor(k), unit.length);
      if (n <= 0) return { ids: [], scores: [] };
      // Bounded insertion keeps the k best without sorting the whole corpus.
      const ids: number[] = [];
      const scores: number[] = [];
      unit.forEach((v, id) => {
        const score = dot(q, v);
        if (ids.length === n && score <= (scores[n - 1] ?? -Infinity)) return;
        let at = ids.length;
        while (at > 0 && (scores[at - 1] ?? -Infinity) < score) at--;
        ids.splice(at, 0, id);
        scores.splice(at, 0, score);
        if (ids.length > n) {
          ids.pop();
          scores.pop();
        }
      });
      return { ids, scores };
    },
  };
}

/** Little-endian float32, row after row: the on-disk form of the embedding matrix. */
export function packVectors(vectors: Float32Array[]): Buffer {
  const dims = vectors[0]?.length ?? 0;
  const buf = Buffer.alloc(vectors.length * dims * 4);
  let offset = 0;
  for (const v of vectors) {
    checkDims(v, dims);
    for (const x of v) offset = buf.writeFloatLE(x, offset);
  }
  return buf;
}

export function unpackVectors(buf: Buffer, dims: number): Float32Array[] {
  const rowBytes = dims * 4;
  if (dims <= 0 || buf.length % rowBytes !== 0) {
    throw new Error(`vector buffer of ${buf.length} bytes is not a whole number of ${dims}-dimensional float32 rows`);
  }
  const out: Float32Array[] = [];
  for (let offset = 0; offset < buf.length; ) {
    const v = new Float32Array(dims);
    for (let d = 0; d < dims; d++, offset += 4) v[d] = buf.readFloatLE(offset);
    out.push(v);
  }
  return out;
}

function checkDims(v: Float32Array, dims: number): void {
  if (v.length !== dims) throw new Error(`vector has ${v.length} dimensions, index has ${dims}`);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function normalized(v: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(v, v));
  return norm === 0 ? v.slice() : v.map((x) => x / norm);
}
