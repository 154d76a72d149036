// npm run build:edge -- [--index DIR] [--vectors auto|f32|i8] [--workers-ai-model NAME|none] [--vectorize] [--no-measure]
//
// Exports the built index (INDEX_DIR, default index/; built first when missing) into the edge bundle
// under server/edge/dist/ (layout in assistant.ts), copies jieba-wasm's module beside it for the Worker to
// import, and checks the result against the Workers limits (report.json). Node only.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '../../indexer/build/build.ts';
import { runCommand } from '../../indexer/config/command.ts';
import { indexConfigFromEnv } from '../../indexer/config/index-config.ts';
import { ARTEFACTS, MANIFEST as EDGE_MANIFEST, TEXT_ARTEFACTS } from '../../indexer/format/artefacts.ts';
import { NoIndexError, type EdgeSection, type IndexManifest, type VectorEncoding } from '../../indexer/format/manifest.ts';
import { fileSource, readManifest, resolveIndexDir } from '../../indexer/format/node-files.ts';
import { readVerified, sha256Hex } from '../../indexer/format/reader.ts';
import { encodedBytes, encodeVectors, quantisationRecall, unpackVectors } from '../../indexer/format/vectors.ts';
import { EDGE_INDEX_PREFIX } from './assistant.ts';
import { widgetBundle } from '../http/widget/bundle.ts';
import { vectorizeNdjson } from './vectorize.ts';
import { workersAiModelFor, type WorkersAiModel } from './workers-ai.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
export const DIST_DIR = join(HERE, 'dist');
export const JIEBA_WASM = 'jieba_rs_wasm_bg.wasm';
export const WIDGET_TEXT = 'widget.js.txt';

const MiB = 1024 * 1024;
/** The Workers limits the bundle is designed for (developers.cloudflare.com/workers/platform/limits). */
export const LIMITS = {
  /** Script (worker code + bundled wasm), compressed: Workers Paid (MB read as 10^6 bytes, the stricter reading). */
  scriptGzipPaid: 10_000_000,
  /** The same on Workers Free. */
  scriptGzipFree: 3_000_000,
  /** One static asset file. */
  assetFile: 25 * MiB,
  /** Static asset files per Worker version (Free; Paid allows 100,000). */
  assetFiles: 20_000,
  /** One KV value (not used: assets serve the bundle; noted for the KV alternative). */
  kvValue: 25 * MiB,
  /** Isolate memory, both plans. */
  memory: 128 * MiB,
} as const;
/** Past this size of float32 vectors, int8 quantisation pays (4× smaller, recall checked). */
const I8_ABOVE_BYTES = 2 * MiB;

export interface EdgeBuildOptions {
  indexDir?: string;
  /** Where assets/ and report.json go (default server/edge/dist; tests use a private directory). */
  outDir?: string;
  vectors?: VectorEncoding | 'auto';
  /** A Workers AI model name to use for query embeddings regardless of the mapping, or 'none'. */
  workersAiModel?: string;
  vectorize?: boolean;
  /** Run `wrangler deploy --dry-run` to measure the script size (a few seconds). */
  measure?: boolean;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}

export interface EdgeBuildReport {
  buildId: string;
  outDir: string;
  indexDir: string;
  assets: { name: string; bytes: number; gzipBytes: number }[];
  assetBytes: number;
  assetGzipBytes: number;
  vectors: (EdgeSection['vectors'] & { bytes: number; recallAt10VsF32: number | null }) | null;
  workersAi: WorkersAiModel | null;
  edgeDenseNote: string | null;
  jiebaWasm: { bytes: number; gzipBytes: number };
  script: { bytes: number; gzipBytes: number } | null;
  limits: typeof LIMITS;
  warnings: string[];
}

