// Tokens for the lexical index, shared by indexing and querying (and by the edge build, so nothing here
// may depend on Node). Segmentation itself is injected: nodejs-jieba in Node, jieba-wasm at the edge.
import { EN_STOPWORDS } from './en/stopwords.ts';
import { escapeRegExp } from './text.ts';
import { ZH_STOPWORDS } from './zh/stopwords.ts';

/** Words that carry no topic in either language. */
export const STOPWORDS: ReadonlySet<string> = new Set([...ZH_STOPWORDS, ...EN_STOPWORDS]);

/** Splits text into words; search-mode segmentation (long words also yield their parts). */
export type Segment = (text: string) => string[];

/**
 * The corpus dictionary's words win the segmenter's splits: jieba weighs its own words against a user
 * word and cuts 做大模型 into 做大/模型 although 大模型 is a term of the corpus. Every occurrence of a
 * dictionary word (the longest at each place, left to right) is segmented on its own, and the text
 * between them on its own; the term itself is a token, followed by the parts the segmenter gives it.
 */
export function preferWords(segment: Segment, words: readonly string[]): Segment {
  const terms = [...new Set(words)].filter((w) => [...w].length >= 2).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (terms.length === 0) return segment;
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'g');
  return (text) => {
    const out: string[] = [];
    let at = 0;
    for (const m of text.matchAll(pattern)) {
      if (m.index > at) out.push(...segment(text.slice(at, m.index)));
      // The term itself, then the parts search mode gives for it.
      out.push(m[0], ...segment(m[0]).filter((w) => w !== m[0]));
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push(...segment(text.slice(at)));
    return out;
  };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Jieba words, lowercased, without punctuation, stopwords or single non-CJK characters. */
export function wordTokens(segment: Segment, text: string, keepStopwords = false): string[] {
  const out: string[] = [];
  for (const raw of segment(text)) {
    const w = raw.trim().toLowerCase();
    if (w === '' || !WORDLIKE.test(w)) continue;
    if (!keepStopwords && STOPWORDS.has(w)) continue;
    if (!CJK.test(w) && w.length < 2 && !/\d/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Overlapping character bigrams of every CJK run: robust where segmentation disagrees. */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}
