// The metric tables of a report: every system by split, each against the baseline, and by kind or language.
import { breakdown, summarize, type Metrics } from '../metrics.ts';
import type { SystemRun } from './run-info.ts';
import { fmt, type Table } from './table.ts';

const METRIC_COLUMNS: { head: string; get: (m: Metrics) => number | null; ms?: boolean; count?: boolean }[] = [
  { head: 'n', get: (m) => m.questions, count: true },
  { head: 'hit@1', get: (m) => m.hit1 },
  { head: 'hit@3', get: (m) => m.hit3 },
  { head: 'R@5', get: (m) => m.recall5 },
  { head: 'R@10', get: (m) => m.recall10 },
  { head: 'MRR@10', get: (m) => m.mrr10 },
  { head: 'cite-P', get: (m) => m.citationPrecision },
  { head: 'cite-R', get: (m) => m.citationRecall },
  { head: 'para-acc', get: (m) => m.paragraphAccuracy },
  { head: 'no-ans-acc', get: (m) => m.noAnswerAccuracy },
  { head: 'false-no-ans', get: (m) => m.falseNoAnswerRate },
  { head: 'fabricated', get: (m) => m.fabricated, count: true },
  { head: 'p50 ms', get: (m) => m.latencyP50, ms: true },
  { head: 'p95 ms', get: (m) => m.latencyP95, ms: true },
];

function metricCells(m: Metrics): string[] {
  return METRIC_COLUMNS.map((c) => fmt(c.get(m), c.count ? 'count' : c.ms ? 'ms' : 'rate'));
}

/** Rows: each system × (each split, then all). */
export function mainTable(runs: readonly SystemRun[]): Table {
  const rows: string[][] = [];
  for (const run of runs) {
    const splits = breakdown(run.results, 'split');
    for (const { group, metrics } of splits) rows.push([run.name, group, ...metricCells(metrics)]);
    if (splits.length > 1) rows.push([run.name, 'all', ...metricCells(summarize(run.results))]);
  }
  return { head: ['system', 'split', ...METRIC_COLUMNS.map((c) => c.head)], rows };
}

/** Each system's ranking metrics as a multiple of the baseline's, over all questions run. */
export function ratioTable(runs: readonly SystemRun[], baseline: string | null): Table | null {
  const base = runs.find((r) => r.name === baseline);
  if (!base || runs.length < 2) return null;
  const b = summarize(base.results);
  const ratio = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? '–' : `×${(x / y).toFixed(2)}`);
  const rows = runs
    .filter((r) => r !== base)
    .map((r) => {
      const m = summarize(r.results);
      return [`${r.name} / ${base.name}`, ratio(m.hit1, b.hit1), ratio(m.hit3, b.hit3), ratio(m.recall5, b.recall5), ratio(m.recall10, b.recall10), ratio(m.mrr10, b.mrr10)];
    });
  return { head: ['ratio', 'hit@1', 'hit@3', 'R@5', 'R@10', 'MRR@10'], rows, left: 1 };
}

/** Per kind or language: hit@1 of every system, then the first system's answer metrics. */
export function groupTable(runs: readonly SystemRun[], field: 'kind' | 'lang' | 'split'): Table {
  const [primary] = runs;
  if (!primary) return { head: [], rows: [] };
  const others = runs.map((r) => new Map(breakdown(r.results, field).map((g) => [g.group, g.metrics])));
  const rows = breakdown(primary.results, field).map(({ group, metrics }) => [
    group,
    String(metrics.questions),
    ...others.map((o) => fmt(o.get(group)?.hit1 ?? null)),
    fmt(metrics.mrr10),
    fmt(metrics.citationPrecision),
    fmt(metrics.noAnswerAccuracy),
    fmt(metrics.falseNoAnswerRate),
    fmt(metrics.latencyP50, 'ms'),
  ]);
  const p = primary.name;
  return { head: [field, 'n', ...runs.map((r) => `hit@1 ${r.name}`), `MRR@10 ${p}`, `cite-P ${p}`, `no-ans ${p}`, `false-no ${p}`, `p50 ms ${p}`], rows, left: 1 };
}
