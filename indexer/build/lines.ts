// Source text → classified lines. Cleaning removes typesetting only (markdown marks, full-width
// padding, Word bookmarks); the words of the statute are never changed here.
import { NUMERAL_CLASS, parseNumeral } from '../statute/numerals.ts';

export type Line =
  | { kind: 'structure'; line: number; level: '编' | '章' | '节'; heading: string }
  | { kind: 'article'; line: number; n: number; sub: number; body: string }
  | { kind: 'item'; line: number; number: number; text: string }
  | { kind: 'text'; line: number; text: string; markdownHeading: boolean };

export interface Artifact {
  line: number;
  removed: string;
}

const ARTIFACT = /\[bookmark:[^\]]*\]/g;
// Whitespace that typesetting puts between label and body, or inside 总　　则.
const PAD = /[\s\u3000\u00a0]+/g;
const STRUCTURE = new RegExp(`^第([${NUMERAL_CLASS}]+)(编|章|节)(?:[\\s\\u3000]+(.*)|$)`);
// An article head needs a separator after 条 (or end of line): 第十条规定的… is a sentence, not a head.
const ARTICLE = new RegExp(
  `^第([${NUMERAL_CLASS}]+)条(?:之([${NUMERAL_CLASS}]+))?(?:[\\s\\u3000]+(.*)|$)`,
);
const ITEM = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$/;

/** Strips markdown emphasis/heading marks and Word artifacts; reports what it removed. */
export function cleanLine(raw: string): { text: string; markdownHeading: boolean; artifacts: string[] } {
  const artifacts = raw.match(ARTIFACT) ?? [];
  // Emphasis goes first: a heading wrapped in bold (**### 第二章**) is still a heading.
  let text = raw.replace(ARTIFACT, '').replace(/\*\*/g, '');
  const heading = /^\s*#{1,6}\s+/.test(text);
  text = text.replace(/^\s*#{1,6}\s+/, '');
  text = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return { text, markdownHeading: heading, artifacts };
}

/** Drops padding inside short headings and labels (总　　则 → 总则). */
function unpad(text: string): string {
  return text.replace(PAD, '');
}

/** Inside a sentence, runs of padding become one space (本条例自    年  月  日 → 本条例自 年 月 日). */
function tidyBody(text: string): string {
  return text.replace(PAD, ' ').trim();
}

export function classifyLines(source: string): { lines: Line[]; artifacts: Artifact[] } {
  const lines: Line[] = [];
  const artifacts: Artifact[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const cleaned = cleanLine(raw);
    for (const removed of cleaned.artifacts) artifacts.push({ line, removed });
    const text = cleaned.text;
    if (text === '') return;

    const structure = STRUCTURE.exec(text);
    if (structure && (structure[3] ?? '').length <= 30) {
      const n = parseNumeral(structure[1]!);
      if (n !== null) {
        const title = unpad(structure[3] ?? '');
        const level = structure[2] as '编' | '章' | '节';
        lines.push({ kind: 'structure', line, level, heading: `第${unpad(structure[1]!)}${level}${title ? ` ${title}` : ''}` });
        return;
      }
    }
    const article = ARTICLE.exec(text);
    if (article) {
      const n = parseNumeral(article[1]!);
      const sub = article[2] === undefined ? 0 : parseNumeral(article[2]);
      if (n !== null && sub !== null) {
        lines.push({ kind: 'article', line, n, sub, body: tidyBody(article[3] ?? '') });
        return;
      }
    }
    const item = ITEM.exec(text);
    if (item) {
      const number = parseNumeral(item[1]!);
      if (number !== null) {
        lines.push({ kind: 'item', line, number, text: tidyBody(text) });
        return;
      }
    }
    lines.push({ kind: 'text', line, text: tidyBody(text), markdownHeading: cleaned.markdownHeading });
  });
  return { lines, artifacts };
}
