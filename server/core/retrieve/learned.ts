// The learned signals beside BM25: the translation language model (lay words → statute words, learned
// from the question log and bridged by CC-CEDICT pivot synonyms) and the articles of the nearest
// logged questions, fused with the lexical score. Each side is normalised by its best unit, so the
// weights (tuning.learned, chosen by cross-validation on the logs) mean the same for every question.
import { TopK } from '../../../indexer/lexical/heap.ts';
import type { LearnedModel } from '../../../indexer/learn/artefact.ts';
import type { IndexView } from '../index-view.ts';
import type { Tuning } from '../tuning.ts';
import { normalizeQuestion } from '../understand/normalize.ts';
import { neighbourVotes, type NeighbourVotes } from './neighbours.ts';
import { translationScorer, translationSide, type TranslationScorer } from './translation.ts';
import type { LexicalQuery, UnitHit, WeightedTerm } from './types.ts';

export interface LearnedSignals {
  /**
   * Translation language-model score of every article and section unit (0: explains none of the
   * words): both directions of the learned table, each normalised by its best unit, mixed; `bridged`
   * words (an English question's statute terms) use the forward direction alone.
   */
  translation(words: readonly WeightedTerm[], bridged?: boolean): Float64Array;
  /**
   * How well the best article explains the words through the forward table: its translation score
   * per unit of query weight (a log-likelihood ratio against the collection, comparable across
   * questions). An answerability signal.
   */
  strength(words: readonly WeightedTerm[]): number;
  /**
   * Lexical unit hits fused with the learned signals, best first; `question` is the normalised question
   * (a verified question asked again gets its verified clauses), `keep` filters units (the scope).
   */
  fuse(lexical: readonly UnitHit[], query: LexicalQuery, question: string, keep?: (unit: number) => boolean): UnitHit[];
}

/** The learned signals of an index view. */
export function learnedSignalsOf(view: IndexView, tuning: Pick<Tuning, 'learned'>): LearnedSignals {
  const articleOf = (u: number) => (view.units[u]!.kind === 'paragraph' ? view.articleUnitOf(view.units[u]!) : u);
  return learnedSignals(view.data.learned, articleOf, (u) => view.units[u]!.regulationId, tuning);
}