export async function buildEdgeBundle(options: EdgeBuildOptions = {}): Promise<EdgeBuildReport> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const config = indexConfigFromEnv({ ...env, ...(options.indexDir ? { INDEX_DIR: options.indexDir } : {}) });
  const versionDir = await existingIndex(config.outDir);
  let dir: string;
  if (versionDir) dir = versionDir;
  else {
    log(`No index in ${config.outDir}: building it first.`);
    const built = await buildIndex({ config, log });
    if (built.status === 'failed') throw new Error(`the index could not be built (${built.issues.length} corpus issues): npm run index -- --check`);
    dir = built.dir;
  }
  const manifest = await readManifest(dir);
  const files = await readVerified(fileSource(dir), manifest.files, Object.keys(manifest.files).filter((name) => name !== ARTEFACTS.hnsw));
  log(`Exporting index ${relative(ROOT, dir) || dir} (built ${manifest.builtAt}, ${manifest.counts.units} units, ${manifest.dense ? `dense ${manifest.model?.id}` : 'lexical-only'}).`);

  const outDir = options.outDir ?? DIST_DIR;
  const assetsDir = join(outDir, 'assets');
  await rm(assetsDir, { recursive: true, force: true });
  const indexOut = join(assetsDir, EDGE_INDEX_PREFIX);
  await mkdir(indexOut, { recursive: true });
  const written: IndexManifest['files'] = {};
  const write = async (name: string, data: Uint8Array) => {
    await writeFile(join(indexOut, name), data);
    written[name] = { bytes: data.byteLength, sha256: await sha256Hex(data) };
  };
  for (const name of TEXT_ARTEFACTS) {
    const data = files.get(name);
    if (!data) throw new Error(`index artefact ${name} is missing from ${dir}`);
    await write(name, data);
  }

  const warnings: string[] = [];
  const dense = await exportVectors(manifest, files, options, write);
  if (options.vectorize && dense.vectors) {
    await writeFile(join(outDir, 'vectorize.ndjson'), vectorizeNdjson(dense.vectors, manifest.buildId));
    log(`Wrote ${relative(ROOT, join(outDir, 'vectorize.ndjson'))} (namespace ${manifest.buildId}).`);
  } else if (options.vectorize) warnings.push('--vectorize: the index has no vectors, nothing to upload');

  // The index's own manifest (counts, model, build id as Node reports them), with the bundle's files.
  const edgeManifest: IndexManifest = {
    ...manifest,
    files: written,
    edge: {
      format: 1,
      exportedAt: new Date().toISOString(),
      vectors: dense.entry,
      workersAi: dense.workersAi,
      vectorizeNamespace: options.vectorize && dense.vectors ? manifest.buildId : null,
      denseNote: dense.note,
    },
  };
  await writeFile(join(indexOut, EDGE_MANIFEST), JSON.stringify(edgeManifest, null, 1));

  const wasm = await copyJiebaWasm();
  await writeWidget();

  const assets = await Promise.all(
    [...Object.keys(written), EDGE_MANIFEST].map(async (name) => {
      const data = await readFile(join(indexOut, name));
      return { name: EDGE_INDEX_PREFIX + name, bytes: data.byteLength, gzipBytes: gzipSync(data, { level: 9 }).byteLength };
    }),
  );
  for (const a of assets) if (a.bytes > LIMITS.assetFile) warnings.push(`${a.name} is ${mib(a.bytes)}, over the 25 MiB static-asset file limit`);
  if (assets.length > LIMITS.assetFiles) warnings.push(`${assets.length} asset files, over the ${LIMITS.assetFiles} per-version limit`);

  const script = options.measure === false ? null : measureScript(outDir, log);
  if (script && script.gzipBytes > LIMITS.scriptGzipPaid) warnings.push(`the Worker script is ${mb(script.gzipBytes)} compressed, over the 10 MB limit of Workers Paid`);
  else if (script && script.gzipBytes > LIMITS.scriptGzipFree) {
    warnings.push(`the Worker script is ${mb(script.gzipBytes)} compressed: over Workers Free's 3 MB, within Paid's 10 MB (jieba-wasm alone is ${mb(gzipSync(wasm, { level: 9 }).byteLength)})`);
  }

  const report: EdgeBuildReport = {
    buildId: manifest.buildId,
    outDir,
    indexDir: dir,
    assets,
    assetBytes: assets.reduce((n, a) => n + a.bytes, 0),
    assetGzipBytes: assets.reduce((n, a) => n + a.gzipBytes, 0),
    vectors: dense.entry && { ...dense.entry, bytes: written[dense.entry.file]!.bytes, recallAt10VsF32: dense.recall },
    workersAi: dense.workersAi,
    edgeDenseNote: dense.note,
    jiebaWasm: { bytes: wasm.byteLength, gzipBytes: gzipSync(wasm, { level: 9 }).byteLength },
    script,
    limits: LIMITS,
    warnings,
  };
  await writeFile(join(outDir, 'report.json'), JSON.stringify(report, null, 2));
  return report;
}

