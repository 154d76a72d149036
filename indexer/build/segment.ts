// nodejs-jieba behind the Segment interface. Jieba's dictionary is process-global, so user words are
// added (never replaced) and each word is inserted once.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jieba from 'nodejs-jieba';
import { preferWords, type Coined, type Segment } from '../language/tokens.ts';

// Segmentation and tagging never use jieba's keyword extractor, but load() always reads its IDF table
// (6 MB, ~20 MB of memory and ~0.3 s) and insists on at least one line: a one-line table stands in.
const EXTRACTOR_STUB = fileURLToPath(new URL('./jieba-extractor-stub.utf8', import.meta.url));

let loaded = false;
const inserted = new Set<string>();

export function jiebaSegmenter(userWords: readonly string[] = []): Segment {
  if (!loaded) {
    jieba.load({ idfDict: EXTRACTOR_STUB, stopWordDict: EXTRACTOR_STUB });
    loaded = true;
  }
  for (const word of userWords) {
    if (inserted.has(word)) continue;
    jieba.insertWord(word);
    inserted.add(word);
  }
  return preferWords((text) => jieba.cutForSearch(text, true), userWords);
}

/** Without its HMM jieba cuts only into dictionary words (user words included): a coinage falls apart. */
export const jiebaCoined: Coined = (word) => {
  if (!loaded) jiebaSegmenter();
  return jieba.cut(word, false).length > 1;
};

/** Part-of-speech tags, used only while deriving the user dictionary from the corpus. */
export function jiebaTag(text: string): { word: string; tag: string }[] {
  if (!loaded) jiebaSegmenter();
  return jieba.tag(text);
}

/** The words of jieba's own dictionary: what any question can be segmented into (for pivot synonyms). */
export async function jiebaDictionaryWords(): Promise<string[]> {
  const dict = join(dirname(fileURLToPath(import.meta.resolve('nodejs-jieba'))), '..', 'dict', 'jieba.dict.utf8');
  return (await readFile(dict, 'utf8')).split('\n').map((line) => line.slice(0, line.indexOf(' '))).filter((w) => /^[\u4e00-\u9fff]{2,4}$/.test(w));
}
