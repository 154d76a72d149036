// Node runtime: verify the index on disk, wire nodejs-jieba and (when the index has vectors)
// hnswlib-node plus the transformers.js query embedder into the edge-safe core.
import { join } from 'node:path';
import { jiebaCoined, jiebaSegmenter } from '../../indexer/build/segment.ts';
import { loadHnsw } from '../../indexer/build/hnsw.ts';
import { indexConfigFromEnv } from '../../indexer/config/index-config.ts';
import type { Segment } from '../../indexer/language/tokens.ts';
import { ARTEFACTS, PARSED_ARTEFACTS } from '../../indexer/format/artefacts.ts';
import type { IndexManifest } from '../../indexer/format/manifest.ts';
import { fileSource, readManifest, resolveIndexDir } from '../../indexer/format/node-files.ts';
import { artefactBytes, readVerified } from '../../indexer/format/reader.ts';
import { createAssistant, parseIndexData, type AssistantOptions, type DenseSearch, type IndexData } from '../core/index.ts';

export { resolveIndexDir };

export type LoadOptions = Partial<Pick<AssistantOptions, 'mode' | 'tuning'>> & {
  env?: Record<string, string | undefined>;
  warn?: (line: string) => void;
};

export async function loadIndexData(dir: string): Promise<{ data: IndexData; manifest: IndexManifest; dir: string }> {
  const versionDir = await resolveIndexDir(dir);
  const manifest = await readManifest(versionDir);
  const source = fileSource(versionDir);
  const files = await readVerified(source, manifest.files, PARSED_ARTEFACTS);
  const data = parseIndexData(manifest, (name) => artefactBytes(files, name, source));
  return { data, manifest, dir: versionDir };
}

export async function loadAssistant(dir: string, options: LoadOptions = {}) {
  return assistantOver(await loadIndexData(dir), options);
}

/** An assistant over index data already loaded (the evals build several over one index). */
export async function assistantOver(loaded: Awaited<ReturnType<typeof loadIndexData>>, options: LoadOptions = {}) {
  const { data, manifest, dir: versionDir } = loaded;
  const warn = options.warn ?? ((line: string) => console.warn(line));
  // jieba's dictionary takes seconds and ~230 MB to load: it loads at the first question that needs it (or
  // at warmUp()), so that health checks, pages and the catalogue never wait for it.
  let jieba: Segment | null = null;
  const loadJieba = () => (jieba ??= jiebaSegmenter(data.dictionary));
  const segment: Segment = (text) => loadJieba()(text);
  const { dense, note } = await loadDense(versionDir, manifest, options.env ?? process.env);
  if (manifest.dense && !dense) warn(`warning: dense retrieval unavailable, serving lexical-only: ${note}`);
  const assistant = createAssistant({ index: data, segment, coined: jiebaCoined, dense, denseNote: note, warn, mode: options.mode, tuning: options.tuning });
  return Object.assign(assistant, { warmUp: () => void loadJieba() });
}

async function loadDense(dir: string, manifest: IndexManifest, env: Record<string, string | undefined>): Promise<{ dense: DenseSearch | null; note: string | null }> {
  if (!manifest.dense || !manifest.model || !manifest.hnsw) return { dense: null, note: manifest.denseNote };
  const local = indexConfigFromEnv({ ...env, REGQA_MODEL: manifest.model.id }).model!;
  const hnsw = await loadHnsw(join(dir, ARTEFACTS.hnsw), manifest.model.dims, manifest.hnsw);
  // transformers.js (and onnxruntime) only for an index that has vectors.
  const { EmbedderUnavailable, loadEmbedder } = await import('../../indexer/build/embed.ts');
  try {
    const embedder = await loadEmbedder({ ...local, pooling: manifest.model.pooling, quantized: manifest.model.quantized, queryInstruction: manifest.model.queryInstruction });
    if (embedder.dims !== manifest.model.dims) return { dense: null, note: `model ${manifest.model.id} now gives ${embedder.dims} dimensions, the index has ${manifest.model.dims}` };
    const dense: DenseSearch = async (query, k) => {
      const { ids, scores } = hnsw.search(await embedder.embedQuery(query), k);
      return ids.map((unit, i) => ({ unit, score: scores[i]! }));
    };
    return { dense, note: null };
  } catch (error) {
    if (error instanceof EmbedderUnavailable) return { dense: null, note: error.reason };
    throw error;
  }
}
