import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleLabel, formatNumeral, parseNumeral } from './numerals.ts';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十四', 14], ['二十', 20], ['一百', 100], ['一百零五', 105], ['一百一十', 110],
    ['一百三十三', 133], ['一千', 1000], ['一千零二', 1002], ['两千三百', 2300], ['14', 14], ['１４', 14], ['九千九百九十九', 9999],
  ])('%s → %i', (text, n) => expect(parseNumeral(text)).toBe(n));

  it.each(['', '百', '一二', '十十', '百十一千', 'abc', '零', '0', '00'])('rejects %j', (text) => expect(parseNumeral(text)).toBeNull());

  it('formats the way statutes write them', () => {
    expect(formatNumeral(14)).toBe('十四');
    expect(formatNumeral(110)).toBe('一百一十');
    expect(formatNumeral(1002)).toBe('一千零二');
    expect(articleLabel(133, 1)).toBe('第一百三十三条之一');
  });

  it('round-trips every number up to 9999 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => parseNumeral(formatNumeral(n)) === n));
  });

  it('never throws on arbitrary strings (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const n = parseNumeral(s);
      return n === null || (Number.isInteger(n) && n > 0);
    }));
  });
});
