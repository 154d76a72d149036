// Tokens for the lexical index, shared by indexing and querying (and by the edge build, so nothing here
// may depend on Node). Segmentation itself is injected: nodejs-jieba in Node, jieba-wasm at the edge.
import { EN_STOPWORDS } from './en/stopwords.ts';
import { escapeRegExp } from './text.ts';
import { ZH_STOPWORDS } from './zh/stopwords.ts';

/** Words that carry no topic in either language. */
export const STOPWORDS: ReadonlySet<string> = new Set([...ZH_STOPWORDS, ...EN_STOPWORDS]);

/** Splits text into words; search-mode segmentation (long words also yield their parts). */
export type Segment = (text: string) => string[];

/** Whether the segmenter's dictionaries lack a word: its HMM coined it from single characters. */
export type Coined = (word: string) => boolean;

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

const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{3,}$/;

/**
 * jieba's HMM joins the characters around a word its dictionaries lack into a new word: 做算力 (做 + 算力),
 * 绿电来用 (绿电 + 来用). The corpus then knows neither the coinage nor, through it, the word the asker
 * meant. A coined word of three or more characters that is not known (to the corpus, or to what the
 * index learned from its log) gives way to the known words inside it (longest first, left to right); a
 * dictionary word the corpus lacks (增值税) is the asker's own word and stays whole, as does a coinage
 * with no known word inside. Only questions are split: a coinage in the log is learned whole, and known.
 */
export function splitCoined(words: readonly string[], known: (word: string) => boolean, coined: Coined): string[] {
  return words.flatMap((word) => {
    if (!CJK_WORD.test(word) || known(word) || !coined(word)) return [word];
    const chars = [...word];
    const pieces: string[] = [];
    let found = false;
    for (let i = 0; i < chars.length - 1; ) {
      let j = chars.length;
      while (j - i >= 2 && !known(chars.slice(i, j).join(''))) j--;
      if (j - i < 2) {
        i++;
        continue;
      }
      const piece = chars.slice(i, (i = j)).join('');
      found = true;
      // A function word inside a coinage (看规定吧 → 规定) is no more a topic than on its own.
      if (!STOPWORDS.has(piece)) pieces.push(piece);
    }
    return found ? pieces : [word];
  });
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