/** `articleOf`: the article (or section) unit a unit belongs to, itself for one; `regulationOf`: its regulation. */
export function learnedSignals(learned: LearnedModel, articleOf: (unit: number) => number, regulationOf: (unit: number) => string, tuning: Pick<Tuning, 'learned'>): LearnedSignals {
  const { translationWeight, reverseWeight, neighbourWeight, regulationWeight, repeatWeight, neighbours, pivotWeight, lambda, beta, candidates } = tuning.learned;
  // Built on first use: an index served only for lookups never pays for them.
  let scorers: { forward: TranslationScorer; reverse: TranslationScorer } | null = null;
  let votes: NeighbourVotes | null = null;
  let verified: Map<string, number[]> | null = null;

  /** The clauses the log verified for this very question (punctuation, width and script aside). */
  function verifiedUnits(question: string): number[] {
    if (!verified) {
      verified = new Map();
      for (const q of learned.questions) {
        const key = repeatKey(normalizeQuestion(q.text));
        verified.set(key, [...(verified.get(key) ?? []), ...q.units]);
      }
    }
    return verified.get(repeatKey(question)) ?? [];
  }

  // The last question's forward scores: fusion and the answerability decision both read them.
  let last: { words: readonly WeightedTerm[]; scores: Float64Array } | null = null;
  function scorersOf() {
    if (scorers) return scorers;
    const side = translationSide(learned, articleOf, pivotWeight);
    return (scorers = { forward: translationScorer(side.stats, side.table, { lambda, beta }), reverse: translationScorer(side.stats, learned.reverse, { lambda, beta }) });
  }
  function forward(words: readonly WeightedTerm[]): Float64Array {
    if (last?.words !== words) last = { words, scores: scorersOf().forward(words) };
    return last.scores;
  }

  function translation(words: readonly WeightedTerm[], bridged = false): Float64Array {
    const scores = normalised(forward(words));
    // The reverse table explains the lay words of a question by the clause's; the bridge's terms are
    // the clause's own words already, which it has no lay wording for.
    if (bridged || reverseWeight <= 0 || learned.reverse.size === 0) return scores;
    const reverse = normalised(scorersOf().reverse(words));
    const mixed = new Float64Array(scores.length);
    for (let u = 0; u < mixed.length; u++) mixed[u] = (1 - reverseWeight) * scores[u]! + reverseWeight * reverse[u]!;
    return mixed;
  }

  let evidence: Map<string, number> | null = null;
  function strength(words: readonly WeightedTerm[]): number {
    const weight = words.reduce((s, w) => s + w.weight, 0);
    // A word the log and the units hold once or never is a guess, however sure the table is about it
    // (one logged question teaches 高速公路 all of its clause's words): it counts by its evidence.
    evidence ??= evidenceCounts(learned);
    const weighed = words.map((w) => ({ ...w, weight: w.weight * Math.min(1, (evidence!.get(w.term) ?? 0) / SURE_EVIDENCE) }));
    let top = 0;
    for (const s of scorersOf().forward(weighed)) if (s > top) top = s;
    return weight > 0 ? top / weight : 0;
  }

  /** Nearest logged questions' votes for units, and the same summed per regulation; both best = 1. */
  function neighbourSignals(query: LexicalQuery, keep: (unit: number) => boolean) {
    votes ??= neighbourVotes(learned.questions);
    const cast = [...votes(query.words.map((w) => w.term), neighbours)].filter(([u]) => keep(u));
    const byRegulation = new Map<string, number>();
    for (const [u, v] of cast) byRegulation.set(regulationOf(u), (byRegulation.get(regulationOf(u)) ?? 0) + v);
    const top = Math.max(1e-9, ...cast.map(([, v]) => v));
    const best = Math.max(1e-9, ...byRegulation.values());
    return { units: cast.map(([u, v]) => [u, v / top] as const), regulation: (u: number) => (byRegulation.get(regulationOf(u)) ?? 0) / best };
  }

  function fuse(lexical: readonly UnitHit[], query: LexicalQuery, question: string, keep: (unit: number) => boolean = () => true): UnitHit[] {
    const useNeighbours = learned.questions.length > 0 && (neighbourWeight > 0 || regulationWeight > 0);
    const repeats = repeatWeight > 0 ? verifiedUnits(question).filter(keep) : [];
    if (translationWeight <= 0 && !useNeighbours && repeats.length === 0) return [...lexical];
    // Dense over units (a Map per question cost more than the scoring); `present`: the units any signal named.
    const scores = new Float64Array(learned.unitWords.length);
    const isPresent = new Uint8Array(scores.length);
    const present: number[] = [];
    const add = (unit: number, score: number) => {
      if (!isPresent[unit]) {
        isPresent[unit] = 1;
        present.push(unit);
      }
      scores[unit]! += score;
    };
    const topLexical = Math.max(1e-9, ...lexical.map((h) => h.score));
    for (const h of lexical) add(h.unit, ((1 - translationWeight) * h.score) / topLexical);
    if (translationWeight > 0) {
      // A paragraph shares its article's score; which paragraph to cite stays the lexical side's call.
      const article = translation(query.words, query.bridged !== undefined);
      for (let u = 0; u < article.length; u++) {
        const s = article[articleOf(u)]!;
        if (s > 0 && keep(u)) add(u, translationWeight * s);
      }
    }
    if (useNeighbours) {
      const near = neighbourSignals(query, keep);
      for (const [u, v] of near.units) add(u, neighbourWeight * v);
      // The regulations the nearest questions were answered from: a topic prior over whole statutes.
      for (const u of present) scores[u]! *= 1 + regulationWeight * near.regulation(u);
    }
    for (const u of repeats) add(u, repeatWeight);
    return best(present, scores, candidates);
  }

  return { translation, strength, fuse };
}

/** A question as the verified-repeat lookup compares it: no punctuation or spaces, lowercase. */
const repeatKey = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** The k best units by score (ties: lower unit first), through the lexical engine's top-k heap. */
function best(units: readonly number[], scores: Float64Array, k: number): UnitHit[] {
  if (k <= 0) return [];
  const heap = new TopK(Math.min(k, units.length));
  for (const u of units) if (heap.accepts(scores[u]!, u)) heap.push(scores[u]!, u);
  return heap.sorted().map((h) => ({ unit: h.doc, score: h.score }));
}

/** Scores divided by their maximum (all 0 stays all 0). */
function normalised(scores: Float64Array): Float64Array {
  let top = 0;
  for (let u = 0; u < scores.length; u++) if (scores[u]! > top) top = scores[u]!;
  if (!(top > 0)) return scores;
  const out = new Float64Array(scores.length);
  for (let u = 0; u < out.length; u++) out[u] = scores[u]! / top;
  return out;
}

/** Logged questions plus units holding a word at which its translations count in full. */
const SURE_EVIDENCE = 2;

/** Per word: how many logged questions and units hold it. */
function evidenceCounts(learned: Pick<LearnedModel, 'questions' | 'unitWords'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const words of [...learned.questions.map((q) => q.words), ...learned.unitWords]) for (const w of new Set(words)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
