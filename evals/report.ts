// Results → the console table, the markdown summary and the JSON report. Tables are built once as
// rows of cells and rendered either as aligned text or as markdown.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalQuestion } from './dataset.ts';
import { breakdown, declinedCorrectly, isAnswered, summarize, type Metrics } from './metrics.ts';
import type { Catalogue } from './refs.ts';
import type { QuestionResult } from './run.ts';

export interface SystemRun {
  name: string;
  results: QuestionResult[];
}

export interface RunInfo {
  dataset: string;
  date: string;
  command: string;
  description: string;
  target: string;
  k: number;
  split: string;
  index: { dir: string; status: string; buildMs: number; dense: boolean; denseNote: string | null; regulations: number } | null;
  /** Name of the run the others are compared with (the plain baseline), when present. */
  baseline: string | null;
  durationMs: number;
}

/** `left`: how many leading columns hold text (left-aligned); the rest are numbers. */
type Table = { head: string[]; rows: string[][]; left?: number };

const METRIC_COLUMNS: { head: string; get: (m: Metrics) => number | null; ms?: boolean; count?: boolean }[] = [
  { head: 'n', get: (m) => m.questions, count: true },
  { head: 'hit@1', get: (m) => m.hit1 },
  { head: 'hit@3', get: (m) => m.hit3 },
  { head: 'R@5', get: (m) => m.recall5 },
  { head: 'R@10', get: (m) => m.recall10 },
  { head: 'MRR@10', get: (m) => m.mrr10 },
  { head: 'cite-P', get: (m) => m.citationPrecision },
  { head: 'para-acc', get: (m) => m.paragraphAccuracy },
  { head: 'no-ans-acc', get: (m) => m.noAnswerAccuracy },
  { head: 'false-no-ans', get: (m) => m.falseNoAnswerRate },
  { head: 'fabricated', get: (m) => m.fabricated, count: true },
  { head: 'p50 ms', get: (m) => m.latencyP50, ms: true },
  { head: 'p95 ms', get: (m) => m.latencyP95, ms: true },
];

export function fmt(v: number | null, kind: 'rate' | 'ms' | 'count' = 'rate'): string {
  if (v === null) return '–';
  if (kind === 'count') return String(v);
  if (kind === 'ms') return v < 10 ? v.toFixed(2) : v.toFixed(1);
  return v.toFixed(3);
}

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

