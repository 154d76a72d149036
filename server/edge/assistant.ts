// Edge side of loading: the exported bundle (read through any async reader: the ASSETS binding in the
// Worker, the file system in tests) → the same edge-safe assistant Node serves, with jieba-wasm for
// query segmentation and, when the index model is served by Workers AI, the AI binding for query
// embeddings searched against the bundled vectors (or a Vectorize index). Edge-safe: no Node imports.
import { createAssistant, type AssistantOptions } from '../core/assistant.ts';
import { parseIndexData } from '../core/index-data.ts';
import type { DenseSearch } from '../core/retrieve/lexical.ts';
import { EDGE_INDEX_PREFIX, EDGE_MANIFEST, isEdgeManifest, sha256Hex, type EdgeManifest } from './bundle.ts';
import { wasmSegmenter, type JiebaWasm } from './segment.ts';
import { decodeVectors } from '../../indexer/format/vectors.ts';
import { vectorizeDense } from './vectorize.ts';
import { workersAiEmbedder } from './workers-ai.ts';
import type { Ai, VectorizeIndex } from './workers-types.ts';

/** Reads one file of the bundle, by its path under the assets directory (index/units.json). */
export type BundleReader = (path: string) => Promise<Uint8Array>;

export interface EdgeLoadOptions extends Partial<Pick<AssistantOptions, 'mode' | 'foundThreshold'>> {
  read: BundleReader;
  jieba: JiebaWasm;
  /** The Workers AI binding, when configured. */
  ai?: Ai;
  /** A Vectorize index holding this build's vectors, when configured: used instead of brute force. */
  vectorize?: VectorizeIndex;
  warn?: (line: string) => void;
}

export class EdgeBundleError extends Error {
  constructor(message: string) {
    super(`${message}. Rebuild the bundle with: npm run build:edge`);
    this.name = 'EdgeBundleError';
  }
}

/** Reads a static asset through the ASSETS binding (the host is ignored; only the path matters). */
export function assetsReader(assets: { fetch(input: Request): Promise<Response> }): BundleReader {
  return async (path) => {
    const response = await assets.fetch(new Request(`https://assets.invalid/${path}`));
    if (!response.ok) throw new EdgeBundleError(`edge bundle file ${path} is missing (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

export async function readEdgeManifest(read: BundleReader): Promise<EdgeManifest> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await read(EDGE_INDEX_PREFIX + EDGE_MANIFEST)));
  } catch (error) {
    if (error instanceof EdgeBundleError) throw error;
    throw new EdgeBundleError(`edge bundle manifest is not valid JSON`);
  }
  if (!isEdgeManifest(json)) throw new EdgeBundleError('edge bundle manifest has an unknown format');
  return json;
}

/** Reads every file the manifest lists, checking size and sha256, in parallel. */
async function readVerified(read: BundleReader, manifest: EdgeManifest): Promise<Map<string, Uint8Array>> {
  const entries = await Promise.all(
    Object.entries(manifest.files).map(async ([name, expected]) => {
      const data = await read(EDGE_INDEX_PREFIX + name);
      if (data.byteLength !== expected.bytes) throw new EdgeBundleError(`edge bundle file ${name} is ${data.byteLength} bytes, expected ${expected.bytes}`);
      if ((await sha256Hex(data)) !== expected.sha256) throw new EdgeBundleError(`edge bundle file ${name} fails its checksum`);
      return [name, data] as const;
    }),
  );
  return new Map(entries);
}

export async function loadEdgeAssistant(options: EdgeLoadOptions) {
  const manifest = await readEdgeManifest(options.read);
  const files = await readVerified(options.read, manifest);
  const decoder = new TextDecoder();
  const text = (name: string) => {
    const data = files.get(name);
    if (!data) throw new EdgeBundleError(`edge bundle lacks ${name}`);
    return decoder.decode(data);
  };
  const index = parseIndexData(manifest.info, {
    corpus: text('corpus.json'),
    units: text('units.json'),
    lexical: text('lexical.json'),
    glossary: text('glossary.json'),
    dictionary: text('dictionary.txt'),
  });
  const segment = wasmSegmenter(options.jieba, index.dictionary);
  const { dense, note } = edgeDense(manifest, files, options);
  const warn = options.warn ?? ((line: string) => console.warn(line));
  if (manifest.info.dense && !dense) warn(`warning: dense retrieval unavailable at the edge, serving lexical-only: ${note}`);
  const assistant = createAssistant({ index, segment, dense, denseNote: note, warn, mode: options.mode, foundThreshold: options.foundThreshold });
  return Object.assign(assistant, { manifest });
}

function edgeDense(manifest: EdgeManifest, files: Map<string, Uint8Array>, options: EdgeLoadOptions): { dense: DenseSearch | null; note: string | null } {
  const { info } = manifest;
  if (!info.dense || !info.model) return { dense: null, note: info.denseNote ?? 'the index has no vectors (lexical-only build)' };
  if (!manifest.workersAi) return { dense: null, note: manifest.edgeDenseNote ?? `index model ${info.model.id} is not served by Workers AI; the edge is lexical-only` };
  if (!options.ai) return { dense: null, note: `no Workers AI binding (AI) in this environment; the edge is lexical-only` };
  const embed = workersAiEmbedder(options.ai, manifest.workersAi, info.model.queryInstruction);
  if (options.vectorize && manifest.vectorizeNamespace) {
    return { dense: vectorizeDense(options.vectorize, embed, { namespace: manifest.vectorizeNamespace, units: info.counts.units }), note: null };
  }
  const v = manifest.vectors;
  const data = v && files.get(v.file);
  if (!v || !data) return { dense: null, note: 'the edge bundle has no vectors and no Vectorize index is bound; the edge is lexical-only' };
  const matrix = decodeVectors(data, v.count, v.dims, v.encoding);
  return { dense: async (query, k) => matrix.search(await embed(query), k), note: null };
}
