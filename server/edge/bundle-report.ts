// What an edge build produced, measured against the Workers limits, and its printed form.
import { relative, resolve } from 'node:path';
import type { EdgeSection } from '../../indexer/format/manifest.ts';
import { kib, LIMITS } from './limits.ts';
import type { WorkersAiModel } from './workers-ai.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const JIEBA_WASM = 'jieba_rs_wasm_bg.wasm';

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
