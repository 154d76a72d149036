// The glossary as the bridge searches it: terms with their parts, gloss meanings parsed into stems
// with rank weights, and the terms reachable from each gloss stem. Built once per loaded glossary.
import type { Glossary } from '../../../../indexer/format/glossary.ts';
import { CHAR_SENSE_DECAY, PREFIX_MATCH, SENSE_DECAY, VARIANT_DECAY } from './knobs.ts';

/** Equal stems, or one a prefix of the other of at least 5 letters and 70% of the longer. */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && short.length >= 0.7 * long.length && long.startsWith(short);
}

/** No gloss: a word or character CC-CEDICT does not list (or one the term does not consult). */
export const NO_MEANINGS = -1;

export interface TermEntry {
  term: string;
  df: number;
  parts: string[];
  /** The meanings (by id) of the whole term when it has several parts, else NO_MEANINGS. */
  whole: number;
  /** Per part: its meanings as a word when it has two or more characters, else NO_MEANINGS. */
  partWords: number[];
  /** Per part: the meanings of each of its characters (code points). */
  partChars: number[][];
  /** A one-character term. */
  single: boolean;
}

/** A word's or character's meanings (sense variants), each its gloss stems and its rank weight. */
export interface Meanings {
  senses: readonly { stems: readonly string[]; rank: number }[];
}

export interface GlossaryIndex {
  terms: TermEntry[];
  /** Gloss stem → the terms (by position) whose own, part or character glosses contain it. */
  termsByStem: Map<string, number[]>;
  /** Every word's and character's meanings, by id: terms refer to them by id, resolved once per glossary. */
  meanings: Meanings[];
  /** Gloss stem → the meanings (by id) that contain it: most meanings a question reaches share none of its stems. */
  meaningsByStem: Map<string, number[]>;
  /** Every distinct gloss stem, of words and of characters, by its first five letters (shorter: whole). */
  stems: Map<string, string[]>;
}

/** A word's stored senses (glossary.json's format) parsed: each variant's stems, with its rank weight. */
export function meaningsOf(senses: readonly string[], senseDecay: number): Meanings {
  return {
    senses: senses.flatMap((sense, k) =>
      sense.split(';').map((variant, j) => ({ stems: variant.split(' ').filter(Boolean), rank: 1 / (1 + senseDecay * k + VARIANT_DECAY * j) })),
    ),
  };
}

// stemsMatch needs equality or a shared prefix of at least five letters, so only stems in the same
// bucket can match.
export const bucketOf = (stem: string) => stem.slice(0, 5);

const indexes = new WeakMap<Glossary, GlossaryIndex>();

export function indexOf(glossary: Glossary): GlossaryIndex {
  let index = indexes.get(glossary);
  if (!index) {
    const meanings: Meanings[] = [];
    const meaningsByStem = new Map<string, number[]>();
    const parse = (record: Record<string, string[]>, senseDecay: number): Map<string, number> => {
      const ids = new Map<string, number>();
      for (const [word, senses] of Object.entries(record)) {
        const parsed = meaningsOf(senses, senseDecay);
        const id = meanings.push(parsed) - 1;
        for (const s of new Set(parsed.senses.flatMap((m) => m.stems))) meaningsByStem.set(s, [...(meaningsByStem.get(s) ?? []), id]);
        ids.set(word, id);
      }
      return ids;
    };
    const glosses = parse(glossary.glosses, SENSE_DECAY);
    const chars = parse(glossary.chars, CHAR_SENSE_DECAY);
    const terms = Object.entries(glossary.terms).map(([term, t]): TermEntry => {
      const parts = t.parts ?? [term];
      const partChars = parts.map((p) => [...p]);
      return {
        term,
        df: t.df,
        parts,
        whole: parts.length > 1 ? (glosses.get(term) ?? NO_MEANINGS) : NO_MEANINGS,
        partWords: parts.map((p, i) => (partChars[i]!.length >= 2 ? (glosses.get(p) ?? NO_MEANINGS) : NO_MEANINGS)),
        partChars: partChars.map((cs) => cs.map((c) => chars.get(c) ?? NO_MEANINGS)),
        single: [...term].length === 1,
      };
    });
    const buckets = new Map<string, string[]>();
    for (const stem of meaningsByStem.keys()) buckets.set(bucketOf(stem), [...(buckets.get(bucketOf(stem)) ?? []), stem]);
    index = { terms, termsByStem: termsByStem(terms, glosses, meanings), meanings, meaningsByStem, stems: buckets };
    indexes.set(glossary, index);
  }
  return index;
}

/**
 * A term can only score through a gloss stem the question matches, so each question scores just the
 * terms reachable from its matched stems instead of the whole vocabulary. A term's own gloss counts
 * here even when the term is a single part, as it always has.
 */
function termsByStem(terms: readonly TermEntry[], glosses: Map<string, number>, meanings: readonly Meanings[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const sources = [glosses.get(t.term), ...t.parts.map((p) => glosses.get(p)), ...t.partChars.flat()];
    const seen = new Set<string>();
    for (const id of sources) if (id !== undefined && id !== NO_MEANINGS) for (const m of meanings[id]!.senses) for (const s of m.stems) seen.add(s);
    for (const s of seen) out.set(s, [...(out.get(s) ?? []), i]);
  });
  return out;
}

// What a longer stem may add to a shorter one and still be the same word: special → specialist.
const DERIVATION = /^(?:ist|ism|ian|al|ic|or|er|ment|ship)$/;

/** 1 for equal stems and plain derivations; less for other prefix matches (intern(ational) ~ internet). */
export function matchQuality(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return DERIVATION.test(long.slice(short.length)) ? 1 : PREFIX_MATCH;
}

/** Gloss stem → the question words it matches (by index), each with the match quality. */
export type StemHits = ReadonlyMap<string, readonly { word: number; quality: number }[]>;

export function stemHits(questionStems: readonly string[], glossStems: ReadonlyMap<string, readonly string[]>): StemHits {
  const out = new Map<string, { word: number; quality: number }[]>();
  questionStems.forEach((q, word) => {
    for (const g of glossStems.get(bucketOf(q)) ?? []) {
      if (stemsMatch(q, g)) out.set(g, [...(out.get(g) ?? []), { word, quality: matchQuality(q, g) }]);
    }
  });
  return out;
}
