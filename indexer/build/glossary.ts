// The English bridge's data, built at index time: every CJK word of the corpus with its document
// frequency, its parts (首席数据官 → 首席 数据 官) and the stemmed English content words of the
// CC-CEDICT glosses of the word, of its parts and of its characters. The query side
// (server/core/english.ts) matches English questions against these glosses without loading CC-CEDICT.
//
// CC-CEDICT (https://cc-cedict.org) is licensed CC BY-SA 4.0; the glossary is derived from it.
import type { Senses } from './cedict.ts';
import { stemWords } from '../language/en/stem.ts';
import type { Glossary, GlossaryTerm } from '../format/glossary.ts';
import { wordTokens, type Segment } from '../language/tokens.ts';
import type { Unit } from '../statute/units.ts';

const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
/** Parts of a term are looked up only up to this length (longer CC-CEDICT words are rare). */
const MAX_PART = 8;

export function buildGlossary(units: readonly Unit[], segment: Segment, senses: Senses): Glossary {
  // Search-mode segmentation also yields the dictionary words inside a longer word (责任人 → 责任,
  // 任人, 责任人). Those count towards document frequency, as they do in the lexical index, but a
  // word seen only inside longer words is a term only when it is a real part of one (宽带 in
  // 光纤宽带网络), not an accident of overlap (任人 in 责任人, 民政 in 人民政府).
  const df = new Map<string, number>();
  const standalone = new Set<string>();
  for (const u of units) {
    const tokens = segment(u.text).map((t) => t.trim().toLowerCase());
    const words = new Set(wordTokens(segment, u.text).filter((w) => CJK_WORD.test(w)));
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    tokens.forEach((t, i) => {
      if (words.has(t) && !standalone.has(t) && !nestedAt(tokens, i)) standalone.add(t);
    });
  }

  const lookup = new GlossLookup(senses);
  const partsByTerm = new Map<string, string[]>();
  for (const term of standalone) partsByTerm.set(term, partsOf(term, lookup));
  for (const parts of [...partsByTerm.values()]) {
    for (const p of parts) if (df.has(p) && !partsByTerm.has(p)) partsByTerm.set(p, partsOf(p, lookup));
  }

  const terms: Record<string, GlossaryTerm> = {};
  const glosses: Record<string, string[]> = {};
  const chars: Record<string, string[]> = {};
  const display: Record<string, string> = {};
  for (const term of [...partsByTerm.keys()].sort()) {
    const parts = partsByTerm.get(term)!;
    const entry: GlossaryTerm = { df: df.get(term)! };
    if (parts.length !== 1 || parts[0] !== term) entry.parts = parts;
    terms[term] = entry;
    for (const word of [term, ...parts]) {
      if ([...word].length < 2 || word in glosses) continue;
      const g = lookup.glosses(word);
      if (g.length > 0) glosses[word] = g;
      if (g.length > 0) display[word] = lookup.display(word);
    }
    for (const ch of term) {
      if (ch in chars) continue;
      const g = lookup.glosses(ch);
      if (g.length > 0) chars[ch] = g;
      if (g.length > 0) display[ch] = lookup.display(ch);
    }
  }
  return { version: 1, units: units.length, terms, glosses, chars, display };
}

/**
 * The lay section of the glossary: each of `askersWords` (the question words the log taught the learned
 * tables) of two or more CJK characters that is no corpus term, with its CC-CEDICT senses.
 */
export function layGlosses(askersWords: Iterable<string>, glossary: Glossary, lookup: GlossLookup): Record<string, string[]> {
  const lay: Record<string, string[]> = {};
  for (const word of [...askersWords].sort()) {
    if (!CJK_WORD.test(word) || [...word].length < 2 || word in glossary.terms) continue;
    const g = lookup.glosses(word);
    if (g.length > 0) lay[word] = g;
  }
  return lay;
}

/**
 * Whether the search-mode token at i is one of the sub-words jieba emits just before the longer
 * word containing it: a later token contains it, and everything in between is inside that word too.
 */
function nestedAt(tokens: readonly string[], i: number): boolean {
  const t = tokens[i]!;
  for (let j = i + 1; j < Math.min(tokens.length, i + 30); j++) {
    const w = tokens[j]!;
    if (w.length > t.length && w.includes(t) && tokens.slice(i + 1, j).every((x) => w.includes(x))) return true;
  }
  return false;
}

/**
 * The term split into as few pieces as possible, each a CC-CEDICT word (other than the term itself
 * when longer than two characters) or a single character; among equally short splits, the one with
 * the longest first piece (责任人 → 责任 人, not 责 任人). A two-character dictionary word is its own
 * single part; a two-character word CC-CEDICT lacks splits into its characters.
 */
export function partsOf(term: string, lookup: GlossLookup): string[] {
  const chars = [...term];
  if (chars.length === 1) return [term];
  if (chars.length === 2) return lookup.glosses(term).length > 0 ? [term] : chars;
  // best[i]: fewest pieces covering chars[i, end), and where the first of them ends.
  const best: { cost: number; next: number }[] = [];
  best[chars.length] = { cost: 0, next: chars.length };
  for (let start = chars.length - 1; start >= 0; start--) {
    let choice = { cost: Infinity, next: start + 1 };
    for (let end = Math.min(chars.length, start + MAX_PART); end > start; end--) {
      const len = end - start;
      if (len === chars.length) continue;
      if (len >= 2 && lookup.glosses(chars.slice(start, end).join('')).length === 0) continue;
      const cost = best[end]!.cost + 1;
      if (cost < choice.cost) choice = { cost, next: end };
    }
    best[start] = choice;
  }
  const parts: string[] = [];
  for (let start = 0; start < chars.length; start = best[start]!.next) parts.push(chars.slice(start, best[start]!.next).join(''));
  return parts;
}

/**
 * A word's CC-CEDICT senses, memoised, in CC-CEDICT's order (roughly most common first). Each sense
 * is its `;`-separated variants joined by `;`, each variant its stemmed English content words joined
 * by spaces: 企业 → ["compani;firm;enterpris;corpor"]. [] when CC-CEDICT lacks the word.
 */
export class GlossLookup {
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly senses: Senses) {}

  /** The first sense with content, as CC-CEDICT words it, at most three variants: for display. */
  display(word: string): string {
    for (const sense of this.senses(word)) {
      const variants = cleanSense(sense).split(';').map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (variants.length > 0) return variants.slice(0, 3).join('; ');
    }
    return '';
  }

  glosses(word: string): string[] {
    let out = this.cache.get(word);
    if (!out) {
      const senses = this.senses(word)
        .map((sense) =>
          [...new Set(cleanSense(sense).split(';').map((variant) => [...new Set(stemWords(variant))].join(' ')))]
            .filter((v) => v !== '')
            .join(';'),
        )
        .filter((sense) => sense !== '');
      out = [...new Set(senses)];
      this.cache.set(word, out);
    }
    return out;
  }
}

// Senses that only point elsewhere: no meaning of their own.
const POINTER_SENSE = /^(?:(?:old|archaic|ancient|japanese|korean|erhua|taiwan|non-standard)\s+)?(?:variant of|surname|see also|see|used in|also written|also pr\.|also called|classifier for)(?=\s|$)/i;

/** Drops pointer senses; strips Chinese cross-references, pinyin, parentheticals and classifiers. */
export function cleanSense(sense: string): string {
  if (POINTER_SENSE.test(sense.trim())) return '';
  return sense
    .replace(/CL:.*$/, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\x00-\x7f]+(?:\|[^\x00-\x7f]+)?/g, ' ');
}
