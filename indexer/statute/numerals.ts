// Chinese numerals as used in statute labels (第一百三十三条之一), up to 9999.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Characters that may make up a numeral, for building regular expressions. */
export const NUMERAL_CLASS = '零〇一二两三四五六七八九十百千0-9０-９';

/**
 * Parses 十四 / 一百三十三 / 一千零二 / 14 / １４ into an integer; null when the string is not a
 * well-formed numeral (empty, a unit repeated or out of order, stray characters).
 */
export function parseNumeral(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,4}$/.test(ascii)) return Number(ascii) > 0 ? Number(ascii) : null;
  if (ascii.length === 0 || ascii.length > 12) return null;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const ch of ascii) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      if (pending !== null && pending !== 0) return null; // two digits in a row (一二)
      pending = digit;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    // A bare 十 at the start means 一十 (十四 = 14); elsewhere a unit needs its digit.
    const multiplier = pending ?? (total === 0 && unit === 10 ? 1 : null);
    if (multiplier === null || multiplier === 0) return null;
    total += multiplier * unit;
    lastUnit = unit;
    pending = null;
  }
  if (pending !== null) {
    // 一千零二: the 零 is a placeholder; a trailing digit after 零 counts as units.
    total += pending;
  }
  return total > 0 ? total : null;
}

/** 14 → 十四, 110 → 一百一十, 1002 → 一千零二 (the forms statutes use). */
export function formatNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) throw new RangeError(`numeral out of range: ${n}`);
  const parts: string[] = [];
  const places = [1000, 100, 10, 1];
  const names = ['千', '百', '十', ''];
  let zeroPending = false;
  places.forEach((place, i) => {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      if (parts.length > 0) zeroPending = true;
      return;
    }
    if (zeroPending) parts.push('零');
    zeroPending = false;
    // 十四, not 一十四, when ten is the leading place.
    const digit = place === 10 && d === 1 && parts.length === 0 ? '' : DIGIT_CHARS[d]!;
    parts.push(digit + names[i]!);
  });
  return parts.join('');
}

/** 第十四条 / 第一百三十三条之一 */
export function articleLabel(n: number, sub = 0): string {
  return `第${formatNumeral(n)}条${sub > 0 ? `之${formatNumeral(sub)}` : ''}`;
}

/** 第三款 */
export function paragraphLabel(n: number): string {
  return `第${formatNumeral(n)}款`;
}
