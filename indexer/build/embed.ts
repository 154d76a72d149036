// Dense embeddings through transformers.js (ONNX Runtime on CPU).
// Passages and queries go through the same pipeline; only queries get the model's instruction prefix.
import { env, pipeline } from '@xenova/transformers';
import type { ModelConfig } from '../config/index-config.ts';

export interface Embedder {
  readonly modelId: string;
  readonly dims: number;
  /** L2-normalised, one per text, in input order. `onBatch` reports texts done so far. */
  embedPassages(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

/** What `loadEmbedder` returns: an Embedder whose query cache can be observed. */
export interface LoadedEmbedder extends Embedder {
  readonly queryCacheHits: number;
}

export class EmbedderUnavailable extends Error {
  constructor(
    /** One human line, suitable for logs and health endpoints. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'EmbedderUnavailable';
  }
}

const QUERY_CACHE_SIZE = 1000;
/** Embedded once at load: proves the ONNX session runs and tells us the output width. */
const PROBE_TEXT = 'probe';

// transformers.js reads these from a process-wide `env` while files are fetched, so loads are
// serialised and every load resets them rather than inheriting a previous load's choices.
const DEFAULT_CACHE_DIR = env.cacheDir;
const DEFAULT_LOCAL_MODEL_PATH = env.localModelPath;
let loadQueue: Promise<unknown> = Promise.resolve();

type Extractor = Awaited<ReturnType<typeof pipeline<'feature-extraction'>>>;

/** The Hub is given up when nothing arrives for this long (a blocked network hangs, it does not fail). */
const HUB_STALL_MS = 15_000;
/** Download progress is reported every this many percent of a file. */
const PROGRESS_STEP = 10;

/** `log` hears what the load is doing: where it looks, and how a download is going. */
export function loadEmbedder(config: ModelConfig, log: (line: string) => void = () => {}): Promise<LoadedEmbedder> {
  const load = loadQueue.then(() => loadNow(config, log));
  loadQueue = load.catch(() => undefined);
  return load;
}

interface Progress {
  status: string;
  file?: string;
  progress?: number;
  total?: number;
}

async function loadNow(config: ModelConfig, log: (line: string) => void): Promise<LoadedEmbedder> {
  env.allowLocalModels = true;
  env.allowRemoteModels = !config.offline;
  env.localModelPath = config.dir ?? DEFAULT_LOCAL_MODEL_PATH;
  // With a dir, downloads land in the same `<dir>/<id>/…` layout, so a later offline run finds them.
  env.cacheDir = config.dir ?? DEFAULT_CACHE_DIR;

  let extractor: Extractor;
  let dims: number;
  try {
    if (!config.offline) {
      log(
        `Loading embedding model ${config.id}: ${env.localModelPath}, then the Hugging Face Hub ` +
          `(given up after ${HUB_STALL_MS / 1000} s without a reply; REGQA_MODEL=none or REGQA_OFFLINE=1 skips this)…`,
      );
    }
    let stalled: NodeJS.Timeout | undefined;
    let giveUp: (error: Error) => void = () => {};
    const stall = new Promise<never>((_, reject) => (giveUp = reject));
    const restartClock = () => {
      clearTimeout(stalled);
      stalled = setTimeout(() => giveUp(new Error(`no reply from the Hugging Face Hub for ${HUB_STALL_MS / 1000} s`)), HUB_STALL_MS);
      stalled.unref();
    };
    const reported = new Map<string, number>();
    const onProgress = (p: Progress) => {
      restartClock();
      if (p.status !== 'progress' || !p.file || p.progress === undefined) return;
      const step = Math.floor(p.progress / PROGRESS_STEP) * PROGRESS_STEP;
      if (step <= (reported.get(p.file) ?? -1)) return;
      reported.set(p.file, step);
      log(`  downloading ${config.id}/${p.file}: ${step}%${p.total ? ` of ${(p.total / 1e6).toFixed(1)} MB` : ''}`);
    };
    if (!config.offline) restartClock();
    try {
      extractor = await Promise.race([
        pipeline('feature-extraction', config.id, { quantized: config.quantized, local_files_only: config.offline, progress_callback: onProgress }),
        stall,
      ]);
    } finally {
      clearTimeout(stalled);
    }
    dims = (await runBatch(extractor, [PROBE_TEXT], config.pooling))[0]?.length ?? 0;
  } catch (cause) {
    const where = config.offline
      ? `offline: no usable local copy in ${env.localModelPath}`
      : `tried ${env.localModelPath}, then the Hugging Face Hub`;
    throw new EmbedderUnavailable(`model ${config.id} could not be loaded (${where}): ${firstLine(cause)}`, { cause });
  }
  if (dims === 0) throw new EmbedderUnavailable(`model ${config.id} produced empty embeddings`);
  return new TransformersEmbedder(config, extractor, dims);
}

class TransformersEmbedder implements LoadedEmbedder {
  readonly modelId: string;
  private readonly queryCache = new LruCache<string, Float32Array>(QUERY_CACHE_SIZE);
  private hits = 0;

  constructor(
    private readonly config: ModelConfig,
    private readonly extractor: Extractor,
    readonly dims: number,
  ) {
    this.modelId = config.id;
  }

  get queryCacheHits(): number {
    return this.hits;
  }

  async embedPassages(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.config.batchSize) {
      const batch = texts.slice(start, start + this.config.batchSize);
      out.push(...(await runBatch(this.extractor, batch, this.config.pooling)));
      onBatch?.(out.length, texts.length);
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const cached = this.queryCache.get(text);
    if (cached) {
      this.hits++;
      return cached.slice(); // callers may mutate; the cached copy must stay intact
    }
    const [vector] = await runBatch(this.extractor, [this.config.queryInstruction + text], this.config.pooling);
    if (!vector) throw new Error(`model ${this.modelId} returned no embedding for the query`);
    this.queryCache.set(text, vector);
    return vector.slice();
  }
}

async function runBatch(extractor: Extractor, texts: string[], pooling: ModelConfig['pooling']): Promise<Float32Array[]> {
  const output = await extractor(texts, { pooling, normalize: true });
  const [rows, width] = output.dims;
  if (rows !== texts.length || width === undefined) {
    throw new Error(`unexpected embedding shape [${output.dims.join(', ')}] for ${texts.length} texts`);
  }
  const data = output.data;
  if (!(data instanceof Float32Array)) throw new Error(`unexpected embedding type ${output.type}`);
  return texts.map((_, i) => data.slice(i * width, (i + 1) * width));
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n', 1)[0] ?? text;
}

/** Map iteration order is insertion order, so re-inserting on read makes the first key the least recent. */
class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
