// English words to Porter stems, the form in which CC-CEDICT glosses and English questions meet.
import { stemmer } from 'stemmer';
import { EN_FUNCTION_WORDS } from './stopwords.ts';

export const EN_WORD = /[a-z]+/g;

/** Lowercased letter runs of at least two letters, without English function words, stemmed (Porter). */
export function stemWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(EN_WORD) ?? []) {
    if (w.length < 2 || EN_FUNCTION_WORDS.has(w)) continue;
    out.push(stemmer(w));
  }
  return out;
}
