// A tiny transformers.js-loadable "BERT" for tests on machines without the Hugging Face Hub.
// The ONNX graph is a single Gather (token id → fixed random vector), so mean pooling yields a
// bag-of-tokens embedding: texts sharing characters land close together, which makes ranking
// assertions meaningful while exercising the real tokenizer → ONNX Runtime → pooling path.
import type { ModelConfig } from '../config/index-config.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

// onnx-proto is CommonJS (`module.exports = $root`), so Node's ESM loader only exposes a default export.
const { onnx } = onnxProto;

export const DEFAULT_TEST_MODEL_ID = 'regqa-test/char-embed';

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
/** Special tokens still count in mean pooling; near-zero rows keep them from dominating the direction. */
const SPECIAL_ROW_SCALE = 1e-3;

export interface TestModelOptions {
  modelId?: string;
  /** Tokens after the specials, e.g. single CJK characters and ASCII words. Lower-cased (the normalizer lower-cases input) and de-duplicated. */
  vocab: string[];
  dims?: number;
  seed?: number;
}

export interface TestModel {
  /** Pass as `ModelConfig.dir`. */
  modelDir: string;
  modelId: string;
  dims: number;
}

export async function writeTestModel(dir: string, opts: TestModelOptions): Promise<TestModel> {
  const modelId = opts.modelId ?? DEFAULT_TEST_MODEL_ID;
  const dims = opts.dims ?? 32;
  const tokens = [...new Set([...SPECIAL_TOKENS, ...opts.vocab.map((t) => t.toLowerCase())])];
  const root = path.join(dir, modelId);
  await mkdir(path.join(root, 'onnx'), { recursive: true });

  const onnxBytes = encodeGatherModel(embeddingTable(tokens.length, dims, opts.seed ?? 42), tokens.length, dims);
  await Promise.all([
    writeJson(path.join(root, 'config.json'), bertConfig(tokens.length, dims)),
    writeJson(path.join(root, 'tokenizer.json'), tokenizerJson(tokens)),
    writeJson(path.join(root, 'tokenizer_config.json'), tokenizerConfig()),
    writeFile(path.join(root, 'onnx', 'model.onnx'), onnxBytes),
    writeFile(path.join(root, 'onnx', 'model_quantized.onnx'), onnxBytes),
  ]);
  return { modelDir: dir, modelId, dims };
}

function writeJson(file: string, value: unknown): Promise<void> {
  return writeFile(file, JSON.stringify(value, null, 2) + '\n');
}

/** A small seeded PRNG, so generated models and test vectors are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function embeddingTable(vocabSize: number, dims: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const table = new Float32Array(vocabSize * dims);
  for (let row = 0; row < vocabSize; row++) {
    const scale = row < SPECIAL_TOKENS.length ? SPECIAL_ROW_SCALE : 1;
    for (let d = 0; d < dims; d++) table[row * dims + d] = (next() * 2 - 1) * scale;
  }
  return table;
}

function encodeGatherModel(table: Float32Array, vocabSize: number, dims: number): Uint8Array {
  // ONNX raw_data is little-endian regardless of host byte order.
  const raw = Buffer.alloc(table.length * 4);
  table.forEach((v, i) => raw.writeFloatLE(v, i * 4));

  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'regqa-test-model',
    graph: {
      name: 'char_embed',
      node: [
        {
          name: 'lookup',
          opType: 'Gather',
          input: ['embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [{ name: 'embeddings', dataType: FLOAT, dims: [vocabSize, dims], rawData: raw }],
      // Only input_ids is declared: transformers.js feeds exactly the inputs a session declares.
      input: [tensorInfo('input_ids', INT64, ['batch', 'seq'])],
      output: [tensorInfo('last_hidden_state', FLOAT, ['batch', 'seq', dims])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function tensorInfo(name: string, elemType: number, shape: (string | number)[]): Onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

function bertConfig(vocabSize: number, dims: number): object {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: dims,
    vocab_size: vocabSize,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dims,
    max_position_embeddings: 512,
    type_vocab_size: 1,
    pad_token_id: 0,
  };
}

function tokenizerJson(tokens: string[]): object {
  const id = (t: string): number => tokens.indexOf(t);
  const special = (t: string): object => ({ id: t, ids: [id(t)], tokens: [t] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((t) => ({
      id: id(t),
      content: t,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(tokens.map((t, i) => [t, i])),
    },
  };
}

function tokenizerConfig(): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    model_max_length: 512,
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
}

/** The ModelConfig that loads a generated test model offline. */
export function testModelConfig(model: TestModel, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return { id: model.modelId, dir: model.modelDir, offline: true, quantized: true, pooling: 'mean', queryInstruction: '', batchSize: 4, ...overrides };
}
