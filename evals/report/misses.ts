// The questions a system gets wrong, and why: listed in the console and in the markdown report.
import type { EvalQuestion } from '../dataset.ts';
import { declinedCorrectly, isAnswered } from '../metrics.ts';
import type { Catalogue } from '../refs.ts';
import type { QuestionResult } from '../run.ts';
import type { SystemRun } from './run-info.ts';
import { renderMarkdown } from './table.ts';

export type MissReason = 'error' | 'fabricated' | 'answered-unanswerable' | 'false-no-answer' | 'wrong-top' | 'off-gold-citation';

/** Why a question counts against the system; empty when it does not. */
export function missReasons(r: QuestionResult): MissReason[] {
  if (r.error) return ['error'];
  const reasons: MissReason[] = [];
  if (r.cited.some((c) => c.fabricated)) reasons.push('fabricated');
  if (r.gold.length === 0) {
    if (!declinedCorrectly(r)) reasons.push('answered-unanswerable');
    return reasons;
  }
  if (!r.found) reasons.push('false-no-answer');
  if (r.goldRank !== 1) reasons.push('wrong-top');
  if (isAnswered(r) && r.cited.some((c) => !r.allowed.includes(c.key))) reasons.push('off-gold-citation');
  return reasons;
}

export interface Miss {
  id: string;
  split: string;
  kind: string;
  question: string;
  reasons: MissReason[];
  gold: string[];
  cited: string[];
  top: string[];
  goldRank: number | null;
  error?: string;
}

export function missesOf(run: SystemRun, questions: ReadonlyMap<string, EvalQuestion>, catalogue: Catalogue): Miss[] {
  return run.results.flatMap((r) => {
    const reasons = missReasons(r);
    if (reasons.length === 0) return [];
    const q = questions.get(r.id)!;
    const history = q.history?.length ? `[after: ${q.history.filter((t) => t.role === 'user').map((t) => t.content).join(' / ')}] ` : '';
    return [
      {
        id: r.id,
        split: r.split,
        kind: r.kind,
        question: history + q.question + (q.regulationId ? ` [scope: ${q.regulationId}]` : ''),
        reasons,
        gold: r.gold.map((g) => catalogue.display(g.key, g.paragraph)),
        cited: r.cited.map((c) => catalogue.display(c.key, c.paragraph) + (c.fabricated ? ` (FABRICATED: ${c.fabricated})` : '')),
        top: r.rankingSource === 'search' ? r.ranked.slice(0, 5).map((k) => catalogue.display(k)) : [],
        goldRank: r.goldRank,
        ...(r.error ? { error: r.error } : {}),
      },
    ];
  });
}

export function renderMissesText(system: string, misses: readonly Miss[]): string {
  const lines = [`Misses of ${system}: ${misses.length}`];
  for (const m of misses) {
    lines.push(`\n${m.id} [${m.split}/${m.kind}] ${m.reasons.join(', ')}`);
    lines.push(`  Q: ${m.question}`);
    lines.push(`  gold:  ${m.gold.join('；') || '(none: should decline)'}`);
    lines.push(`  cited: ${m.cited.join('；') || '(no answer)'}`);
    if (m.top.length) lines.push(`  ranked: ${m.top.join('；')}${m.goldRank ? `  (first gold at ${m.goldRank})` : '  (no gold in top k)'}`);
    if (m.error) lines.push(`  error: ${m.error}`);
  }
  return lines.join('\n');
}

const SEVERITY: MissReason[] = ['fabricated', 'error', 'answered-unanswerable', 'false-no-answer', 'wrong-top', 'off-gold-citation'];
const severity = (m: Miss) => Math.min(...m.reasons.map((r) => SEVERITY.indexOf(r)));

export function renderMissesMarkdown(system: string, misses: readonly Miss[], limit: number): string {
  // Worst first (stable within a reason), so a capped list still shows what matters.
  const shown = [...misses].sort((a, b) => severity(a) - severity(b)).slice(0, limit);
  const rows = shown.map((m) => [
    m.id,
    `${m.split}/${m.kind}`,
    m.reasons.join(', '),
    m.question,
    m.gold.join('；') || '—',
    m.cited.join('；') || 'no answer',
    m.top.length ? `${m.top.join('；')}${m.goldRank ? ` (gold at ${m.goldRank})` : ''}` : '',
  ]);
  const table = renderMarkdown({ head: ['id', 'split/kind', 'why', 'question', 'gold', 'cited', 'ranked (top 5)'], rows, left: 7 });
  const more = misses.length > limit ? `\n\nShowing ${limit} of ${misses.length}; all are listed by \`--misses\` and in the JSON report.` : '';
  return `### Misses of ${system} (${misses.length}, worst first)\n\n${table}${more}`;
}

export function reasonCounts(misses: readonly Miss[]): Record<MissReason, number> {
  const counts = { error: 0, fabricated: 0, 'answered-unanswerable': 0, 'false-no-answer': 0, 'wrong-top': 0, 'off-gold-citation': 0 };
  for (const m of misses) for (const r of m.reasons) counts[r]++;
  return counts;
}
