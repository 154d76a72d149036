// The question as text: NFKC, traditional → simplified, whitespace folded, abbreviations spelled out.
import * as OpenCC from 'opencc-js/t2cn';
import { ABBREVIATIONS } from '../../../indexer/language/zh/frames.ts';

// twp also converts Taiwan vocabulary (網路 → 网络, 軟體 → 软件), not just characters. Its phrase table
// also rewrites simplified mainland words (程序 → 进程), so it runs only on text that has traditional
// characters, which the character-only converter detects.
const phrases = OpenCC.Converter({ from: 'twp', to: 'cn' });
const characters = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toSimplified = (text: string) => (characters(text) === text ? text : phrases(text));

/** One question is normalised by parsing, context and follow-up checks alike: the last few are kept. */
const recent = new Map<string, string>();
const RECENT = 8;

export function normalizeQuestion(question: string): string {
  const seen = recent.get(question);
  if (seen !== undefined) return seen;
  let text = toSimplified(question.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  for (const [short, full] of ABBREVIATIONS) text = text.replace(short, full);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(question, text);
  return text;
}

