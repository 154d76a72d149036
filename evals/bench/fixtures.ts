// The indexes the benchmarks run against, built fresh into a temporary folder so that a benchmark never
// depends on (or disturbs) the committed index/ and index-stard/ folders.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex } from '../../indexer/build/build.ts';
import { indexConfigFromEnv, type IndexConfig, type ModelConfig } from '../../indexer/config/index-config.ts';
import { loadCorpus } from '../../indexer/build/corpus.ts';
import { writeTestModel } from '../../indexer/build/test-model.ts';
import { STATUTES_CORPUS } from './corpora.ts';

/** bge-small-zh-v1.5's width, so that dense costs are those of the real default model's vectors. */
export const TEST_MODEL_DIMS = 512;

export interface DenseFixture {
  indexDir: string;
  model: ModelConfig;
  /** What loadAssistant needs to find the generated model again. */
  env: Record<string, string>;
}

/** One temporary folder per benchmark run; `dispose` removes everything built in it. */
export class Fixtures {
  private constructor(readonly root: string) {}
  private lexical = new Map<string, Promise<string>>();
  private dense: Promise<DenseFixture> | null = null;

  static async create(): Promise<Fixtures> {
    return new Fixtures(await mkdtemp(join(tmpdir(), 'regqa-bench-')));
  }

  /** A lexical-only index (REGQA_MODEL=none) of a corpus folder; built once per run. */
  lexicalIndex(corpusDir: string, name: string): Promise<string> {
    let built = this.lexical.get(name);
    if (!built) {
      built = build({ ...indexConfigFromEnv({}), corpusDir, outDir: join(this.root, name), model: null });
      this.lexical.set(name, built);
    }
    return built;
  }

  /**
   * The two statutes embedded with the generated test model (vocabulary: every distinct character of
   * the corpus), so that dense and hybrid retrieval run through the real transformers.js + hnswlib path.
   */
  denseIndex(): Promise<DenseFixture> {
    this.dense ??= (async () => {
      const { regulations } = await loadCorpus(STATUTES_CORPUS);
      const text = regulations.flatMap((r) => [r.title, ...r.articles.map((a) => a.text), ...r.sections.map((s) => s.text)]).join('');
      const vocab = [...new Set(text.replace(/\s/g, ''))];
      const written = await writeTestModel(join(this.root, 'models'), { vocab, dims: TEST_MODEL_DIMS });
      const model: ModelConfig = { id: written.modelId, dir: written.modelDir, offline: true, quantized: true, pooling: 'mean', queryInstruction: '', batchSize: 32 };
      const indexDir = await build({ ...indexConfigFromEnv({}), corpusDir: STATUTES_CORPUS, outDir: join(this.root, 'dense'), model });
      return { indexDir, model, env: { REGQA_MODEL_DIR: written.modelDir, REGQA_OFFLINE: '1' } };
    })();
    return this.dense;
  }

  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

async function build(config: IndexConfig): Promise<string> {
  const result = await buildIndex({ config, force: true });
  if (result.status === 'failed') throw new Error(`cannot index ${config.corpusDir}: ${result.issues.map((i) => i.message).join('; ')}`);
  if (config.model && !result.manifest.dense) throw new Error(`the test model did not load: ${result.manifest.denseNote}`);
  return config.outDir;
}
