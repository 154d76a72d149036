// Bridges an English question to the Chinese corpus. Word-by-word translation misses the statutes'
// own wording ("appoint a data specialist" → 任命/数据/专家, while the text says 明确数据专员), so
// instead the question's stemmed English words are matched against the English glosses of the
// corpus's OWN vocabulary (glossary.json, built from CC-CEDICT at index time): the gloss of a term,
// of its parts (首席数据官 → 首席 chief + 数据 data + 官 official) and of its characters (专 special).
// Terms that cover several question words at once win (数据专员 for "data specialist"), a term whose
// other parts the question does not mention loses (部门公共数据 for "public data"), and a greedy set
// cover keeps the search terms few and complementary.
//
// Pure and edge-safe: no Node imports, no cc-cedict (the glossary carries what is needed).
import { stemmer } from 'stemmer';
import type { Glossary } from '../../../indexer/format/glossary.ts';

/** English function words, dropped from glosses and questions alike. */
const EN_STOPWORDS = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves shall may might must let us etc sth sb esp lit fig abbr one
oneself someone something somebody anything used also pr tw cl ie eg via per kind sort`;

/** Words of questions (not of glosses) that say nothing about the topic. */
const QUESTION_STOPWORDS = `who what which whose whom must should does did do doing done please tell explain describe
say says said according regulation regulations article articles law laws rule rules provision provisions clause clauses
paragraph paragraphs chapter chapters statute statutes text mention mentions mentioned stipulate stipulates
stipulated anyone anybody someone somebody thing things way ways kind kinds there here`;

const STOP: ReadonlySet<string> = new Set(EN_STOPWORDS.split(/\s+/).filter(Boolean));
const QUESTION_STOP: ReadonlySet<string> = new Set([...STOP, ...QUESTION_STOPWORDS.split(/\s+/).filter(Boolean)]);

const WORD = /[a-z]+/g;

/** Lowercased letter runs of at least two letters, without English stopwords, stemmed (Porter). */
export function stemWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stemmer(w));
  }
  return out;
}

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/g;

/**
 * True when the text is mostly Latin-script words with few or no Chinese characters. A Chinese
 * character carries about a syllable, so each counts as two letters ("Who appoints the 数据专员?" is
 * English; "什么是AI" is not).
 */
export function isEnglish(text: string): boolean {
  const letters = text.match(LATIN_LETTER)?.length ?? 0;
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  return letters >= 2 && letters > 2 * cjk;
}

export interface BridgedTerm {
  term: string;
  /** Relative importance, the best term 1. */
  weight: number;
}

export interface Bridge {
  terms: BridgedTerm[];
  /** Question words (lowercased, as asked) that some returned term covers. */
  covered: string[];
  /** Question content words no returned term covers. */
  uncovered: string[];
}

// Scoring knobs, tuned on ~50 English questions about the two statutes.
const WORD_MATCH = 1; // the gloss of the term or of one of its multi-character parts
const CHAR_MATCH = 0.6; // the gloss of one character of a multi-character term
const SINGLE_CHAR_TERM = 0.6; // a one-character term: characters are too polysemous for full weight
const PREFIX_MATCH = 0.7; // a prefix match that is not a plain derivation: intern(ational) ~ internet
const SENSE_DECAY = 1; // sense k, variant j of a word count 1 / (1 + SENSE_DECAY·k + VARIANT_DECAY·j)
const VARIANT_DECAY = 0.25;
const CHAR_SENSE_DECAY = 0.25; // a character's senses are all live in compounds (专 is "special" third)
const MULTI_BONUS = 0.5; // per extra question word a term covers at once
const BONUS_MIN_COVER = 0.25; // how well a word must be covered to earn the bonus
// Among equally good matches the corpus's common word wins (政府 over 治理 for "government", 数据
// over 材料 for "data"): a mild popularity prior, df^0.15, rather than idf, which rewarded rare
// words matched through an incidental gloss. Specific compounds win by covering more words.
const POPULARITY = 0.15;
const ALTERNATES_PER_WORD = 2;
const ALTERNATE_WEIGHT = 0.5;
const MIN_SCORE = 0.3; // below this a match is noise (a rare term matched through a weak gloss)

/**
 * Corpus terms to search for an English question, best first, weights normalised to a maximum of 1.
 * Digits and unknown words are ignored; a question with no recognisable word gets no terms.
 */
export function bridgeEnglish(question: string, glossary: Glossary, max = 8): Bridge {
  const { words, candidates } = candidatesFor(question, glossary);
  if (words.length === 0 || max <= 0) return { terms: [], covered: [], uncovered: words.map((w) => w.word) };

  const allWords = words.map((_, i) => i);
  const picked = new Map<string, number>();
  const covered = new Set<number>();
  // Greedy set cover: each pick's gain counts only the question words not yet covered.
  while (picked.size < max) {
    const open = allWords.filter((i) => !covered.has(i));
    if (open.length === 0) break;
    let best: { c: Candidate; gain: number } | null = null;
    for (const c of candidates) {
      if (picked.has(c.term)) continue;
      const gain = gainOf(c, open);
      if (gain >= MIN_SCORE && (!best || better(gain, c, best.gain, best.c))) best = { c, gain };
    }
    if (!best) break;
    picked.set(best.c.term, best.gain);
    for (const i of open) if ((best.c.cov[i] ?? 0) > 0) covered.add(i);
  }

  // Alternates: a few more high-scoring terms for each covered word, at lower weight, in case the
  // best cover's wording is not the clause's.
  const weights = new Map(picked);
  for (const i of covered) {
    const ranked = candidates
      .filter((c) => (c.cov[i] ?? 0) > 0 && !picked.has(c.term))
      .map((c) => ({ c, score: gainOf(c, allWords) }))
      .filter((x) => x.score >= MIN_SCORE)
      .sort((a, b) => (better(a.score, a.c, b.score, b.c) ? -1 : 1))
      .slice(0, ALTERNATES_PER_WORD);
    for (const { c, score } of ranked) {
      weights.set(c.term, Math.max(weights.get(c.term) ?? 0, ALTERNATE_WEIGHT * score));
    }
  }

  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  const top = ranked[0]?.[1] ?? 1;
  const terms = ranked.map(([term, w]) => ({ term, weight: round(w / top) }));
  const kept = candidates.filter((c) => terms.some((t) => t.term === c.term));
  const coveredWords = words.filter((_, i) => kept.some((c) => (c.cov[i] ?? 0) > 0)).map((w) => w.word);
  return { terms, covered: coveredWords, uncovered: words.map((w) => w.word).filter((w) => !coveredWords.includes(w)) };
}

export interface BridgeCandidate {
  term: string;
  /** The term's score over all question words. */
  score: number;
  /** Per question word (in `words` order): how well the term covers it, 0 to 1. */
  cov: number[];
  /** The term's weight independent of the question words it covers (fit and frequency). */
  factor: number;
}

/** Diagnostics: the question's content words and the best-scoring candidate terms, best first. */
export function explainBridge(question: string, glossary: Glossary, top = 20): { words: string[]; candidates: BridgeCandidate[] } {
  const { words, candidates } = candidatesFor(question, glossary);
  const all = words.map((_, i) => i);
  return {
    words: words.map((w) => w.word),
    candidates: candidates
      .map((c) => ({ term: c.term, score: round(gainOf(c, all)), cov: c.cov.slice(0, words.length).map(round), factor: round(c.factor) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, top),
  };
}

function candidatesFor(question: string, glossary: Glossary): { words: QuestionWord[]; candidates: Candidate[] } {
  const words = questionWords(question);
  if (words.length === 0) return { words, candidates: [] };
  const index = indexOf(glossary);
  // An agent noun (specialist, officer, operator) implies a person: the hidden last question word
  // lets a role suffix (员, 人, 者, 官) count as accounted for, without being a word to cover.
  const stems = words.map((w) => w.stem);
  if (words.some((w) => AGENT.test(w.word))) stems.push('person');
  const hits = stemHits(stems, index.stems);
  const matcher = new Matcher(index, hits);
  // In vocabulary order, so ties break exactly as a full scan would.
  const reachable = [...new Set([...hits.keys()].flatMap((s) => index.termsByStem.get(s) ?? []))].sort((a, b) => a - b);
  const candidates: Candidate[] = [];
  for (const i of reachable) {
    const c = scoreTerm(index.terms[i]!, matcher, stems.length);
    if (c) candidates.push(c);
  }
  return { words, candidates };
}

/** Nouns for a person by role: specialist, officer, operator, administrator, statistician. */
const AGENT =
  /^(?:[a-z]{3,}(?:ists?|ians?|ators?)|officers?|officials?|managers?|providers?|holders?|workers?|directors?|supervisors?|inspectors?|investors?|members?|commissioners?|representatives?|employees?|leaders?|personnel|staff)$/;

interface QuestionWord {
  word: string;
  stem: string;
}

function questionWords(question: string): QuestionWord[] {
  const out: QuestionWord[] = [];
  const seen = new Set<string>();
  for (const w of question.toLowerCase().match(WORD) ?? []) {
    if (w.length < 2 || QUESTION_STOP.has(w)) continue;
    const stem = stemmer(w);
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push({ word: w, stem });
  }
  return out;
}

/** Equal stems, or one a prefix of the other of at least 5 letters and 70% of the longer. */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && short.length >= 0.7 * long.length && long.startsWith(short);
}

interface TermEntry {
  term: string;
  df: number;
  parts: string[];
}

/** A word's or character's meanings (sense variants), each its gloss stems and its rank weight. */
type Meanings = readonly { stems: readonly string[]; rank: number }[];

interface GlossaryIndex {
  terms: TermEntry[];
  /** Gloss stem → the terms (by position) whose own, part or character glosses contain it. */
  termsByStem: Map<string, number[]>;
  glosses: Map<string, Meanings>;
  chars: Map<string, Meanings>;
  /** Every distinct gloss stem, of words and of characters, by its first five letters (shorter: whole). */
  stems: Map<string, string[]>;
}

// stemsMatch needs equality or a shared prefix of at least five letters, so only stems in the same
// bucket can match.
const bucketOf = (stem: string) => stem.slice(0, 5);

const indexes = new WeakMap<Glossary, GlossaryIndex>();

function indexOf(glossary: Glossary): GlossaryIndex {
  let index = indexes.get(glossary);
  if (!index) {
    const stems = new Set<string>();
    const parse = (record: Record<string, string[]>, senseDecay: number): Map<string, Meanings> => {
      const out = new Map<string, Meanings>();
      for (const [word, senses] of Object.entries(record)) {
        const parsed = senses.flatMap((sense, k) =>
          sense.split(';').map((variant, j) => ({ stems: variant.split(' ').filter(Boolean), rank: 1 / (1 + senseDecay * k + VARIANT_DECAY * j) })),
        );
        for (const m of parsed) for (const s of m.stems) stems.add(s);
        out.set(word, parsed);
      }
      return out;
    };
    const terms = Object.entries(glossary.terms).map(([term, t]) => ({ term, df: t.df, parts: t.parts ?? [term] }));
    const glosses = parse(glossary.glosses, SENSE_DECAY);
    const chars = parse(glossary.chars, CHAR_SENSE_DECAY);
    const buckets = new Map<string, string[]>();
    for (const stem of stems) buckets.set(bucketOf(stem), [...(buckets.get(bucketOf(stem)) ?? []), stem]);
    index = { terms, termsByStem: termsByStem(terms, glosses, chars), glosses, chars, stems: buckets };
    indexes.set(glossary, index);
  }
  return index;
}

/**
 * A term can only score through a gloss stem the question matches, so each question scores just the
 * terms reachable from its matched stems instead of the whole vocabulary.
 */
function termsByStem(terms: readonly TermEntry[], glosses: Map<string, Meanings>, chars: Map<string, Meanings>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const sources = [glosses.get(t.term), ...t.parts.map((p) => glosses.get(p)), ...t.parts.flatMap((p) => [...p]).map((ch) => chars.get(ch))];
    const seen = new Set<string>();
    for (const meanings of sources) for (const m of meanings ?? []) for (const s of m.stems) seen.add(s);
    for (const s of seen) out.set(s, [...(out.get(s) ?? []), i]);
  });
  return out;
}

// What a longer stem may add to a shorter one and still be the same word: special → specialist.
const DERIVATION = /^(?:ist|ism|ian|al|ic|or|er|ment|ship)$/;

/** 1 for equal stems and plain derivations; less for other prefix matches (intern(ational) ~ internet). */
function matchQuality(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return DERIVATION.test(long.slice(short.length)) ? 1 : PREFIX_MATCH;
}

/** Gloss stem → the question words it matches (by index), each with the match quality. */
type StemHits = ReadonlyMap<string, readonly { word: number; quality: number }[]>;

function stemHits(questionStems: readonly string[], glossStems: ReadonlyMap<string, readonly string[]>): StemHits {
  const out = new Map<string, { word: number; quality: number }[]>();
  questionStems.forEach((q, word) => {
    for (const g of glossStems.get(bucketOf(q)) ?? []) {
      if (stemsMatch(q, g)) out.set(g, [...(out.get(g) ?? []), { word, quality: matchQuality(q, g) }]);
    }
  });
  return out;
}

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
  if (!meanings) return NO_MATCH;
  let credit = 0;
  const covers = new Map<number, number>();
  for (const { stems, rank } of meanings) {
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

/** Per question: each word's and character's match, computed once (characters recur across terms). */
class Matcher {
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

interface Candidate {
  term: string;
  /** Per question word: how well the term covers it (0 to 1). */
  cov: number[];
  /** df^POPULARITY × fit², fit being how much of the term (part by part) the question accounts for. */
  factor: number;
}

function scoreTerm(entry: TermEntry, matcher: Matcher, n: number): Candidate | null {
  const { term, parts } = entry;
  const single = [...term].length === 1;
  const wordCov = new Array<number>(n).fill(0);
  const charCov = new Array<number>(n).fill(0);
  // A longer term's own dictionary entry (基础设施 "infrastructure") speaks for the whole term.
  const whole = parts.length > 1 ? apply(matcher.word(term), WORD_MATCH, wordCov) : 0;
  const credit: number[] = [];
  const charCredit: number[] = [];
  let positions = 0; // characters that contribute a match, through their part's gloss or their own
  for (const part of parts) {
    const chars = [...part];
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

function gainOf(c: Candidate, stems: readonly number[]): number {
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
function better(score: number, c: Candidate, otherScore: number, other: Candidate): boolean {
  if (Math.abs(score - otherScore) > 1e-9) return score > otherScore;
  if (c.term.length !== other.term.length) return c.term.length < other.term.length;
  return c.term < other.term;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
