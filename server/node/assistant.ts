// Node side of loading: verify the index on disk, wire nodejs-jieba and (when the index has vectors)
// hnswlib-node plus the transformers.js query embedder into the edge-safe assistant.
import { join } from 'node:path';
import { indexConfigFromEnv } from '../../indexer/config.ts';
import { jiebaSegmenter } from '../../indexer/segment.ts';
import { currentVersionDir, IndexLoadError, readManifest, readVerified, type IndexManifest } from '../../indexer/store.ts';
import type { Segment } from '../../indexer/tokens.ts';
import { loadHnsw } from '../../indexer/vector-index.ts';
import { createAssistant, type AssistantOptions } from '../core/assistant.ts';
import { parseIndexData, type IndexData } from '../core/index-data.ts';
import type { DenseSearch } from '../core/retrieve.ts';

export type LoadOptions = Partial<Pick<AssistantOptions, 'mode' | 'foundThreshold'>> & {
  env?: Record<string, string | undefined>;
  warn?: (line: string) => void;
};

/** Accepts an index root (with CURRENT) or one version directory (with manifest.json). */
export async function resolveIndexDir(dir: string): Promise<string> {
  const current = await currentVersionDir(dir);
  if (current) return current;
  try {
    await readManifest(dir);
    return dir;
  } catch {
    throw new IndexLoadError('no index found: neither CURRENT nor manifest.json', dir);
  }
}

export async function loadIndexData(dir: string): Promise<{ data: IndexData; manifest: IndexManifest; dir: string }> {
  const versionDir = await resolveIndexDir(dir);
  const manifest = await readManifest(versionDir);
  const files = await readVerified(versionDir, manifest, ['corpus.json', 'units.json', 'lexical.json', 'glossary.json', 'dictionary.txt']);
  const text = (name: string) => {
    const buf = files.get(name);
    if (!buf) throw new IndexLoadError('index artefact is not listed in the manifest', join(versionDir, name));
    return buf.toString('utf8');
  };
  const data = parseIndexData(manifest, {
    corpus: text('corpus.json'),
    units: text('units.json'),
    lexical: text('lexical.json'),
    glossary: text('glossary.json'),
    dictionary: text('dictionary.txt'),
  });
  return { data, manifest, dir: versionDir };
}

export async function loadAssistant(dir: string, options: LoadOptions = {}) {
  const { data, manifest, dir: versionDir } = await loadIndexData(dir);
  const warn = options.warn ?? ((line: string) => console.warn(line));
  // jieba's dictionary takes seconds and ~230 MB to load: it loads at the first question that needs it (or
  // at warmUp()), so that health checks, pages and the catalogue never wait for it.
  let jieba: Segment | null = null;
  const loadJieba = () => (jieba ??= jiebaSegmenter(data.dictionary));
  const segment: Segment = (text) => loadJieba()(text);
  const { dense, note } = await loadDense(versionDir, manifest, options.env ?? process.env);
  if (manifest.dense && !dense) warn(`warning: dense retrieval unavailable, serving lexical-only: ${note}`);
  const assistant = createAssistant({ index: data, segment, dense, denseNote: note, warn, mode: options.mode, foundThreshold: options.foundThreshold });
  return Object.assign(assistant, { warmUp: () => void loadJieba() });
}

async function loadDense(dir: string, manifest: IndexManifest, env: Record<string, string | undefined>): Promise<{ dense: DenseSearch | null; note: string | null }> {
  if (!manifest.dense || !manifest.model || !manifest.hnsw) return { dense: null, note: manifest.denseNote };
  const local = indexConfigFromEnv({ ...env, REGQA_MODEL: manifest.model.id }).model!;
  const hnsw = await loadHnsw(join(dir, 'hnsw.bin'), manifest.model.dims, manifest.hnsw);
  // transformers.js (and onnxruntime) only for an index that has vectors.
  const { EmbedderUnavailable, loadEmbedder } = await import('../../indexer/embed.ts');
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
