// The edge pieces in-process (no workerd): vector encodings and brute-force search, the Workers AI and
// Vectorize adapters, the jieba-wasm segmenter against nodejs-jieba, and the whole edge loader on a
// dense index built with the generated test model, compared with the Node loader (HNSW + transformers.js).
import * as jiebaWasm from 'jieba-wasm';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build.ts';
import { indexConfigFromEnv, type IndexConfig } from '../../indexer/config/index-config.ts';
import { loadCorpus } from '../../indexer/build/corpus.ts';
import { loadEmbedder } from '../../indexer/build/embed.ts';
import { writeTestModel } from '../../indexer/build/test-model.ts';
import { loadAssistant } from '../node/assistant.ts';
import { loadEdgeAssistant } from './assistant.ts';
import { buildEdgeBundle } from './build.ts';
import { wasmSegmenter } from './segment.ts';
import { decodeVectors, encodeVectors, quantisationRecall } from '../../indexer/format/vectors.ts';
import { vectorizeDense, vectorizeNdjson } from './vectorize.ts';
import { workersAiEmbedder, workersAiModelFor } from './workers-ai.ts';
import type { Ai, VectorizeIndex } from './workers-types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function randomVectors(n: number, dims: number, seed = 1): Float32Array[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: n }, () => Float32Array.from({ length: dims }, next));
}

describe('vector encodings', () => {
  const vectors = randomVectors(300, 64);

  it('f32 search is exact cosine, best first', () => {
    const m = decodeVectors(encodeVectors(vectors, 'f32'), 300, 64, 'f32');
    const hits = m.search(vectors[7]!, 5);
    expect(hits[0]).toMatchObject({ unit: 7 });
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('i8 is a quarter of the size and keeps the neighbours', () => {
    const f32 = encodeVectors(vectors, 'f32');
    const i8 = encodeVectors(vectors, 'i8');
    expect(i8.byteLength).toBe(300 * 4 + 300 * 64);
    expect(f32.byteLength).toBe(300 * 64 * 4);
    const m = decodeVectors(i8, 300, 64, 'i8');
    expect(m.search(vectors[42]!, 1)[0]).toMatchObject({ unit: 42 });
    expect(quantisationRecall(vectors)).toBeGreaterThan(0.95);
  });

  it('rejects a truncated file and a query of the wrong width', () => {
    expect(() => decodeVectors(encodeVectors(vectors, 'f32').slice(1), 300, 64, 'f32')).toThrow(/bytes, expected/);
    const m = decodeVectors(encodeVectors(vectors, 'i8'), 300, 64, 'i8');
    expect(() => m.search(new Float32Array(3), 5)).toThrow(/dimensions/);
    expect(m.search(vectors[0]!, 0)).toEqual([]);
    expect(m.search(vectors[0]!, 1000)).toHaveLength(300);
  });
});

describe('Workers AI', () => {
  it('maps only the models Workers AI serves, with matching dimensions', () => {
    expect(workersAiModelFor({ id: 'Xenova/bge-m3', dims: 1024, pooling: 'cls' })).toEqual({ name: '@cf/baai/bge-m3', dims: 1024, pooling: null });
    expect(workersAiModelFor({ id: 'BAAI/bge-small-en-v1.5', dims: 384, pooling: 'cls' })).toEqual({ name: '@cf/baai/bge-small-en-v1.5', dims: 384, pooling: 'cls' });
    expect(workersAiModelFor({ id: 'Xenova/bge-small-zh-v1.5', dims: 512, pooling: 'cls' })).toBeNull();
    expect(workersAiModelFor({ id: 'Xenova/bge-m3', dims: 768, pooling: 'cls' })).toBeNull();
  });

  it('sends the instruction-prefixed query and reads data[0]; rejects a malformed answer', async () => {
    const calls: unknown[] = [];
    const ai: Ai = {
      run: async (model, inputs) => {
        calls.push({ model, inputs });
        return { shape: [1, 3], data: [[0.1, 0.2, 0.3]], pooling: 'cls' };
      },
    };
    const embed = workersAiEmbedder(ai, { name: '@cf/baai/bge-small-en-v1.5', dims: 3, pooling: 'cls' }, 'Q: ');
    expect(Array.from(await embed('data'))).toEqual([0.1, 0.2, 0.3].map((x) => Math.fround(x)));
    expect(calls).toEqual([{ model: '@cf/baai/bge-small-en-v1.5', inputs: { text: ['Q: data'], pooling: 'cls' } }]);
    const bad = workersAiEmbedder({ run: async () => ({ data: [[1, 2]] }) }, { name: 'm', dims: 3, pooling: null });
    await expect(bad('x')).rejects.toThrow(/no 3-dimensional embedding/);
  });
});

describe('Vectorize', () => {
  it('queries ids only within the build namespace, caps topK at 100, and maps ids to units', async () => {
    const seen: unknown[] = [];
    const index: VectorizeIndex = {
      query: async (vector, options) => {
        seen.push({ n: vector.length, options });
        return { count: 2, matches: [{ id: '3', score: 0.9 }, { id: '0', score: 0.5 }] };
      },
    };
    const dense = vectorizeDense(index, async () => new Float32Array(4), { namespace: 'b1', units: 10 });
    expect(await dense('q', 500)).toEqual([{ unit: 3, score: 0.9 }, { unit: 0, score: 0.5 }]);
    expect(seen).toEqual([{ n: 4, options: { topK: 100, namespace: 'b1', returnValues: false, returnMetadata: 'none' } }]);
    const foreign = vectorizeDense({ query: async () => ({ count: 1, matches: [{ id: 'x', score: 1 }] }) }, async () => new Float32Array(4), { namespace: 'b1', units: 10 });
    await expect(foreign('q', 5)).rejects.toThrow(/not a unit/);
  });

  it('writes one NDJSON line per unit', () => {
    const lines = vectorizeNdjson(randomVectors(3, 2), 'b1').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2]!)).toMatchObject({ id: '2', namespace: 'b1' });
  });
});

