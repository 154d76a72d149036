// jieba-wasm behind the Segment interface: the edge counterpart of indexer/segment.ts (nodejs-jieba).
// Takes the module's functions rather than importing them, so that the same code serves the Worker
// (jieba-wasm's `web` build, instantiated from a bundled WebAssembly.Module) and Node (its `nodejs`
// build, used by segment-compare.ts and the tests). Edge-safe: no Node imports.
import { preferWords, type Coined, type Segment } from '../../indexer/language/tokens.ts';

/** The part of jieba-wasm's API the segmenter uses (identical in its web and nodejs builds). */
export interface JiebaWasm {
  cut(text: string, hmm?: boolean | null): string[];
  cut_for_search(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/** jieba-rs keeps one dictionary per wasm instance: a word is added once per module. */
const added = new WeakMap<JiebaWasm, Set<string>>();

/**
 * cppjieba gives a user word without a frequency the median weight of its dictionary, which is a
 * frequency of 3 (jieba.dict.utf8: 348,982 words, median 3). jieba-rs would otherwise give it its
 * suggest_freq, just enough to be kept whole, which turns 大数据 and 数字经济 (user words of this
 * corpus) into single words where nodejs-jieba keeps 大 数据 / 数字 经济.
 */
export const CPPJIEBA_USER_WORD_FREQ = 3;

/** nodejs-jieba's load() also reads the user.dict.utf8 it ships: the same words, same weights. */
export const NODEJS_JIEBA_USER_DICT: readonly [string, number][] = [
  ['云计算', CPPJIEBA_USER_WORD_FREQ],
  ['蓝翔', CPPJIEBA_USER_WORD_FREQ],
  ['区块链', 10],
];

/**
 * Search-mode segmentation with HMM for unknown words, like nodejs-jieba's cutForSearch(text, true),
 * with the index's user dictionary (dictionary.txt) added as cppjieba adds it. What still differs is
 * jieba-rs following Python jieba in when to apply the HMM (cppjieba runs it over every run of single
 * characters, jieba-rs only over runs that are not dictionary words, and its HMM decodes some runs
 * differently: 写的 vs 写 的): server/edge/segment-compare.ts measures it on the eval questions.
 */
export function wasmSegmenter(jieba: JiebaWasm, userWords: readonly string[] = []): Segment {
  let words = added.get(jieba);
  if (!words) added.set(jieba, (words = new Set()));
  const add = (word: string, freq: number) => {
    if (word === '' || words.has(word)) return;
    jieba.add_word(word, freq);
    words.add(word);
  };
  for (const [word, freq] of NODEJS_JIEBA_USER_DICT) add(word, freq);
  for (const word of userWords) add(word, CPPJIEBA_USER_WORD_FREQ);
  return preferWords((text) => jieba.cut_for_search(text, true), userWords);
}

/** As jiebaCoined: without its HMM jieba-rs cuts only into dictionary words, so a coinage falls apart. */
export const wasmCoined = (jieba: JiebaWasm): Coined => (word) => jieba.cut(word, false).length > 1;
