// What the indexer repaired or could not repair, and the table `npm run index -- --check` prints.

export type Severity = 'fatal' | 'warning' | 'repaired' | 'info';

export type LintCode =
  | 'unparseable'
  | 'manifest'
  | 'artifact-stripped'
  | 'title-line'
  | 'title-from-manifest'
  | 'duplicate-block'
  | 'broken-paragraph'
  | 'orphan-fragment'
  | 'text-conflict'
  | 'missing-articles'
  | 'chapter-conflict'
  | 'chapter-unknown'
  | 'unattached-text';

export interface LintIssue {
  regulationId: string;
  severity: Severity;
  code: LintCode;
  /** Where in the source: 第二十二条, lines 35–36, … */
  where: string;
  message: string;
}

export const hasFatal = (issues: readonly LintIssue[]): boolean => issues.some((i) => i.severity === 'fatal');

const ORDER: Record<Severity, number> = { fatal: 0, warning: 1, repaired: 2, info: 3 };

/** A plain-text table, widest cells clipped so it stays readable in a terminal. */
export function formatLintTable(issues: readonly LintIssue[], width = 160): string {
  if (issues.length === 0) return 'No problems found.';
  const rows = [...issues]
    .sort((a, b) => a.regulationId.localeCompare(b.regulationId) || ORDER[a.severity] - ORDER[b.severity])
    .map((i) => [i.regulationId, i.severity, i.code, i.where, i.message]);
  const header = ['regulation', 'severity', 'code', 'where', 'message'];
  const fixed = [0, 1, 2, 3].map((c) => Math.max(displayWidth(header[c]!), ...rows.map((r) => displayWidth(r[c]!))));
  const messageWidth = Math.max(30, width - fixed.reduce((a, b) => a + b + 3, 0));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c < 4 ? padEnd(cell, fixed[c]!) : clip(cell, messageWidth))).join(' | ');
  const counts = (['fatal', 'warning', 'repaired', 'info'] as const)
    .map((s) => `${issues.filter((i) => i.severity === s).length} ${s}`)
    .join(', ');
  return [line(header), fixed.map((w) => '-'.repeat(w)).join('-+-') + '-+-' + '-'.repeat(12), ...rows.map(line), '', counts].join('\n');
}

// CJK characters take two terminal columns.
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function clip(s: string, width: number): string {
  const flat = s.replace(/\n/g, ' ⏎ ');
  if (displayWidth(flat) <= width) return flat;
  let out = '';
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}
