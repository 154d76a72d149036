// Pure text helpers of the widget: citation labels in the interface language, answer text split at its
// [n] markers, clause text split at the words the question matched. No DOM here, so they are unit-tested.
import type { Citation, Lang, MatchedTerm } from '../../core/types.ts';

/** 第一百三十三条之一 → 1; 0 for an article without 之N. */
export function subOf(label: string): number {
  const sub = /条之([一二三四五六七八九十])/.exec(label)?.[1];
  return sub ? '一二三四五六七八九十'.indexOf(sub) + 1 : 0;
}

/** 第十四条第三款 → Article 14(3); 第一百三十三条之一 → Article 133-1; sections (公告) keep their label. */
export function citationLabel(c: Pick<Citation, 'article' | 'paragraph' | 'label'>, lang: Lang): string {
  if (lang === 'zh' || c.article === null) return c.label;
  const subNo = subOf(c.label);
  return `Article ${c.article}${subNo ? `-${subNo}` : ''}${c.paragraph ? `(${c.paragraph})` : ''}`;
}

/** 第十四条第三款 → 第十四条: the anchor of the article on its regulation's page. */
export const articleAnchor = (label: string) => /^第[^条]+条(?:之[一二三四五六七八九十]+)?/.exec(label)?.[0] ?? label;

/**
 * The answer without its list of sources (the heading line and the "[1] 《…》第十四条" lines after it),
 * which the widget shows as a list of its own; the draft note after the list stays.
 */
export function displayAnswer(answer: string): string {
  const lines = answer.split('\n');
  const start = lines.findIndex((line, i) => /[：:]$/.test(line) && /^\[1\] 《/.test(lines[i + 1] ?? ''));
  if (start < 0) return answer;
  let end = start + 1;
  while (end < lines.length && /^\[\d+\] 《/.test(lines[end]!)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export type AnswerPart = { text: string } | { marker: number };

/** "…明确数据专员[1][2]。" → text, marker 1, marker 2, text. Markers beyond the citations stay text. */
export function answerParts(answer: string, citations: number): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const m of answer.matchAll(/\[(\d{1,2})\]/g)) {
    const n = Number(m[1]);
    if (n < 1 || n > citations) continue;
    if (m.index > last) parts.push({ text: answer.slice(last, m.index) });
    parts.push({ marker: n });
    last = m.index + m[0].length;
  }
  if (last < answer.length) parts.push({ text: answer.slice(last) });
  return parts;
}

export type GlossPart = { text: string } | { term: string; gloss: string };

/** Clause text with every occurrence of a matched term marked, longest term first, never overlapping. */
export function glossParts(text: string, terms: readonly MatchedTerm[]): GlossPart[] {
  const sorted = [...terms].filter((t) => t.term !== '').sort((a, b) => b.term.length - a.term.length);
  const parts: GlossPart[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const hit = sorted.find((t) => text.startsWith(t.term, i));
    if (hit) {
      if (plain) parts.push({ text: plain });
      plain = '';
      parts.push({ term: hit.term, gloss: hit.gloss });
      i += hit.term.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain });
  return parts;
}

/** The answer as plain text for the clipboard: the answer, then its numbered sources. */
export function copyText(answer: string, citations: readonly Citation[], lang: Lang): string {
  if (citations.length === 0) return answer;
  const heading = lang === 'en' ? 'Sources:' : '依据：';
  const lines = citations.map((c, i) => `[${i + 1}] 《${c.regulationTitle}》${citationLabel(c, lang)}：${c.text}`);
  return [answer, '', heading, ...lines].join('\n');
}
