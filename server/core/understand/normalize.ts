// The question as text: NFKC, traditional → simplified, whitespace folded, abbreviations spelled out.
import * as OpenCC from 'opencc-js/t2cn';
import { ABBREVIATIONS } from '../../../indexer/language/zh/frames.ts';

// twp also converts Taiwan vocabulary (網路 → 网络, 軟體 → 软件), not just characters.
const toSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });

export function normalizeQuestion(question: string): string {
  let text = toSimplified(question.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  for (const [short, full] of ABBREVIATIONS) text = text.replace(short, full);
  return text;
}

