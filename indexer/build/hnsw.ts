// Approximate nearest-neighbour search over embeddings with HNSW (hnswlib-node), for real corpora;
// exact search lives in format/vectors.ts. Scores are cosine similarities, best first. Node only.
import { open, rename } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import type { HnswParams } from '../config/index-config.ts';
import { exactSearch } from '../format/vectors.ts';

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

function checkDims(v: Float32Array, dims: number): void {
  if (v.length !== dims) throw new Error(`vector has ${v.length} dimensions, index has ${dims}`);
}

/** Exact search behind the same interface as HNSW (format/vectors.ts does the work): the recall baseline. */
export function bruteForce(vectors: readonly Float32Array[]): VectorIndex {
  const matrix = exactSearch(vectors);
  return {
    dims: matrix.dims,
    size: matrix.count,
    search(query, k) {
      const hits = matrix.search(query, k);
      return { ids: hits.map((h) => h.unit), scores: hits.map((h) => h.score) };
    },
  };
}
