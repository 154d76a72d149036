// Explicit article references in a question: 第十四条, 第14条, 十四条, 第一百三十三条之一, Article 14(3).
import { NUMERAL_CLASS, parseNumeral } from '../../../indexer/statute/numerals.ts';

export interface ArticleRef {
  article: number;
  sub: number;
  paragraph: number | null;
}

const ZH_REF = new RegExp(
  `第?([${NUMERAL_CLASS}]+)条(?:之([${NUMERAL_CLASS}]+))?(?:第([${NUMERAL_CLASS}]+)款)?`,
  'g',
);
const EN_REF = /\b(?:article|art\.?)\s*(\d{1,4})(?:\s*(?:\((\d{1,3})\)|,?\s*(?:paragraph|para\.?|§)\s*(\d{1,3})))?/gi;

const BARE_PARAGRAPH = new RegExp(`第([${NUMERAL_CLASS}]+)款|\\bparagraph\\s*(\\d{1,3})`, 'i');

export function bareParagraph(text: string): number | null {
  const m = BARE_PARAGRAPH.exec(text);
  return m ? parseNumeral(m[1] ?? m[2]!) : null;
}

export function extractRefs(text: string): { refs: ArticleRef[]; rest: string } {
  const refs: ArticleRef[] = [];
  let rest = text.replace(ZH_REF, (whole, n: string, sub?: string, para?: string) => {
    const article = parseNumeral(n);
    // 一条 / 两条 inside ordinary prose ("有一条规定") is a count, not a reference.
    if (article === null || (!whole.startsWith('第') && /^[一两二三]$/.test(n))) return whole;
    const subNo = sub === undefined ? 0 : parseNumeral(sub);
    const paraNo = para === undefined ? null : parseNumeral(para);
    if (subNo === null) return whole;
    refs.push({ article, sub: subNo, paragraph: paraNo });
    return ' ';
  });
  rest = rest.replace(EN_REF, (_whole, n: string, p1?: string, p2?: string) => {
    const p = p1 ?? p2;
    refs.push({ article: Number(n), sub: 0, paragraph: p === undefined ? null : Number(p) });
    return ' ';
  });
  return { refs, rest };
}

