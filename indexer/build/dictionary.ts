// A user dictionary derived from the corpus itself: defined terms (本条例所称X，是指…) and recurring
// noun compounds (数据专员, 首席数据官, 数据主管部门) that jieba would otherwise split, so that a
// question naming the compound matches it as one rare, specific term.
import type { Regulation } from '../statute/model.ts';

export interface TaggedWord {
  word: string;
  tag: string;
}
export type Tagger = (text: string) => TaggedWord[];

const DEFINED = [
  /所称([\u4e00-\u9fff]{2,12}?)[，,]?(?:是指|包括)/g,
  /[（(][一二三四五六七八九十]+[）)]([\u4e00-\u9fff]{2,12}?)[，,]是指/g,
];
// Noun-like jieba tags: nouns (n, nr, ns, nt, nz, ng), verbal nouns (vn), distinguishing words (b).
const NOUNISH = /^(n[a-z]*|vn|b)$/;
const MIN_COUNT = 2;
// A one-character word may end a compound only as an office or role suffix (首席数据官, 数据专员).
const ROLE_SUFFIX = /^[官员局委厅处室所站]$/;

export function definedTerms(regulations: readonly Regulation[]): string[] {
  const terms = new Set<string>();
  for (const text of allTexts(regulations)) {
    for (const re of DEFINED) for (const m of text.matchAll(re)) terms.add(m[1]!);
  }
  return [...terms].sort();
}

/**
 * A one-character adjective may open a two-word compound (大模型, 新业态): jieba tags 大 and 新 as
 * adjectives, and would otherwise split the term wherever a question puts a verb before it (做大模型).
 */
const opensCompound = (w: TaggedWord, at: number, span: number) => NOUNISH.test(w.tag) || (at === 0 && span === 2 && w.tag === 'a' && w.word.length === 1);

/** Adjacent runs of 2–3 noun-like words (3–7 characters) that recur in the corpus. */
export function recurringCompounds(regulations: readonly Regulation[], tag: Tagger): string[] {
  const counts = new Map<string, number>();
  for (const text of allTexts(regulations)) {
    for (const sentence of text.split(/[。；;，,、：:\n（）()“”]/)) {
      const words = tag(sentence);
      for (let i = 0; i < words.length; i++) {
        for (const span of [2, 3]) {
          const run = words.slice(i, i + span);
          if (run.length < span || !run.every((w, at) => opensCompound(w, at, span))) continue;
          const first = run[0]!;
          const last = run.at(-1)!.word;
          if ((first.word.length < 2 && first.tag !== 'a') || (last.length < 2 && !ROLE_SUFFIX.test(last))) continue;
          const compound = run.map((w) => w.word).join('');
          if (compound.length < 3 || compound.length > 7) continue;
          counts.set(compound, (counts.get(compound) ?? 0) + 1);
        }
      }
    }
  }
  const frequent = [...counts.entries()].filter(([, n]) => n >= MIN_COUNT);
  // A fragment that never occurs outside one longer compound (优数字 inside 优数字经济) is not a term.
  return frequent
    .filter(([w, n]) => !frequent.some(([longer, m]) => longer !== w && longer.includes(w) && m >= n))
    .map(([w]) => w)
    .sort();
}

export function userDictionary(regulations: readonly Regulation[], tag: Tagger): string[] {
  return [...new Set([...definedTerms(regulations), ...recurringCompounds(regulations, tag)])].sort();
}

function* allTexts(regulations: readonly Regulation[]): Generator<string> {
  for (const r of regulations) {
    for (const a of r.articles) yield a.text;
    for (const s of r.sections) yield s.text;
  }
}