/**
 * worker.ts imports jieba-wasm's module from server/edge/dist/ (whatever outDir the assets go to).
 * Copied beside and renamed over, so that a wrangler bundling at the same moment never sees it missing.
 */
async function copyJiebaWasm(): Promise<Buffer> {
  const source = join(dirname(createRequire(import.meta.url).resolve('jieba-wasm/web')), JIEBA_WASM);
  const wasm = await readFile(source);
  await mkdir(DIST_DIR, { recursive: true });
  const tmp = join(DIST_DIR, `.${JIEBA_WASM}.${process.pid}`);
  await writeFile(tmp, wasm);
  await rename(tmp, join(DIST_DIR, JIEBA_WASM));
  return wasm;
}

/** worker.ts imports the widget bundle as a text module: its ETag on the first line, then the script. */
async function writeWidget(): Promise<void> {
  const { js, etag } = await widgetBundle();
  const tmp = join(DIST_DIR, `.${WIDGET_TEXT}.${process.pid}`);
  await writeFile(tmp, `${etag}\n${js}`);
  await rename(tmp, join(DIST_DIR, WIDGET_TEXT));
}

/** The index version directory, or null when there is none yet (anything else unreadable is an error). */
async function existingIndex(root: string): Promise<string | null> {
  try {
    return await resolveIndexDir(root);
  } catch (error) {
    if (error instanceof NoIndexError) return null;
    throw error;
  }
}

interface DenseExport {
  entry: EdgeSection['vectors'];
  vectors: Float32Array[] | null;
  workersAi: WorkersAiModel | null;
  note: string | null;
  recall: number | null;
}

async function exportVectors(
  manifest: IndexManifest,
  files: Map<string, Uint8Array>,
  options: EdgeBuildOptions,
  write: (name: string, data: Uint8Array) => Promise<void>,
): Promise<DenseExport> {
  const raw = files.get(ARTEFACTS.vectors);
  if (!manifest.dense || !manifest.model || !raw) {
    return { entry: null, vectors: null, workersAi: null, note: manifest.denseNote ?? 'the index has no vectors (lexical-only build)', recall: null };
  }
  const { model } = manifest;
  const vectors = unpackVectors(raw, model.dims);
  const f32Bytes = encodedBytes(vectors.length, model.dims, 'f32');
  const encoding: VectorEncoding = options.vectors && options.vectors !== 'auto' ? options.vectors : f32Bytes > I8_ABOVE_BYTES ? 'i8' : 'f32';
  const file = `vectors.${encoding}`;
  await write(file, encodeVectors(vectors, encoding));
  const recall = encoding === 'i8' ? quantisationRecall(vectors) : null;

  let workersAi: WorkersAiModel | null;
  if (options.workersAiModel === 'none') workersAi = null;
  else if (options.workersAiModel) workersAi = { name: options.workersAiModel, dims: model.dims, pooling: null };
  else workersAi = workersAiModelFor(model);
  const note = workersAi
    ? null
    : `index model ${model.id} is not served by Workers AI, so queries cannot be embedded at the edge; lexical-only (build the index with REGQA_MODEL=Xenova/bge-m3 for dense retrieval at the edge)`;
  return { entry: { file, encoding, count: vectors.length, dims: model.dims }, vectors, workersAi, note, recall };
}

