// Edge runtime: the exported bundle (read through any async reader: the ASSETS binding in the Worker,
// the file system in tests) → the same edge-safe core Node serves, with jieba-wasm for query
// segmentation and, when the index model is served by Workers AI, the AI binding for query embeddings
// searched against the bundled vectors (or a Vectorize index). Edge-safe: no Node imports.
//
//   server/edge/dist/
//     assets/                    ← wrangler [assets] directory, bound as ASSETS (never served publicly:
//       index/manifest.json         run_worker_first = true, and the app has no route to these files)
//       index/corpus.json  units.json  lexical.bin  glossary.json  dictionary.txt
//       index/vectors.f32 | vectors.i8   (only when the index is dense)
//     jieba_rs_wasm_bg.wasm      ← imported by worker.ts, bundled into the script as a compiled module
//     report.json                ← sizes against the Workers limits (build.ts)
//     vectorize.ndjson           ← only with --vectorize
import { MANIFEST } from '../../indexer/format/artefacts.ts';
import { IndexLoadError, parseManifest, type IndexManifest } from '../../indexer/format/manifest.ts';
import { artefactBytes, readVerified, sha256Hex, type ByteSource } from '../../indexer/format/reader.ts';
import { decodeVectors } from '../../indexer/format/vectors.ts';
import { createAssistant, parseIndexData, type AssistantOptions, type DenseSearch } from '../core/index.ts';
import { wasmCoined, wasmSegmenter, type JiebaWasm } from './segment.ts';
import { vectorizeDense } from './vectorize.ts';
import { workersAiEmbedder } from './workers-ai.ts';
import type { Ai, VectorizeIndex } from './workers-types.ts';

/** Where the index lives inside the assets directory (and so on the ASSETS binding). */
export const EDGE_INDEX_PREFIX = 'index/';
export const EDGE_FIX = 'npm run build:edge';

/** Reads one file of the bundle, by its path under the assets directory (index/units.json). */
export type BundleReader = (path: string) => Promise<Uint8Array>;

export interface EdgeLoadOptions extends Partial<Pick<AssistantOptions, 'mode' | 'tuning'>> {
  read: BundleReader;
  jieba: JiebaWasm;
  /** The Workers AI binding, when configured. */
  ai?: Ai;
  /** A Vectorize index holding this build's vectors, when configured: used instead of brute force. */
  vectorize?: VectorizeIndex;
  warn?: (line: string) => void;
}

/** Reads a static asset through the ASSETS binding (the host is ignored; only the path matters). */
export function assetsReader(assets: { fetch(input: Request): Promise<Response> }): BundleReader {
  return async (path) => {
    const response = await assets.fetch(new Request(`https://assets.invalid/${path}`));
    if (!response.ok) throw new IndexLoadError(`edge bundle file is missing (HTTP ${response.status})`, path, EDGE_FIX);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/** The bundle as a byte source for the format's verifying reader. */
export function bundleSource(read: BundleReader): ByteSource {
  return {
    where: (name) => EDGE_INDEX_PREFIX + name,
    fix: EDGE_FIX,
    async load(name) {
      const data = await read(EDGE_INDEX_PREFIX + name);
      return { bytes: data.byteLength, sha256: await sha256Hex(data), data };
    },
  };
}

export async function readEdgeManifest(read: BundleReader): Promise<IndexManifest & { edge: NonNullable<IndexManifest['edge']> }> {
  const file = EDGE_INDEX_PREFIX + MANIFEST;
  const manifest = parseManifest(new TextDecoder().decode(await read(file)), file, EDGE_FIX);
  if (!manifest.edge) throw new IndexLoadError('manifest is not an edge bundle manifest', file, EDGE_FIX);
  return { ...manifest, edge: manifest.edge };
}

export async function loadEdgeAssistant(options: EdgeLoadOptions) {
  const manifest = await readEdgeManifest(options.read);
  const source = bundleSource(options.read);
  const files = await readVerified(source, manifest.files, Object.keys(manifest.files));
  const index = parseIndexData(manifest, (name) => artefactBytes(files, name, source));
  const segment = wasmSegmenter(options.jieba, index.dictionary);
  const { dense, note } = edgeDense(manifest, files, options);
  const warn = options.warn ?? ((line: string) => console.warn(line));
  if (manifest.dense && !dense) warn(`warning: dense retrieval unavailable at the edge, serving lexical-only: ${note}`);
  const assistant = createAssistant({ index, segment, coined: wasmCoined(options.jieba), dense, denseNote: note, warn, mode: options.mode, tuning: options.tuning });
  return Object.assign(assistant, { manifest });
}

function edgeDense(manifest: IndexManifest & { edge: NonNullable<IndexManifest['edge']> }, files: Map<string, Uint8Array>, options: EdgeLoadOptions): { dense: DenseSearch | null; note: string | null } {
  const { edge } = manifest;
  if (!manifest.dense || !manifest.model) return { dense: null, note: manifest.denseNote ?? 'the index has no vectors (lexical-only build)' };
  if (!edge.workersAi) return { dense: null, note: edge.denseNote ?? `index model ${manifest.model.id} is not served by Workers AI; the edge is lexical-only` };
  if (!options.ai) return { dense: null, note: `no Workers AI binding (AI) in this environment; the edge is lexical-only` };
  const embed = workersAiEmbedder(options.ai, edge.workersAi, manifest.model.queryInstruction);
  if (options.vectorize && edge.vectorizeNamespace) {
    return { dense: vectorizeDense(options.vectorize, embed, { namespace: edge.vectorizeNamespace, units: manifest.counts.units }), note: null };
  }
  const v = edge.vectors;
  const data = v && files.get(v.file);
  if (!v || !data) return { dense: null, note: 'the edge bundle has no vectors and no Vectorize index is bound; the edge is lexical-only' };
  const matrix = decodeVectors(data, v.count, v.dims, v.encoding);
  return { dense: async (query, k) => matrix.search(await embed(query), k), note: null };
}
