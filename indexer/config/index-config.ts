// Index and embedding configuration, read from the environment in one place.
// CLI flags override these (see cli.ts); everything else receives a plain object.
import { z } from 'zod';
import { flag, parseEnv } from './env.ts';

export const DEFAULT_MODEL_ID = 'Xenova/bge-small-zh-v1.5';
/** bge-*-zh models expect this prefix on short queries (not on passages). */
export const BGE_ZH_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';

export interface ModelConfig {
  /** Hugging Face model id, or a folder name under `dir`. */
  id: string;
  /** Local folder holding `<id>/config.json, tokenizer.json, onnx/…` (transformers.js `env.localModelPath`). */
  dir: string | null;
  /** Never reach for the Hub; only `dir` is consulted. */
  offline: boolean;
  quantized: boolean;
  pooling: 'mean' | 'cls';
  queryInstruction: string;
  batchSize: number;
}

export interface HnswParams {
  M: number;
  efConstruction: number;
  efSearch: number;
}

export interface IndexConfig {
  corpusDir: string;
  outDir: string;
  /** null: lexical-only by choice (REGQA_MODEL=none). */
  model: ModelConfig | null;
  hnsw: HnswParams;
  /** The question log to learn from (REGQA_QUESTION_LOG / --questions); null: `<corpus>/questions.jsonl` if present. */
  questionLog: string | null;
  /** Derived data kept between builds (CC-CEDICT's senses as JSON); null: never cached (REGQA_CACHE_DIR=none). */
  cacheDir: string | null;
}


const EnvSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('index'),
  REGQA_CACHE_DIR: z.string().min(1).default('node_modules/.cache/regqa'),
  REGQA_QUESTION_LOG: z.string().min(1).optional(),
  REGQA_MODEL: z.string().min(1).default(DEFAULT_MODEL_ID),
  REGQA_MODEL_DIR: z.string().min(1).optional(),
  REGQA_OFFLINE: flag.optional(),
  REGQA_QUANTIZED: flag.default(true),
  REGQA_POOLING: z.enum(['mean', 'cls']).optional(),
  REGQA_QUERY_INSTRUCTION: z.string().optional(),
  REGQA_EMBED_BATCH: z.coerce.number().int().min(1).max(1024).default(32),
  REGQA_HNSW_M: z.coerce.number().int().min(4).max(128).default(16),
  REGQA_HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(8).max(2000).default(200),
  REGQA_HNSW_EF_SEARCH: z.coerce.number().int().min(8).max(2000).default(128),
});

export function indexConfigFromEnv(env: Record<string, string | undefined> = process.env): IndexConfig {
  const e = parseEnv(EnvSchema, env);
  const isBge = /bge/i.test(e.REGQA_MODEL);
  const model: ModelConfig | null =
    e.REGQA_MODEL === 'none'
      ? null
      : {
          id: e.REGQA_MODEL,
          dir: e.REGQA_MODEL_DIR ?? null,
          // A local folder without an explicit choice means "use only this folder".
          offline: e.REGQA_OFFLINE ?? e.REGQA_MODEL_DIR !== undefined,
          quantized: e.REGQA_QUANTIZED,
          // bge is trained with the [CLS] vector; sentence-transformers models with mean pooling.
          pooling: e.REGQA_POOLING ?? (isBge ? 'cls' : 'mean'),
          queryInstruction: e.REGQA_QUERY_INSTRUCTION ?? (isBge && /zh/i.test(e.REGQA_MODEL) ? BGE_ZH_QUERY_INSTRUCTION : ''),
          batchSize: e.REGQA_EMBED_BATCH,
        };
  return {
    corpusDir: e.CORPUS_DIR,
    outDir: e.INDEX_DIR,
    model,
    hnsw: { M: e.REGQA_HNSW_M, efConstruction: e.REGQA_HNSW_EF_CONSTRUCTION, efSearch: e.REGQA_HNSW_EF_SEARCH },
    questionLog: e.REGQA_QUESTION_LOG ?? null,
    cacheDir: e.REGQA_CACHE_DIR === 'none' ? null : e.REGQA_CACHE_DIR,
  };
}