/** Bundles the Worker as `wrangler deploy` would (no upload) and reads its size. */
function measureScript(outDir: string, log: (line: string) => void): { bytes: number; gzipBytes: number } | null {
  const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
  const out = spawnSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', join(outDir, 'worker'), '--assets', join(outDir, 'assets')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
    timeout: 120_000,
  });
  const text = `${out.stdout ?? ''}\n${out.stderr ?? ''}`;
  const m = text.match(/Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/);
  if (!m) {
    log(`Could not measure the Worker script (wrangler deploy --dry-run): ${text.trim().split('\n').slice(-3).join(' | ')}`);
    return null;
  }
  return { bytes: Math.round(Number(m[1]) * 1024), gzipBytes: Math.round(Number(m[2]) * 1024) };
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export function formatReport(r: EdgeBuildReport): string {
  const lines = [
    `Edge bundle for index ${r.buildId} → ${relative(ROOT, r.outDir)}/`,
    ...r.assets.map((a) => `  assets/${a.name.padEnd(24)} ${kib(a.bytes).padStart(9)}  (gzip ${kib(a.gzipBytes)})`),
    `  static assets in all        ${kib(r.assetBytes).padStart(9)}  (gzip ${kib(r.assetGzipBytes)}; limit 25 MiB per file)`,
    `  ${JIEBA_WASM.padEnd(27)} ${kib(r.jiebaWasm.bytes).padStart(9)}  (gzip ${kib(r.jiebaWasm.gzipBytes)}; bundled into the script)`,
    r.script
      ? `  Worker script               ${kib(r.script.bytes).padStart(9)}  (gzip ${kib(r.script.gzipBytes)}; limit 10 MB compressed on Paid, 3 MB on Free)`
      : '  Worker script               not measured',
    r.vectors
      ? `  vectors: ${r.vectors.count} × ${r.vectors.dims} ${r.vectors.encoding}${r.vectors.recallAt10VsF32 === null ? '' : `, recall@10 vs f32 ${r.vectors.recallAt10VsF32.toFixed(3)}`}`
      : '  vectors: none',
    r.workersAi ? `  dense at the edge: queries embedded by Workers AI ${r.workersAi.name}` : `  dense at the edge: off — ${r.edgeDenseNote}`,
    ...r.warnings.map((w) => `  warning: ${w}`),
  ];
  return lines.join('\n');
}

const USAGE = 'usage: npm run build:edge -- [--index DIR] [--vectors auto|f32|i8] [--workers-ai-model NAME|none] [--vectorize] [--no-measure]';

const OPTIONS = {
  index: { type: 'string' },
  vectors: { type: 'string' },
  'workers-ai-model': { type: 'string' },
  vectorize: { type: 'boolean' },
  'no-measure': { type: 'boolean' },
} as const;

// Also imported by tests: run as a command only when executed directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) runCommand(USAGE, OPTIONS, async (args) => {
  if (args.vectors && !['auto', 'f32', 'i8'].includes(args.vectors)) {
    console.error(`--vectors must be auto, f32 or i8\n${USAGE}`);
    return 2;
  }
  const report = await buildEdgeBundle({
    indexDir: args.index,
    vectors: args.vectors as VectorEncoding | 'auto' | undefined,
    workersAiModel: args['workers-ai-model'],
    vectorize: args.vectorize,
    measure: !args['no-measure'],
    log: (line) => console.log(line),
  });
  console.log(formatReport(report));
  return 0;
});
