import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../config/index-config.ts';
import { EmbedderUnavailable, loadEmbedder, type LoadedEmbedder } from './embed.ts';
import { testModelConfig, writeTestModel, type TestModel } from './test-model.ts';

const TARGET = '县级以上人民政府有关部门应当明确数据专员';
const PASSAGES = [
  '鼓励企业建立首席数据官制度',
  TARGET,
  '本条例自公布之日起施行',
  '数据处理者应当依法履行数据安全保护义务',
  '任何组织和个人不得窃取或者以其他非法方式获取数据',
  '公共数据开放应当遵循分类分级原则',
  '违反本条例规定的依法承担法律责任',
  'data officer',
  'open api',
];
const QUERY = '谁应当明确数据专员';

let tmp: string;
let model: TestModel;
let embedder: LoadedEmbedder;

const configFor = (overrides: Partial<ModelConfig> = {}): ModelConfig => testModelConfig(model, overrides);

function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'regqa-embed-'));
  const vocab = [...new Set([...PASSAGES, QUERY].join('').replace(/[a-z ]/g, ''))];
  model = await writeTestModel(tmp, { vocab: [...vocab, 'data', 'officer', 'open', 'api'] });
  embedder = await loadEmbedder(configFor());
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('loadEmbedder with the generated local model', () => {
  it('embeds passages batch by batch into unit vectors of the model width', async () => {
    const progress: [number, number][] = [];
    const vectors = await embedder.embedPassages(PASSAGES, (done, total) => progress.push([done, total]));

    expect(embedder.modelId).toBe(model.modelId);
    expect(embedder.dims).toBe(model.dims);
    expect(progress).toEqual([
      [4, 9],
      [8, 9],
      [9, 9],
    ]);
    expect(vectors).toHaveLength(PASSAGES.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(model.dims);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic across calls, batch boundaries and the quantized/full model files', async () => {
    const a = await embedder.embedPassages(PASSAGES);
    const oneByOne = await loadEmbedder(configFor({ batchSize: 1, quantized: false }));
    const b = await oneByOne.embedPassages(PASSAGES);
    // Padding differs between batchings; the attention mask must keep it out of the mean.
    a.forEach((v, i) => {
      const w = b[i];
      if (!w) throw new Error(`missing vector ${i}`);
      v.forEach((x, d) => expect(x).toBeCloseTo(w[d] ?? NaN, 6));
    });
  });

  it('returns an empty result without touching the model for no passages', async () => {
    const calls: number[] = [];
    expect(await embedder.embedPassages([], (done) => calls.push(done))).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('ranks the passage sharing most characters with the query first', async () => {
    const passages = await embedder.embedPassages(PASSAGES);
    const q = await embedder.embedQuery(QUERY);
    const scores = passages.map((p) => dot(q, p));
    const best = scores.indexOf(Math.max(...scores));
    expect(PASSAGES[best]).toBe(TARGET);
  });

  it('lower-cases ASCII like a BERT uncased tokenizer', async () => {
    const [upper, lower] = await embedder.embedPassages(['DATA Officer', 'data officer']);
    expect(upper).toEqual(lower);
  });

  it('prepends the query instruction to queries only', async () => {
    const instructed = await loadEmbedder(configFor({ queryInstruction: '数据' }));
    const query = await instructed.embedQuery('专员');
    const [asPassage] = await instructed.embedPassages(['数据专员']);
    const [plain] = await instructed.embedPassages(['专员']);
    expect(query).toEqual(asPassage);
    expect(query).not.toEqual(plain);
  });

  it('passes the pooling choice through: cls pooling reads only the [CLS] position', async () => {
    const cls = await loadEmbedder(configFor({ pooling: 'cls' }));
    const [a, b] = await cls.embedPassages(['数据专员', '本条例自公布之日起施行']);
    // The toy model has no attention, so [CLS] carries the same vector whatever follows it.
    expect(a).toEqual(b);
    expect(Math.sqrt(dot(a!, a!))).toBeCloseTo(1, 5);
  });

  it('answers a repeated query from the cache with an independent copy', async () => {
    const fresh = await loadEmbedder(configFor());
    const first = await fresh.embedQuery('数据专员');
    expect(fresh.queryCacheHits).toBe(0);
    first.fill(0);
    const second = await fresh.embedQuery('数据专员');
    expect(fresh.queryCacheHits).toBe(1);
    expect(Math.sqrt(dot(second, second))).toBeCloseTo(1, 5);
    await fresh.embedQuery('首席数据官');
    expect(fresh.queryCacheHits).toBe(1);
  });
});

describe('loadEmbedder failures', () => {
  it('fails fast offline when the model folder does not exist', async () => {
    const started = Date.now();
    const err = await loadEmbedder(configFor({ id: 'nobody/no-such-model' })).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err).toBeInstanceOf(EmbedderUnavailable);
    const reason = (err as EmbedderUnavailable).reason;
    expect(reason).toContain('nobody/no-such-model');
    expect(reason).toContain('offline');
    expect(reason).not.toContain('\n');
  });

  it('reports an unloadable ONNX file as unavailable rather than failing on first use', async () => {
    const broken = await writeTestModel(tmp, { modelId: 'regqa-test/broken', vocab: ['数', '据'] });
    await writeFile(path.join(broken.modelDir, broken.modelId, 'onnx', 'model_quantized.onnx'), 'not an onnx model');
    await expect(loadEmbedder(configFor({ id: broken.modelId }))).rejects.toBeInstanceOf(EmbedderUnavailable);
  });
});
