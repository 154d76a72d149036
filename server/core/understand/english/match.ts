// How well one corpus term covers an English question's words, through the glosses of the term, of
// its parts and of its characters.
import { BONUS_MIN_COVER, CHAR_MATCH, MULTI_BONUS, POPULARITY, SINGLE_CHAR_TERM, WORD_MATCH } from './knobs.ts';
import type { GlossaryIndex, Meanings, StemHits, TermEntry } from './glossary-index.ts';

/** How a word or character matches the question: its credit and what it covers, by question word. */
interface Match {
  /** The largest share of one meaning's words the question accounts for (0: no match). */
  credit: number;
  /** [question word, coverage before the word/character level] pairs. */
  covers: [number, number][];
}

const NO_MATCH: Match = { credit: 0, covers: [] };

/**
 * How well a word's (or a character's) meanings cover each question word. A meaning counts by its
 * rank (CC-CEDICT lists the common senses first: 材料 is "material" before it is "data") and by the
 * share of its words the question accounts for ("data" covers all of 数据 "data" but little of 人大
 * "people's congress … at … county or township level").
 */
function match(meanings: Meanings | undefined, hits: StemHits): Match {
  if (!meanings || !sharesStem(meanings, hits)) return NO_MATCH;
  let credit = 0;
  const covers = new Map<number, number>();
  for (const { stems, rank } of meanings.senses) {
    let best: Map<number, number> | null = null; // question word → match quality within this meaning
    let matched = 0;
    for (const s of stems) {
      const h = hits.get(s);
      if (!h) continue;
      best ??= new Map();
      let q = 0;
      for (const { word, quality } of h) {
        best.set(word, Math.max(best.get(word) ?? 0, quality));
        q = Math.max(q, quality);
      }
      matched += q;
    }
    if (!best) continue;
    const share = matched / stems.length;
    credit = Math.max(credit, share);
    for (const [word, quality] of best) covers.set(word, Math.max(covers.get(word) ?? 0, quality * rank * Math.sqrt(share)));
  }
  return credit === 0 ? NO_MATCH : { credit, covers: [...covers] };
}

/** Whether any of the question's matched gloss stems is among the meanings' stems (a handful of lookups). */
function sharesStem(meanings: Meanings, hits: StemHits): boolean {
  for (const s of hits.keys()) if (meanings.stems.has(s)) return true;
  return false;
}

/** Per question: each word's and character's match, computed once (characters recur across terms). */
export class Matcher {
  private readonly words = new Map<string, Match>();
  private readonly chars = new Map<string, Match>();

  constructor(
    private readonly index: GlossaryIndex,
    private readonly hits: StemHits,
  ) {}

  word(w: string): Match {
    let m = this.words.get(w);
    if (!m) this.words.set(w, (m = match(this.index.glosses.get(w), this.hits)));
    return m;
  }

  char(c: string): Match {
    let m = this.chars.get(c);
    if (!m) this.chars.set(c, (m = match(this.index.chars.get(c), this.hits)));
    return m;
  }
}

/** Adds a match into `cov` (max) at the given level; returns its credit. */
function apply(m: Match, level: number, cov: number[]): number {
  for (const [word, v] of m.covers) cov[word] = Math.max(cov[word]!, level * v);
  return m.credit;
}

export interface Candidate {
  term: string;
  /** Per question word: how well the term covers it (0 to 1). */
  cov: number[];
  /** df^POPULARITY × fit², fit being how much of the term (part by part) the question accounts for. */
  factor: number;
}

export function scoreTerm(entry: TermEntry, matcher: Matcher, n: number): Candidate | null {
  const { term, parts, partChars, single } = entry;
  const wordCov = new Array<number>(n).fill(0);
  const charCov = new Array<number>(n).fill(0);
  // A longer term's own dictionary entry (基础设施 "infrastructure") speaks for the whole term.
  const whole = parts.length > 1 ? apply(matcher.word(term), WORD_MATCH, wordCov) : 0;
  const credit: number[] = [];
  const charCredit: number[] = [];
  let positions = 0; // characters that contribute a match, through their part's gloss or their own
  for (const [p, part] of parts.entries()) {
    const chars = partChars[p]!;
    const word = chars.length >= 2 ? apply(matcher.word(part), WORD_MATCH, wordCov) : 0;
    let charsHit = 0;
    for (const ch of chars) {
      const hit = apply(matcher.char(ch), single ? SINGLE_CHAR_TERM : CHAR_MATCH, charCov) > 0;
      if (hit) charsHit++;
      if (hit || word > 0) positions++;
    }
    credit.push(word);
    charCredit.push(charsHit / chars.length);
  }

  // Character glosses are noisy (据 "to occupy", 官 "organ of the body"): they count only in a
  // one-character term or when several characters of the term contribute.
  const charsCount = single || positions >= 2;
  const cov = wordCov.map((w, i) => Math.max(w, charsCount ? charCov[i]! : 0));
  if (!cov.some((c) => c > 0)) return null;

  // Each part is credited with how much of it the question accounts for: a compound whose other
  // parts the question does not mention (部门公共数据 for "public data") is less apt than the plain
  // word, however rare it is.
  const parted = parts.reduce((sum, _, p) => sum + Math.max(credit[p]!, charsCount ? charCredit[p]! : 0), 0) / parts.length;
  const fit = parts.length === 1 ? 1 : Math.max(parted, whole);
  if (fit === 0) return null;
  return { term, cov, factor: entry.df ** POPULARITY * fit * fit };
}

export function gainOf(c: Candidate, stems: readonly number[]): number {
  let sum = 0;
  let k = 0;
  for (const i of stems) {
    const v = c.cov[i] ?? 0;
    sum += v;
    if (v >= BONUS_MIN_COVER) k++;
  }
  if (sum === 0) return 0;
  // Covering several question words at once is what makes a compound the right search term.
  return c.factor * sum * (1 + MULTI_BONUS * Math.max(0, k - 1));
}

/** Higher score first; on a tie the shorter, then the lexically smaller term, so results are stable. */
export function better(score: number, c: Candidate, otherScore: number, other: Candidate): boolean {
  if (Math.abs(score - otherScore) > 1e-9) return score > otherScore;
  if (c.term.length !== other.term.length) return c.term.length < other.term.length;
  return c.term < other.term;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
