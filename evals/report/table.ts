// A table as rows of cells, rendered either as aligned text (for the console) or as markdown, and the
// one way a metric value becomes a cell.

/** `left`: how many leading columns hold text (left-aligned); the rest are numbers. */
export type Table = { head: string[]; rows: string[][]; left?: number };

export function fmt(v: number | null, kind: 'rate' | 'ms' | 'count' = 'rate'): string {
  if (v === null) return '–';
  if (kind === 'count') return String(v);
  if (kind === 'ms') return v < 10 ? v.toFixed(2) : v.toFixed(1);
  return v.toFixed(3);
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
