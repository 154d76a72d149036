// The hybrid rows of the scale report and their target (see scale-hybrid.ts for what is timed).
import { fmtCount, fmtMs, latencyCells, table, type TargetCheck } from './report.ts';
import type { HnswResult } from './scale-job.ts';

export function hybridReport(bySize: { size: number; hybrid: HnswResult['hybrid'] }[], sizes: number[]): { table: string; target?: TargetCheck } {
  const rows = bySize.flatMap(({ size, hybrid: h }) => {
    if (!h) return [];
    if ('error' in h) return [[fmtCount(size), 'failed', h.error, '', '', '', '']];
    return h.runs.map((r) => [fmtCount(size), r.depth, String(h.efSearch), ...latencyCells(r.lexical).slice(0, 2), ...latencyCells(r.hybrid).slice(0, 2)]);
  });
  const largest = [...bySize].reverse().find((r) => r.hybrid && !('error' in r.hybrid));
  const h = largest?.hybrid;
  const rendered = table(['Units', 'Depth', 'efSearch', 'lexical p50', 'p95', 'hybrid p50', 'p95'], rows);
  if (!largest || !h || 'error' in h) return { table: rendered };
  const run = (depth: string) => h.runs.find((r) => r.depth === depth)!;
  const top10 = run('top 10');
  const at1M = largest.size >= 1_000_000;
  return {
    table: rendered,
    target: {
      name: `Hybrid (lexicalSearch + HNSW, RRF) p50 at ${fmtCount(largest.size)} units, seed questions`,
      target: '1M units: ≤ 15 ms',
      measured: `top 10: ${fmtMs(top10.hybrid.p50)} ms (lexical alone ${fmtMs(top10.lexical.p50)}); as served (1,000 lexical candidates): ${fmtMs(run('product').hybrid.p50)} ms`,
      met: at1M && top10.hybrid.p50 <= 15,
      note: at1M ? `efSearch ${h.efSearch}` : `1M not run (sizes: ${sizes.map(fmtCount).join(', ')}); \`--scale 1m\``,
    },
  };
}
