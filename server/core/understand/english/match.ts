// How well one corpus term covers an English question's words, through the glosses of the term, of
// its parts and of its characters.
import { BONUS_MIN_COVER, CHAR_MATCH, MULTI_BONUS, POPULARITY, SINGLE_CHAR_TERM, WORD_MATCH } from './knobs.ts';
import { NO_MEANINGS, type GlossaryIndex, type Meanings, type StemHits, type TermEntry } from './glossary-index.ts';

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
function match(meanings: Meanings, hits: StemHits, covers: Float64Array, best: Float64Array): Match {
  const n = covers.length;
  covers.fill(0);
  let credit = 0;
  for (const { stems, rank } of meanings.senses) {
    best.fill(0); // question word → match quality within this meaning
    let matched = 0;
    for (const s of stems) {
      const h = hits.get(s);
      if (!h) continue;
      let q = 0;
      for (const { word, quality } of h) {
        best[word] = Math.max(best[word]!, quality);
        q = Math.max(q, quality);
      }
      matched += q;
    }
    if (matched === 0) continue;
    const share = matched / stems.length;
    credit = Math.max(credit, share);
    for (let w = 0; w < n; w++) if (best[w]! > 0) covers[w] = Math.max(covers[w]!, best[w]! * rank * Math.sqrt(share));
  }
  if (credit === 0) return NO_MATCH;
  const pairs: [number, number][] = [];
  for (let w = 0; w < n; w++) if (covers[w]! > 0) pairs.push([w, covers[w]!]);
  return { credit, covers: pairs };
}

/**
 * Per question: each word's and character's match, computed once (characters recur across terms).
 * Meanings that share no stem with the question, most of those a question reaches, are NO_MATCH from
 * the start, found through the glossary's stem → meanings lists rather than by testing each.
 */
export class Matcher {
  private readonly matches: (Match | undefined)[];
  /** Scratch per question word, for one match or one term at a time (neither nests). */
  private readonly scratch: [Float64Array, Float64Array];
  readonly wordCov: Float64Array;
  readonly charCov: Float64Array;

  constructor(
    private readonly index: GlossaryIndex,
    private readonly hits: StemHits,
    /** Question words (hits refer to them by index below this). */
    readonly n: number,
  ) {
    this.scratch = [new Float64Array(n), new Float64Array(n)];
    this.wordCov = new Float64Array(n);
    this.charCov = new Float64Array(n);
    this.matches = new Array<Match | undefined>(index.meanings.length).fill(NO_MATCH);
    for (const s of hits.keys()) for (const id of index.meaningsByStem.get(s) ?? []) this.matches[id] = undefined;
  }

  /** Whether meanings `id` match the question at all (shared stems always give some credit). */
  private reaches(id: number): boolean {
    return id !== NO_MEANINGS && this.matches[id] !== NO_MATCH;
  }

  /** Whether the term's own gloss or one of its parts' matches. */
  reachesAsWord({ whole, partWords }: TermEntry): boolean {
    if (this.reaches(whole)) return true;
    for (const id of partWords) if (this.reaches(id)) return true;
    return false;
  }

  /** How many of the term's characters match through their own gloss. */
  charsReached({ partChars }: TermEntry): number {
    let n = 0;
    for (const chars of partChars) for (const id of chars) if (this.reaches(id)) n++;
    return n;
  }

  /** The match of meanings `id` (NO_MEANINGS: none). */
  of(id: number): Match {
    if (id === NO_MEANINGS) return NO_MATCH;
    let m = this.matches[id];
    if (m === undefined) this.matches[id] = m = match(this.index.meanings[id]!, this.hits, ...this.scratch);
    return m;
  }
}

/** Adds a match into `cov` (max) at the given level; returns its credit. */
function apply(m: Match, level: number, cov: Float64Array): number {
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

export function scoreTerm(entry: TermEntry, matcher: Matcher): Candidate | null {
  const { term, parts, partWords, partChars, single } = entry;
  // Reached through one character's gloss alone, which does not count (see charsCount below).
  if (!single && !matcher.reachesAsWord(entry) && matcher.charsReached(entry) < 2) return null;
  const { wordCov, charCov, n } = matcher;
  wordCov.fill(0);
  charCov.fill(0);
  // A longer term's own dictionary entry (基础设施 "infrastructure") speaks for the whole term.
  const whole = apply(matcher.of(entry.whole), WORD_MATCH, wordCov);
  const credit: number[] = [];
  const charCredit: number[] = [];
  const charLevel = single ? SINGLE_CHAR_TERM : CHAR_MATCH;
  let positions = 0; // characters that contribute a match, through their part's gloss or their own
  for (let p = 0; p < parts.length; p++) {
    const chars = partChars[p]!;
    const word = apply(matcher.of(partWords[p]!), WORD_MATCH, wordCov);
    let charsHit = 0;
    for (const ch of chars) {
      const hit = apply(matcher.of(ch), charLevel, charCov) > 0;
      if (hit) charsHit++;
      if (hit || word > 0) positions++;
    }
    credit.push(word);
    charCredit.push(charsHit / chars.length);
  }

  // Character glosses are noisy (据 "to occupy", 官 "organ of the body"): they count only in a
  // one-character term or when several characters of the term contribute.
  const charsCount = single || positions >= 2;
  const cov = new Array<number>(n);
  let any = false;
  for (let i = 0; i < n; i++) any = (cov[i] = Math.max(wordCov[i]!, charsCount ? charCov[i]! : 0)) > 0 || any;
  if (!any) return null;

  // Each part is credited with how much of it the question accounts for: a compound whose other
  // parts the question does not mention (部门公共数据 for "public data") is less apt than the plain
  // word, however rare it is.
  const parted = parts.reduce((sum, _, p) => sum + Math.max(credit[p]!, charsCount ? charCredit[p]! : 0), 0) / parts.length;
  const fit = parts.length === 1 ? 1 : Math.max(parted, whole);
  if (fit === 0) return null;
  return { term, cov, factor: entry.df ** POPULARITY * fit * fit };
}

/** `weights`: per question word, how much covering it is worth (its specificity). */
export function gainOf(c: Candidate, stems: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let k = 0;
  for (const i of stems) {
    const v = c.cov[i] ?? 0;
    sum += v * weights[i]!;
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
