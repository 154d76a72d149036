// Node only (build step and server start-up, never imported by the app): bundles the widget's
// TypeScript into the one script sites embed, /widget.js. The bundle is built in memory with esbuild's
// JS API, once per process, and named by its content hash, which is also its ETag.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';

export interface WidgetBundle {
  js: string;
  /** Strong ETag: a quoted prefix of the bundle's sha256. */
  etag: string;
}

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'index.ts');
let cached: Promise<WidgetBundle> | null = null;

export function widgetBundle(): Promise<WidgetBundle> {
  cached ??= bundleWidget().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function bundleWidget(): Promise<WidgetBundle> {
  // esbuild keeps its service process alive for further builds; a server builds once, so it goes
  // (a later build would start it again).
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    // Browsers of the last few years; embedding sites' visitors are the general public.
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  }).finally(() => stop());
  const js = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(js).digest('base64url').slice(0, 22);
  return { js, etag: `"${hash}"` };
}
