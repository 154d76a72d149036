// The edge bundle's layout, shared by the exporter (build.ts, Node) and the loader (assistant.ts, edge).
//
//   server/edge/dist/
//     assets/                    ← wrangler [assets] directory, bound as ASSETS (never served publicly:
//       index/manifest.json         run_worker_first = true, and the app has no route to these files)
//       index/corpus.json  units.json  lexical.json  glossary.json  dictionary.txt
//       index/vectors.f32 | vectors.i8   (only when the index is dense)
//     jieba_rs_wasm_bg.wasm      ← imported by worker.ts, bundled into the script as a compiled module
//     report.json                ← sizes against the Workers limits (build.ts)
//     vectorize.ndjson           ← only with --vectorize
import type { IndexInfo } from '../core/index-data.ts';
import type { VectorEncoding } from '../../indexer/format/vectors.ts';
import type { WorkersAiModel } from './workers-ai.ts';

export const EDGE_BUNDLE_FORMAT = 1;
/** Where the index lives inside the assets directory (and so on the ASSETS binding). */
export const EDGE_INDEX_PREFIX = 'index/';
export const EDGE_MANIFEST = 'manifest.json';
export const TEXT_ARTEFACTS = ['corpus.json', 'units.json', 'lexical.json', 'glossary.json', 'dictionary.txt'] as const;
export type TextArtefact = (typeof TEXT_ARTEFACTS)[number];

export interface EdgeManifest {
  format: typeof EDGE_BUNDLE_FORMAT;
  /** The index build this bundle was exported from. */
  buildId: string;
  exportedAt: string;
  info: IndexInfo;
  /** Every file under index/ but the manifest: size and sha256 (checked at load). */
  files: Record<string, { bytes: number; sha256: string }>;
  vectors: { file: string; encoding: VectorEncoding; count: number; dims: number } | null;
  /** The Workers AI model that embeds queries for these vectors, when there is one. */
  workersAi: WorkersAiModel | null;
  /** Vectorize namespace holding this build's vectors (written with --vectorize). */
  vectorizeNamespace: string | null;
  /** Why dense retrieval cannot run at the edge with this bundle, when it cannot. */
  edgeDenseNote: string | null;
}

export function isEdgeManifest(value: unknown): value is EdgeManifest {
  const m = value as Partial<EdgeManifest> | null;
  return !!m && m.format === EDGE_BUNDLE_FORMAT && typeof m.buildId === 'string' && typeof m.files === 'object' && typeof m.info === 'object';
}

export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = (data instanceof Uint8Array ? data : new Uint8Array(data)) as Uint8Array<ArrayBuffer>;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
