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
import { EN_STOPWORDS } from '../../../../indexer/language/en/stopwords.ts';
import { EN_WORD } from '../../../../indexer/language/en/stem.ts';
import type { Glossary } from '../../../../indexer/format/glossary.ts';
import { indexOf, stemHits } from './glossary-index.ts';
import { ALTERNATE_WEIGHT, ALTERNATES_PER_WORD, MIN_SCORE, NEAR_GAIN, SENSE_SUPPORT, SPECIFICITY } from './knobs.ts';
import { better, gainOf, Matcher, round, scoreTerm, type Candidate } from './match.ts';

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
  /**
   * How well the returned terms cover the question, 0 to 1: per question word the best coverage any
   * of them gives (a term's own gloss 1, a character's or a loose prefix less), averaged.
   */
  quality: number;
}

/**
 * Share of the units holding term `b` that also hold term `a` (0 to 1): how the corpus uses words
 * together, to choose among a gloss's Chinese senses.
 */
export type Cooccurrence = (a: string, b: string) => number;

/**
 * Corpus terms to search for an English question, best first, weights normalised to a maximum of 1.
 * Digits and unknown words are ignored; a question with no recognisable word gets no terms.
 */
export function bridgeEnglish(question: string, glossary: Glossary, max = 8, cooccurrence?: Cooccurrence): Bridge {
  const { words, candidates, specific } = candidatesFor(question, glossary);
  if (words.length === 0 || max <= 0) return { terms: [], covered: [], uncovered: words.map((w) => w.word), quality: 0 };

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
      const gain = gainOf(c, open, specific);
      if (gain >= MIN_SCORE && (!best || better(gain, c, best.gain, best.c))) best = { c, gain };
    }
    if (!best) break;
    picked.set(best.c.term, best.gain);
    for (const i of open) if ((best.c.cov[i] ?? 0) > 0) covered.add(i);
  }
  if (cooccurrence && picked.size > 1) preferCooccurring(picked, candidates, allWords, cooccurrence, specific);

  // Alternates: a few more high-scoring terms for each covered word, at lower weight, in case the
  // best cover's wording is not the clause's.
  const alternates = new Map<string, number>();
  const scored = candidates.filter((c) => !picked.has(c.term)).map((c) => ({ c, score: gainOf(c, allWords, specific) })).filter((x) => x.score >= MIN_SCORE);
  for (const i of covered) {
    const ranked = scored
      .filter(({ c }) => (c.cov[i] ?? 0) > 0)
      .sort((a, b) => (better(a.score, a.c, b.score, b.c) ? -1 : 1))
      .slice(0, ALTERNATES_PER_WORD);
    for (const { c, score } of ranked) {
      alternates.set(c.term, Math.max(alternates.get(c.term) ?? 0, ALTERNATE_WEIGHT * score));
    }
  }

  // Alternates only take the room the cover leaves: a hedge for a well-covered word ("data" → 企业数据)
  // must not push out the only term of another (工厂 for "factories").
  const heavierFirst = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1);
  const ranked = [...[...picked].sort(heavierFirst), ...[...alternates].sort(heavierFirst)].slice(0, max).sort(heavierFirst);
  const top = ranked[0]?.[1] ?? 1;
  const terms = ranked.map(([term, w]) => ({ term, weight: round(w / top) }));
  const kept = candidates.filter((c) => terms.some((t) => t.term === c.term));
  const coveredWords = words.filter((_, i) => kept.some((c) => (c.cov[i] ?? 0) > 0)).map((w) => w.word);
  const quality = words.reduce((sum, _, i) => sum + Math.min(1, Math.max(0, ...kept.map((c) => c.cov[i] ?? 0))), 0) / words.length;
  return { terms, covered: coveredWords, uncovered: words.map((w) => w.word).filter((w) => !coveredWords.includes(w)), quality: round(quality) };
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
  const { words, candidates, specific } = candidatesFor(question, glossary);
  const all = words.map((_, i) => i);
  return {
    words: words.map((w) => w.word),
    candidates: candidates
      .map((c) => ({ term: c.term, score: round(gainOf(c, all, specific)), cov: c.cov.slice(0, words.length).map(round), factor: round(c.factor) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, top),
  };
}

function candidatesFor(question: string, glossary: Glossary): { words: QuestionWord[]; candidates: Candidate[]; specific: number[] } {
  const words = questionWords(question);
  if (words.length === 0) return { words, candidates: [], specific: [] };
  const index = indexOf(glossary);
  // An agent noun (specialist, officer, operator) implies a person: the hidden last question word
  // lets a role suffix (员, 人, 者, 官) count as accounted for, without being a word to cover.
  const stems = words.map((w) => w.stem);
  if (words.some((w) => AGENT.test(w.word))) stems.push('person');
  const hits = stemHits(stems, index.stems);
  const matcher = new Matcher(index, hits, stems.length);
  const reachable = new Uint8Array(index.terms.length);
  for (const s of hits.keys()) for (const i of index.termsByStem.get(s) ?? []) reachable[i] = 1;
  const candidates: Candidate[] = [];
  // In vocabulary order, so ties break exactly as a full scan would.
  for (let i = 0; i < reachable.length; i++) {
    if (!reachable[i]) continue;
    const c = scoreTerm(index.terms[i]!, matcher);
    if (c) candidates.push(c);
  }
  return { words, candidates, specific: specificity(stems.length, hits, index) };
}

/**
 * Per question word, how specific it is: the idf of its stem over the glossary's terms (how few of the
 * corpus's words it glosses), over the question's mean. "make", "get" and "help" gloss hundreds of
 * terms and characters, "museum" and "village" a handful: covering the specific word is what finds
 * the clause. The hidden person stem is weighed like any word; a word that glosses nothing weighs 1.
 */
function specificity(n: number, hits: ReturnType<typeof stemHits>, index: ReturnType<typeof indexOf>): number[] {
  const reached = Array.from({ length: n }, () => new Set<number>());
  for (const [gloss, words] of hits) for (const { word } of words) for (const t of index.termsByStem.get(gloss) ?? []) reached[word]!.add(t);
  const idf = reached.map((terms) => (terms.size > 0 ? Math.log(1 + index.terms.length / terms.size) : 0));
  const known = idf.filter((x) => x > 0);
  const mean = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  return idf.map((x) => (x > 0 ? (x / mean) ** SPECIFICITY : 1));
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
  for (const w of question.toLowerCase().match(EN_WORD) ?? []) {
    if (w.length < 2 || EN_STOPWORDS.has(w)) continue;
    const stem = stemmer(w);
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push({ word: w, stem });
  }
  return out;
}

/**
 * English senses chosen by the corpus: a picked term may give way to a nearly as good candidate for
 * the same question words ("plan" → 计划 or 规划) that appears more often in the units holding the
 * question's other picked terms.
 */
function preferCooccurring(picked: Map<string, number>, candidates: readonly Candidate[], allWords: readonly number[], cooccurrence: Cooccurrence, specific: readonly number[]): void {
  const byTerm = new Map(candidates.map((c) => [c.term, c]));
  for (const [term, gain] of [...picked]) {
    const own = byTerm.get(term)!;
    const others = [...picked.keys()].filter((t) => t !== term);
    const support = (t: string) => others.reduce((s, o) => s + cooccurrence(t, o), 0) / others.length;
    const words = allWords.filter((i) => (own.cov[i] ?? 0) > 0);
    let best = { term, score: gain * (1 + SENSE_SUPPORT * support(term)) };
    for (const c of candidates) {
      // Another sense of the same words: it covers them, and nothing else.
      if (picked.has(c.term) || !allWords.every((i) => (c.cov[i] ?? 0) > 0 === words.includes(i))) continue;
      const g = gainOf(c, allWords, specific);
      if (g < NEAR_GAIN * gain) continue;
      const score = g * (1 + SENSE_SUPPORT * support(c.term));
      if (score > best.score) best = { term: c.term, score };
    }
    if (best.term !== term) {
      picked.delete(term);
      picked.set(best.term, gainOf(byTerm.get(best.term)!, allWords, specific));
    }
  }
}
