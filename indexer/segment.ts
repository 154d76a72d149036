// nodejs-jieba behind the Segment interface. Jieba's dictionary is process-global, so user words are
// added (never replaced) and each word is inserted once.
import * as jieba from 'nodejs-jieba';
import type { Segment } from './tokens.ts';

let loaded = false;
const inserted = new Set<string>();

export function jiebaSegmenter(userWords: readonly string[] = []): Segment {
  if (!loaded) {
    jieba.load();
    loaded = true;
  }
  for (const word of userWords) {
    if (inserted.has(word)) continue;
    jieba.insertWord(word);
    inserted.add(word);
  }
  return (text) => jieba.cutForSearch(text, true);
}

/** Part-of-speech tags, used only while deriving the user dictionary from the corpus. */
export function jiebaTag(text: string): { word: string; tag: string }[] {
  if (!loaded) jiebaSegmenter();
  return jieba.tag(text);
}
