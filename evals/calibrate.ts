// Sweeps the assistant's found threshold on the dev split and recommends the value that maximises
// the objective in metrics.ts (calibrationObjective). Test questions are never looked at here.
import { DEFAULT_TUNING, type RetrieverMode } from '../server/core/index.ts';
import { loadAssistant } from '../server/node/index.ts';
import type { EvalQuestion } from './dataset.ts';
import { bestThreshold, calibrationObjective, summarize, type Metrics } from './metrics.ts';
import type { Catalogue } from './refs.ts';
import { fmt, renderText } from './report/table.ts';
import { runQuestions } from './run.ts';
import { inProcessTarget } from './targets.ts';

export interface SweepPoint {
  threshold: number;
  objective: number;
  metrics: Metrics;
}

export interface Calibration {
  points: SweepPoint[];
  best: number | null;
  current: number;
}

export function thresholdGrid(from = 0.1, to = 0.9, step = 0.05): number[] {
  const n = Math.round((to - from) / step);
  return Array.from({ length: n + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);
}

export async function calibrate(indexDir: string, dev: readonly EvalQuestion[], catalogue: Catalogue, mode?: RetrieverMode, grid = thresholdGrid()): Promise<Calibration> {
  if (dev.length === 0) throw new Error('calibration needs dev questions');
  const thresholds = [...new Set([...grid, DEFAULT_TUNING.foundThreshold])].sort((a, b) => a - b);
  const points: SweepPoint[] = [];
  for (const threshold of thresholds) {
    const assistant = await loadAssistant(indexDir, { mode, tuning: { foundThreshold: threshold }, warn: () => {} });
    const results = await runQuestions(dev, inProcessTarget(`t=${threshold}`, assistant), { k: 10, catalogue, answersOnly: true });
    const metrics = summarize(results);
    points.push({ threshold, metrics, objective: calibrationObjective(metrics) });
  }
  const onGrid = points.filter((p) => grid.includes(p.threshold));
  return { points, best: bestThreshold(onGrid), current: DEFAULT_TUNING.foundThreshold };
}

export function renderCalibration(c: Calibration, devCount: number): string {
  const rows = c.points.map((p) => [
    p.threshold.toFixed(2) + (p.threshold === c.current ? ' (current)' : '') + (p.threshold === c.best ? ' ← best' : ''),
    fmt(p.metrics.noAnswerAccuracy),
    fmt(p.metrics.answeredHit1),
    fmt(p.metrics.falseNoAnswerRate),
    fmt(p.metrics.citationPrecision),
    String(p.metrics.answered),
    p.objective.toFixed(3),
  ]);
  const table = renderText({ head: ['threshold', 'no-ans-acc', 'answered-hit@1', 'false-no-ans', 'cite-P', 'answered', 'objective'], rows, left: 1 });
  const best = c.points.find((p) => p.threshold === c.best);
  const current = c.points.find((p) => p.threshold === c.current);
  return [
    `Found-threshold sweep on the dev split (${devCount} questions).`,
    'objective = no-answer accuracy + answered hit@1 − false-no-answer rate (ties: middle of the widest tied run)',
    '',
    table,
    '',
    best
      ? `Recommendation: DEFAULT_TUNING.foundThreshold = ${best.threshold} (objective ${best.objective.toFixed(3)}; current ${c.current}: ${current?.objective.toFixed(3) ?? '–'}).` +
        (best.threshold === c.current
          ? ' The current value is already the best.'
          : current && Math.abs(current.objective - best.objective) < 1e-9
            ? ' The current value scores the same: no change needed.'
            : ' Copy it into server/core/assistant.ts.')
      : 'No recommendation: no points.',
    atEdge(c) ? `Note: the best value lies at the edge of the sweep (${c.points[0]?.threshold}–${c.points.at(-1)?.threshold}); the optimum may be beyond it.` : null,
    `Gold-less dev questions (the only ones no-answer accuracy sees): ${c.points[0]?.metrics.noGold ?? 0}.`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

function atEdge(c: Calibration): boolean {
  const first = c.points[0]?.threshold;
  const last = c.points.at(-1)?.threshold;
  return c.best !== null && (c.best === first || c.best === last);
}
