// Whole reports for people: the console summary and the markdown report.
import { groupTable, mainTable, ratioTable } from './metric-tables.ts';
import { reasonCounts, renderMissesMarkdown, type Miss } from './misses.ts';
import type { RunInfo, SystemRun } from './run-info.ts';
import { renderMarkdown, renderText } from './table.ts';

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
