import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HnswParams } from '../config/index-config.ts';
import { loadEmbedder } from './embed.ts';
import { mulberry32, testModelConfig, writeTestModel } from './test-model.ts';
import { packVectors, unpackVectors } from '../format/vectors.ts';
import { bruteForce, buildHnsw, loadHnsw, saveHnsw, type HnswIndex } from './hnsw.ts';

// M and efConstruction are the config.ts defaults. Uniform random 64-d vectors are close to the
// worst case for HNSW: at the default efSearch 64 recall@10 hovers at 0.94–0.96 depending on the
// seed, so the check uses 128 (≈0.99) to test the wrapper rather than sit on a knife edge.
const PARAMS: HnswParams = { M: 16, efConstruction: 200, efSearch: 128 };
const DIMS = 64;


function randomUnitVectors(count: number, dims: number, seed: number): Float32Array[] {
  const next = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, () => next() * 2 - 1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

let tmp: string;
let corpus: Float32Array[];
let queries: Float32Array[];
let hnsw: HnswIndex;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'regqa-vectors-'));
  corpus = randomUnitVectors(3000, DIMS, 1);
  queries = randomUnitVectors(100, DIMS, 2);
  hnsw = buildHnsw(corpus, PARAMS);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('bruteForce', () => {
  it('returns exact cosine similarities, best first', () => {
    const index = bruteForce([Float32Array.of(1, 0), Float32Array.of(0, 2), Float32Array.of(3, 3), Float32Array.of(-1, 0)]);
    const { ids, scores } = index.search(Float32Array.of(5, 0), 3);
    expect(ids).toEqual([0, 2, 1]);
    expect(scores[0]).toBeCloseTo(1, 6);
    expect(scores[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(scores[2]).toBeCloseTo(0, 6);
  });

  it('clamps k to the corpus size and handles an empty corpus', () => {
    const index = bruteForce(corpus.slice(0, 5));
    expect(index.search(queries[0]!, 50).ids).toHaveLength(5);
    expect(index.search(queries[0]!, 0).ids).toEqual([]);
    expect(bruteForce([]).search(Float32Array.of(), 10)).toEqual({ ids: [], scores: [] });
  });
});

describe('HNSW', () => {
  it('reaches recall@10 >= 0.95 against exact search on 3000 random 64-d vectors', () => {
    const exact = bruteForce(corpus);
    let found = 0;
    for (const q of queries) {
      const truth = new Set(exact.search(q, 10).ids);
      const { ids, scores } = hnsw.search(q, 10);
      found += ids.filter((id) => truth.has(id)).length;
      // Scores are similarities of the returned ids, in descending order.
      ids.forEach((id, i) => expect(scores[i]).toBeCloseTo(dot(q, corpus[id]!), 5));
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    const recall = found / (queries.length * 10);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('clamps k to the index size', () => {
    const small = buildHnsw(corpus.slice(0, 3), PARAMS);
    expect(small.size).toBe(3);
    expect(small.search(queries[0]!, 10).ids).toHaveLength(3);
    expect(small.search(queries[0]!, 0).ids).toEqual([]);
  });

  it('rejects vectors of the wrong width', () => {
    expect(() => hnsw.search(new Float32Array(DIMS + 1), 5)).toThrow(/dimensions/);
    expect(() => buildHnsw([new Float32Array(4), new Float32Array(5)], PARAMS)).toThrow(/dimensions/);
    expect(() => buildHnsw([], PARAMS)).toThrow(/zero vectors/);
  });

  it('returns identical results after a save/load round trip', async () => {
    const file = path.join(tmp, 'vectors.hnsw');
    await saveHnsw(hnsw, file);
    const loaded = await loadHnsw(file, DIMS, PARAMS);
    expect(loaded.size).toBe(corpus.length);
    expect(loaded.dims).toBe(DIMS);
    for (const q of queries.slice(0, 20)) expect(loaded.search(q, 10)).toEqual(hnsw.search(q, 10));
  });

  it('refuses to load an index with a different dimension or a foreign file', async () => {
    const file = path.join(tmp, 'dims.hnsw');
    await saveHnsw(hnsw, file);
    await expect(loadHnsw(file, 32, PARAMS)).rejects.toThrow(/64-dimensional/);
    const junk = path.join(tmp, 'junk.hnsw');
    await writeFile(junk, 'nope');
    await expect(loadHnsw(junk, DIMS, PARAMS)).rejects.toThrow(/not an hnswlib index/);
  });
});

describe('packVectors / unpackVectors', () => {
  it('round-trips float32 rows exactly as little-endian bytes', () => {
    const rows = corpus.slice(0, 10);
    const buf = packVectors(rows);
    expect(buf.length).toBe(10 * DIMS * 4);
    expect(new DataView(buf.buffer).getFloat32(4, true)).toBe(rows[0]![1]);
    expect(unpackVectors(buf, DIMS)).toEqual(rows);
  });

  it('rejects a buffer that is not whole rows', () => {
    expect(() => unpackVectors(Buffer.alloc(10), 4)).toThrow(/whole number/);
  });
});

describe('embedder → index, end to end', () => {
  it('finds the passage sharing the query characters with both HNSW and exact search', async () => {
    const passages = [
      '鼓励企业建立首席数据官制度',
      '县级以上人民政府有关部门应当明确数据专员',
      '本条例自公布之日起施行',
      '公共数据开放应当遵循分类分级原则',
    ];
    const query = '谁应当明确数据专员';
    const model = await writeTestModel(tmp, { vocab: [...new Set([...passages, query].join(''))] });
    const embedder = await loadEmbedder(testModelConfig(model));
    const vectors = await embedder.embedPassages(passages);
    const q = await embedder.embedQuery(query);

    const viaHnsw = buildHnsw(vectors, PARAMS).search(q, 4);
    const exact = bruteForce(unpackVectors(packVectors(vectors), embedder.dims)).search(q, 4);
    expect(viaHnsw.ids[0]).toBe(1);
    expect(viaHnsw.ids).toEqual(exact.ids);
    viaHnsw.scores.forEach((s, i) => expect(s).toBeCloseTo(exact.scores[i]!, 5));
  });
});
