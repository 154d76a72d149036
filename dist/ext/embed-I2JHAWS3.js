// indexer/embed.ts
import { env, pipeline } from "@xenova/transformers";
var EmbedderUnavailable = class extends Error {
  constructor(reason, options) {
    super(reason, options);
    this.reason = reason;
    this.name = "EmbedderUnavailable";
  }
  reason;
};
var QUERY_CACHE_SIZE = 1e3;
var PROBE_TEXT = "probe";
var DEFAULT_CACHE_DIR = env.cacheDir;
var DEFAULT_LOCAL_MODEL_PATH = env.localModelPath;
var loadQueue = Promise.resolve();
function loadEmbedder(config) {
  const load = loadQueue.then(() => loadNow(config));
  loadQueue = load.catch(() => void 0);
  return load;
}
async function loadNow(config) {
  env.allowLocalModels = true;
  env.allowRemoteModels = !config.offline;
  env.localModelPath = config.dir ?? DEFAULT_LOCAL_MODEL_PATH;
  env.cacheDir = config.dir ?? DEFAULT_CACHE_DIR;
  let extractor;
  let dims;
  try {
    extractor = await pipeline("feature-extraction", config.id, {
      quantized: config.quantized,
      local_files_only: config.offline
    });
    dims = (await runBatch(extractor, [PROBE_TEXT], config.pooling))[0]?.length ?? 0;
  } catch (cause) {
    const where = config.offline ? `offline: no usable local copy in ${env.localModelPath}` : `tried ${env.localModelPath}, then the Hugging Face Hub`;
    throw new EmbedderUnavailable(`model ${config.id} could not be loaded (${where}): ${firstLine(cause)}`, { cause });
  }
  if (dims === 0) throw new EmbedderUnavailable(`model ${config.id} produced empty embeddings`);
  return new TransformersEmbedder(config, extractor, dims);
}
var TransformersEmbedder = class {
  constructor(config, extractor, dims) {
    this.config = config;
    this.extractor = extractor;
    this.dims = dims;
    this.modelId = config.id;
  }
  config;
  extractor;
  dims;
  modelId;
  queryCache = new LruCache(QUERY_CACHE_SIZE);
  hits = 0;
  get queryCacheHits() {
    return this.hits;
  }
  async embedPassages(texts, onBatch) {
    const out = [];
    for (let start = 0; start < texts.length; start += this.config.batchSize) {
      const batch = texts.slice(start, start + this.config.batchSize);
      out.push(...await runBatch(this.extractor, batch, this.config.pooling));
      onBatch?.(out.length, texts.length);
    }
    return out;
  }
  async embedQuery(text) {
    const cached = this.queryCache.get(text);
    if (cached) {
      this.hits++;
      return cached.slice();
    }
    const [vector] = await runBatch(this.extractor, [this.config.queryInstruction + text], this.config.pooling);
    if (!vector) throw new Error(`model ${this.modelId} returned no embedding for the query`);
    this.queryCache.set(text, vector);
    return vector.slice();
  }
};
async function runBatch(extractor, texts, pooling) {
  const output = await extractor(texts, { pooling, normalize: true });
  const [rows, width] = output.dims;
  if (rows !== texts.length || width === void 0) {
    throw new Error(`unexpected embedding shape [${output.dims.join(", ")}] for ${texts.length} texts`);
  }
  const data = output.data;
  if (!(data instanceof Float32Array)) throw new Error(`unexpected embedding type ${output.type}`);
  return texts.map((_, i) => data.slice(i * width, (i + 1) * width));
}
function firstLine(err) {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n", 1)[0] ?? text;
}
var LruCache = class {
  constructor(capacity) {
    this.capacity = capacity;
  }
  capacity;
  entries = /* @__PURE__ */ new Map();
  get(key) {
    const value = this.entries.get(key);
    if (value !== void 0) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key, value) {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
};
export {
  EmbedderUnavailable,
  loadEmbedder
};
