// The Workers limits the edge bundle is checked against, the script size as wrangler would upload it,
// and the size units the report prints. Node only (spawns wrangler).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const MiB = 1024 * 1024;
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

/** Bundles the Worker as `wrangler deploy` would (no upload) and reads its size. */
export function measureScript(outDir: string, log: (line: string) => void): { bytes: number; gzipBytes: number } | null {
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

export const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
