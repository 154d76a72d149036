// Tokens for the lexical index, shared by indexing and querying (and by the edge build, so nothing here
// may depend on Node). Segmentation itself is injected: nodejs-jieba in Node, jieba-wasm at the edge.
import { EN_STOPWORDS } from './en/stopwords.ts';
import { ZH_STOPWORDS } from './zh/stopwords.ts';

/** Words that carry no topic in either language. */
export const STOPWORDS: ReadonlySet<string> = new Set([...ZH_STOPWORDS, ...EN_STOPWORDS]);

/** Splits text into words; search-mode segmentation (long words also yield their parts). */
export type Segment = (text: string) => string[];

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
