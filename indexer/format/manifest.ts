// The one manifest of the index format, for a Node index directory and for the edge bundle alike: the
// bundle's manifest is the index's, with its own file list and an `edge` section. Edge-safe.
import { z } from 'zod';
import { SCHEMA_VERSION } from './artefacts.ts';

export const VectorEncodingSchema = z.enum(['f32', 'i8']);
export type VectorEncoding = z.infer<typeof VectorEncodingSchema>;

export const ModelInfoSchema = z.object({
  id: z.string(),
  dims: z.number().int().positive(),
  pooling: z.enum(['mean', 'cls']),
  quantized: z.boolean(),
  queryInstruction: z.string(),
});

/** The Workers AI model that embeds queries for a bundle's vectors. */
export const WorkersAiModelSchema = z.object({
  /** The Workers AI model name, e.g. @cf/baai/bge-m3. */
  name: z.string(),
  dims: z.number().int(),
  /** Whether the model takes a `pooling` input (the bge-*-en-v1.5 family: mean by default, cls on request). */
  pooling: z.enum(['mean', 'cls']).nullable(),
});
export type WorkersAiModel = z.infer<typeof WorkersAiModelSchema>;

export const EdgeSectionSchema = z.object({
  format: z.literal(1),
  exportedAt: z.string(),
  vectors: z.object({ file: z.string(), encoding: VectorEncodingSchema, count: z.number().int(), dims: z.number().int() }).nullable(),
  workersAi: WorkersAiModelSchema.nullable(),
  /** Vectorize namespace holding this build's vectors (written with --vectorize). */
  vectorizeNamespace: z.string().nullable(),
  /** Why dense retrieval cannot run at the edge with this bundle, when it cannot. */
  denseNote: z.string().nullable(),
});
export type EdgeSection = z.infer<typeof EdgeSectionSchema>;

export const FileEntrySchema = z.object({ sha256: z.string(), bytes: z.number().int() });
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const IndexManifestSchema = z.object({
  schemaVersion: z.number().int(),
  buildId: z.string(),
  builtAt: z.string(),
  corpusHash: z.string(),
  configHash: z.string(),
  counts: z.object({ regulations: z.number(), articles: z.number(), units: z.number(), dictionary: z.number() }),
  dense: z.boolean(),
  /** Why the index is lexical-only, in one line, when dense is false. */
  denseNote: z.string().nullable(),
  model: ModelInfoSchema.nullable(),
  hnsw: z.object({ M: z.number(), efConstruction: z.number(), efSearch: z.number() }).nullable(),
  /** The question log learned from (file, checksum, lines), null when the corpus has none. */
  questionLog: z.object({ file: z.string(), sha256: z.string(), entries: z.number().int() }).nullable(),
  /** The answerability model copied from the corpus (its checksum and fitting date), null when it has none. */
  decision: z.object({ sha256: z.string(), fittedAt: z.string() }).nullable(),
  /** Every artefact beside the manifest: size and sha256, checked at load. */
  files: z.record(z.string(), FileEntrySchema),
  /** Only in an edge bundle's manifest. */
  edge: EdgeSectionSchema.optional(),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

/** What the query side needs to know about the build (health, dense settings). */
export type IndexInfo = Pick<IndexManifest, 'builtAt' | 'counts' | 'dense' | 'denseNote' | 'model'>;

/** The index (or bundle) cannot be loaded as it is; the message names the file and the fix. */
export class IndexLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
    fix = 'npm run index -- --force',
  ) {
    super(`${message} (${file}). Rebuild it with: ${fix}`);
    this.name = 'IndexLoadError';
  }
}

/** There is no index at all where one was looked for (as opposed to a broken one). */
export class NoIndexError extends IndexLoadError {
  constructor(dir: string) {
    super('no index found: neither CURRENT nor manifest.json', dir);
    this.name = 'NoIndexError';
  }
}

/** Parses and checks a manifest's text; `fix` says how to rebuild what holds it. */
export function parseManifest(raw: string, file: string, fix?: string): IndexManifest {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new IndexLoadError('index manifest is not valid JSON (truncated or corrupted?)', file, fix);
  }
  const parsed = IndexManifestSchema.safeParse(json);
  if (!parsed.success) throw new IndexLoadError('index manifest does not match the expected layout', file, fix);
  if (parsed.data.schemaVersion !== SCHEMA_VERSION) {
    throw new IndexLoadError(`index schema version ${parsed.data.schemaVersion} is not the supported ${SCHEMA_VERSION}`, file, fix);
  }
  return parsed.data;
}
