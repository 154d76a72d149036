// Duty lists as CSV for spreadsheets: RFC 4180 quoting, CRLF rows, and a UTF-8 BOM, without which Excel
// reads the Chinese as mojibake. Statute text comes from outside, so a cell that a spreadsheet would run
// as a formula (starting with = + - @, tab or CR) gets a leading ' (OWASP's CSV injection advice).
import type { DutyList } from '../core/types.ts';
import { statusLabel } from './format.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

const field = (value: string | number | null) => {
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value ?? '');
  return `"${text.replaceAll('"', '""')}"`;
};

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export function dutiesCsv(list: DutyList): string {
  return toCsv([
    ['法规', '状态', '条款', '主体', '层级', '情态', '职责', '条文'],
    ...list.groups.flatMap((g) =>
      g.duties.map((d) => [d.regulationTitle, statusLabel(g.status), d.label, d.actor, d.level, d.modality, d.action, d.text]),
    ),
  ]);
}