export function renderText(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ''))));
  const left = t.left ?? 2;
  const line = (cells: string[]) => cells.map((c, i) => (i < left ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  return [line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n');
}

export function renderMarkdown(t: Table): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const left = t.left ?? 2;
  return [`| ${t.head.map(esc).join(' | ')} |`, `|${t.head.map((_, i) => (i < left ? ' --- ' : ' ---: ')).join('|')}|`, ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** East Asian characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

// ---- misses ----

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

function renderMissesMarkdown(system: string, misses: readonly Miss[], limit: number): string {
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

// ---- whole reports ----

export function consoleReport(info: RunInfo, runs: readonly SystemRun[]): string {
  const parts = [
    `${info.dataset} · ${info.target} · k=${info.k} · split=${info.split} · ${runs[0]?.results.length ?? 0} questions · ${(info.durationMs / 1000).toFixed(1)} s`,
    info.index ? `index ${info.index.dir} (${info.index.status}${info.index.status === 'built' ? ` in ${info.index.buildMs} ms` : ''}; ${info.index.dense ? 'dense + lexical' : `lexical-only: ${info.index.denseNote ?? ''}`})` : '',
    '',
    renderText(mainTable(runs)),
  ];
  const ratios = ratioTable(runs, info.baseline);
  if (ratios) parts.push('', renderText(ratios));
  const kinds = groupTable(runs, 'kind');
  if (kinds.rows.length > 1) parts.push('', renderText(kinds));
  const langs = groupTable(runs, 'lang');
  if (langs.rows.length > 1) parts.push('', renderText(langs));
  return parts.filter((p, i) => p !== '' || i > 1).join('\n');
}

export function markdownReport(info: RunInfo, runs: readonly SystemRun[], misses: readonly Miss[], missLimit = 150): string {
  const primary = runs[0]?.name ?? '';
  const ratios = ratioTable(runs, info.baseline);
  const counts = reasonCounts(misses);
  const legend = [
    'hit@k, R@5 / R@10 (recall@5, @10) and MRR@10 are article-level and rank the system\'s search list (its citations for follow-ups and article lookups);',
    'cite-P is citation precision (cited ⊆ gold ∪ acceptable, mean over answered questions); para-acc the share of gold-article citations that also name the gold paragraph;',
    'no-ans-acc is over questions without gold (declined with no citations); false-no-ans over questions with gold (declined); fabricated counts citations of articles the index does not have (must be 0);',
    'latency is one `ask` call.',
  ].join(' ');
  const sections = [
    `# Eval: ${info.dataset}, ${info.date}`,
    '',
    `- Command: \`${info.command}\``,
    `- Dataset: ${info.description}`,
    `- Target: ${info.target}; systems: ${runs.map((r) => r.name).join(', ')}${info.baseline ? ` (ratios against ${info.baseline})` : ''}`,
    info.index
      ? `- Index: \`${info.index.dir}\`, ${info.index.regulations} regulations, ${info.index.dense ? 'dense + lexical' : `lexical-only (${info.index.denseNote ?? 'no vectors'})`}; ${info.index.status}${info.index.status === 'built' ? ` in ${info.index.buildMs} ms` : ''}`
      : '',
    `- k = ${info.k}, split = ${info.split}, ${runs[0]?.results.length ?? 0} questions, ${(info.durationMs / 1000).toFixed(1)} s`,
    '',
    '## Metrics',
    '',
    renderMarkdown(mainTable(runs)),
    '',
    legend,
  ];
  if (ratios) sections.push('', '## Against the baseline', '', renderMarkdown(ratios));
  for (const field of ['kind', 'lang'] as const) {
    const t = groupTable(runs, field);
    if (t.rows.length > 1) sections.push('', `## By ${field === 'kind' ? 'question kind' : 'language'}`, '', renderMarkdown(t));
  }
  sections.push(
    '',
    `## Misses of ${primary}`,
    '',
    `By reason: ${Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ') || 'none'}. A question may have several reasons.`,
    '',
    renderMissesMarkdown(primary, misses, missLimit),
  );
  return sections.filter((s, i, all) => !(s === '' && all[i - 1] === '')).join('\n') + '\n';
}

/** Metrics per system (all, per split, kind, language) and compact per-question results. */
export function jsonReport(info: RunInfo, runs: readonly SystemRun[], questions: readonly EvalQuestion[], catalogue: Catalogue) {
  const group = (results: QuestionResult[], field: 'split' | 'kind' | 'lang') => Object.fromEntries(breakdown(results, field).map((g) => [g.group, round(g.metrics)]));
  return {
    ...info,
    systems: runs.map((r) => ({
      name: r.name,
      metrics: round(summarize(r.results)),
      bySplit: group(r.results, 'split'),
      byKind: group(r.results, 'kind'),
      byLang: group(r.results, 'lang'),
    })),
    // Per question (the text is in the dataset, under the same id): gold once; for the first system
    // what it cited, the rank of the first gold article, its top 5 where the top is wrong, latency;
    // for the others whether they answered and the rank.
    questions: questions.map((q) => {
      const byRun = runs.map((run) => [run.name, run.results.find((x) => x.id === q.id)] as const);
      return {
        id: q.id,
        split: q.split,
        kind: q.kind,
        gold: q.gold.map((g) => catalogue.goldKey(g) + (g.paragraph ? `/${g.paragraph}` : '')),
        runs: Object.fromEntries(
          byRun.map(([name, r], i) => {
            if (!r) return [name, null];
            const brief = { found: r.found, rank: r.goldRank, ...(r.error ? { error: r.error } : {}) };
            if (i > 0) return [name, brief];
            return [
              name,
              {
                ...brief,
                cited: r.cited.map((c) => c.key + (c.paragraph ? `/${c.paragraph}` : '')),
                ...(r.gold.length > 0 && r.goldRank !== 1 && r.rankingSource === 'search' ? { top: r.ranked.slice(0, 5) } : {}),
                ms: Math.round(r.latencyMs * 10) / 10,
              },
            ];
          }),
        ),
      };
    }),
  };
}

function round(m: Metrics): Metrics {
  const out = { ...m } as Record<string, number | null>;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number' && !Number.isInteger(v)) out[k] = Math.round(v * 10000) / 10000;
  return out as unknown as Metrics;
}

export async function writeReports(dir: string, base: string, files: { json: unknown; markdown: string }): Promise<{ json: string; markdown: string; jsonBytes: number }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${base}.json`);
  const markdown = join(dir, `${base}.md`);
  const text = stringifyReport(files.json);
  await writeFile(json, text);
  await writeFile(markdown, files.markdown);
  return { json, markdown, jsonBytes: Buffer.byteLength(text) };
}

/** Indented JSON with one question per line: small, and diffs line up with questions. */
export function stringifyReport(report: unknown): string {
  if (!report || typeof report !== 'object' || !Array.isArray((report as { questions?: unknown }).questions)) return JSON.stringify(report, null, 1) + '\n';
  const { questions, ...rest } = report as { questions: unknown[] };
  // Objects of plain values (a metrics block) on one line each.
  const head = JSON.stringify(rest, null, 1)
    .replace(/\{\n(?:\s+"[^"\n]+": (?:"(?:[^"\\\n]|\\.)*"|-?[\d.e+-]+|true|false|null),?\n)+\s*\}/g, (block) => block.replace(/\n\s*/g, ' ').replace('{ ', '{').replace(' }', '}'))
    .replace(/\n}$/, '');
  return `${head},\n "questions": [\n${questions.map((q) => `  ${JSON.stringify(q)}`).join(',\n')}\n ]\n}\n`;
}
