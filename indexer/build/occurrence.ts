// One copy of an article as the source lays it out, before repair and merging: the shapes the
// parse steps (parse.ts, repair.ts, merge.ts) share.
import type { LintCode, Severity } from './lint.ts';
import type { ArticleId, Item, Paragraph } from '../statute/model.ts';

export interface RawParagraph {
  lines: number[];
  lead: string;
  items: Item[];
}

export interface Occurrence {
  no: ArticleId;
  key: string;
  line: number;
  /** The chapter this copy sits under, when the source makes that certain. */
  chapter: string | null;
  paragraphs: RawParagraph[];
}

export type Report = (severity: Severity, code: LintCode, where: string, message: string) => void;

/** Whether `next` is the article one expects right after `prev` (第十条, 第十条之一, 第十一条). */
export function follows(prev: ArticleId, next: ArticleId): boolean {
  return (next.n === prev.n && next.sub === prev.sub + 1) || (next.n === prev.n + 1 && next.sub === 0);
}

export const lineRange = (lines: number[]) => {
  const lo = Math.min(...lines);
  const hi = Math.max(...lines);
  return lo === hi ? `line ${lo}` : `lines ${lo}–${hi}`;
};

export function finishParagraph(raw: RawParagraph, index: number): Paragraph {
  const text = [raw.lead, ...raw.items.map((i) => i.text)].filter((t) => t !== '').join('\n');
  return { number: index + 1, text, items: raw.items };
}

export const occurrenceText = (occ: Occurrence) => occ.paragraphs.map((p) => finishParagraph(p, 0).text).join('\n');
