import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas, and nothing else', () => {
    const csv = toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '第十四条', 'a=b', -3]]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"")","\'+1","\'-2","\'@SUM(A1)","\'\tx","第十四条","a=b","-3"\r\n');
  });
});
