// npm run build:edge -- [--index DIR] [--vectors auto|f32|i8] [--workers-ai-model NAME|none] [--vectorize] [--no-measure]
//
// Exports the built index (INDEX_DIR, default index/; built first when missing) into the edge bundle
// under server/edge/dist/ (layout in assistant.ts), copies jieba-wasm's module beside it for the Worker to
// import, and checks the result against the Workers limits (report.json). Node only.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '../../indexer/build/build.ts';
import { runCommand } from '../../indexer/config/command.ts';
import { envWithFlags } from '../../indexer/config/env.ts';
import { indexConfigFromEnv } from '../../indexer/config/index-config.ts';
import { ARTEFACTS, MANIFEST as EDGE_MANIFEST, PARSED_ARTEFACTS } from '../../indexer/format/artefacts.ts';
import { NoIndexError, type IndexManifest, type VectorEncoding } from '../../indexer/format/manifest.ts';
import { fileSource, readManifest, resolveIndexDir } from '../../indexer/format/node-files.ts';
import { readVerified, sha256Hex } from '../../indexer/format/reader.ts';
import { widgetBundle } from '../http/widget/bundle.ts';
import { EDGE_INDEX_PREFIX } from './assistant.ts';
import { formatReport, JIEBA_WASM, type EdgeBuildReport } from './bundle-report.ts';
import { exportVectors } from './export-vectors.ts';
import { LIMITS, mb, measureScript, mib } from './limits.ts';
import { vectorizeNdjson } from './vectorize.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
export const DIST_DIR = join(HERE, 'dist');
export const WIDGET_TEXT = 'widget.js.txt';


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


export async function buildEdgeBundle(options: EdgeBuildOptions = {}): Promise<EdgeBuildReport> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const config = indexConfigFromEnv(envWithFlags({ index: options.indexDir }, env));
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
  for (const name of PARSED_ARTEFACTS) {
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