describe('the jieba-wasm segmenter', () => {
  it('keeps the corpus user words whole, then their parts, as the Node segmenter does', () => {
    const segment = wasmSegmenter(jiebaWasm, ['大数据', '数据专员']);
    expect(segment('大数据发展')).toEqual(['大数据', '大', '数据', '发展']);
    expect(segment('明确数据专员')).toEqual(['明确', '数据专员', '数据', '专员']);
  });
});

describe('the edge loader on a dense index (generated test model)', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'regqa-edge-dense-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('embeds queries through the AI binding and finds what Node finds with HNSW; off without the binding', async () => {
    const { regulations } = await loadCorpus(join(ROOT, 'corpus'));
    const chars = [...new Set(regulations.flatMap((r) => r.articles.map((a) => a.text)).join('').replace(/\s/g, ''))];
    const model = await writeTestModel(join(tmp, 'models'), { vocab: chars, dims: 48 });
    const modelConfig = { id: model.modelId, dir: model.modelDir, offline: true, quantized: true, pooling: 'mean' as const, queryInstruction: '', batchSize: 16 };
    const config: IndexConfig = { ...indexConfigFromEnv({}), corpusDir: join(ROOT, 'corpus'), outDir: join(tmp, 'index'), model: modelConfig };
    const built = await buildIndex({ config });
    if (built.status === 'failed') throw new Error('build failed');

    // The test model is no Workers AI model: by default the bundle says so and the edge is lexical-only.
    const plain = await buildEdgeBundle({ indexDir: config.outDir, outDir: join(tmp, 'plain'), measure: false });
    expect(plain.workersAi).toBeNull();
    expect(plain.edgeDenseNote).toMatch(/not served by Workers AI/);
    const read = (dir: string) => (path: string) => readFile(join(dir, 'assets', path)).then((b) => new Uint8Array(b));
    const lexicalOnly = await loadEdgeAssistant({ read: read(join(tmp, 'plain')), jieba: jiebaWasm, warn: () => {} });
    expect(lexicalOnly.health()).toMatchObject({ dense: false, denseNote: expect.stringMatching(/not served by Workers AI/) });

    // Stand in for Workers AI with the same model, as if it served it.
    const bundle = await buildEdgeBundle({ indexDir: config.outDir, outDir: join(tmp, 'dense'), workersAiModel: '@cf/test/char-embed', vectors: 'i8', measure: false });
    expect(bundle.vectors).toMatchObject({ encoding: 'i8', count: built.manifest.counts.units, dims: 48 });
    expect(bundle.vectors!.recallAt10VsF32).toBeGreaterThan(0.9);
    const embedder = await loadEmbedder(modelConfig);
    const ai: Ai = {
      run: async (name, inputs) => {
        expect(name).toBe('@cf/test/char-embed');
        const [vector] = await embedder.embedPassages(inputs.text as string[]);
        return { shape: [1, 48], data: [Array.from(vector!)] };
      },
    };
    const edge = await loadEdgeAssistant({ read: read(join(tmp, 'dense')), jieba: jiebaWasm, ai, mode: 'dense' });
    expect(edge.health()).toMatchObject({ dense: true, denseNote: null, model: model.modelId });
    const node = await loadAssistant(config.outDir, { env: { REGQA_MODEL_DIR: model.modelDir, REGQA_OFFLINE: '1' }, mode: 'dense' });
    for (const q of ['县级以上人民政府有关部门应当明确数据专员', '数据安全管理', '数字乡村建设']) {
      const [e, n] = [await edge.search(q, 3), await node.search(q, 3)];
      expect(e.map((c) => `${c.regulationId} ${c.label}`)[0]).toBe(n.map((c) => `${c.regulationId} ${c.label}`)[0]);
    }

    // A failing binding costs the dense side only, and /healthz says why.
    const broken = await loadEdgeAssistant({ read: read(join(tmp, 'dense')), jieba: jiebaWasm, ai: { run: async () => Promise.reject(new Error('capacity')) }, warn: () => {} });
    expect((await broken.ask({ question: '谁应当明确数据专员？' })).found).toBe(true);
    expect(broken.health()).toMatchObject({ dense: false, denseNote: expect.stringMatching(/capacity/) });
  }, 120_000);
});
