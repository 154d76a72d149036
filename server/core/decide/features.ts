// What the answerability decision looks at: signals of whether the corpus covers a question, each
// comparable across questions (shares, per-word scores, flags), so that one calibrated model serves
// every question. Pure.
import { FEATURES, type DecisionModel, type DomainTable, type FeatureName } from '../../../indexer/learn/decision.ts';
import type { WeightedTerm } from '../retrieve/types.ts';
import { coverage } from './coverage.ts';
import { domainScore } from './domain.ts';
import { predict } from './logistic.ts';

export interface DecisionInput {
  /** The lexical query's words (optional ones are the frame's statute words). */
  words: readonly WeightedTerm[];
  /** The best article's text (with its chapter heading), null when nothing was retrieved. */
  clause: string | null;
  idf(term: string): number;
  /** Whether the corpus has the word, or the translation table or pivot synonyms lead from it to the corpus. */
  known(term: string): boolean;
  /** The best translation score per unit of query weight (LearnedSignals.strength). */
  translation: number;
  /** A title, alias or 这两部 named a regulation of the corpus. */
  namesRegulation: boolean;
  /** The question's frame matched statute vocabulary (怎么处罚 → 法律责任, 什么时候施行 → 施行). */
  frame: boolean;
  english: boolean;
  /** For English: how well the bridge covered the question's words with corpus terms. */
  bridged?: { covered: number; uncovered: number; quality: number };
  /** Best dense similarity, null without vectors (the model then sees its training mean). */
  dense: number | null;
  /** The corpus's domain words (from the decision model); null: no domain feature. */
  domain: DomainTable | null;
}

export function decisionFeatures(input: DecisionInput): Record<FeatureName, number | null> {
  const content = input.words.filter((w) => !w.optional);
  const asked = content.length > 0 ? content : input.words;
  const total = asked.reduce((s, w) => s + w.weight * input.idf(w.term), 0);
  const known = asked.reduce((s, w) => s + (input.known(w.term) ? w.weight * input.idf(w.term) : 0), 0);
  const b = input.bridged;
  return {
    coverage: input.clause === null ? 0 : coverage(input.words, input.clause, input.idf),
    known: total > 0 ? known / total : 0,
    translation: input.translation,
    namesRegulation: input.namesRegulation ? 1 : 0,
    frame: input.frame ? 1 : 0,
    english: input.english ? 1 : 0,
    // Nothing to bridge beyond the frame ("When does it take effect?") is not a failure to bridge.
    bridged: b && b.covered + b.uncovered > 0 ? b.quality : 1,
    words: Math.log1p(asked.length),
    domain: input.domain && domainScore(input.domain, asked.map((w) => w.term)),
    dense: input.dense,
  };
}

/** Probability that the corpus covers the question; a missing feature (no vectors) counts as its mean. */
export function coveredProbability(model: DecisionModel, features: Record<FeatureName, number | null>): number {
  return predict(model, FEATURES.map((name, j) => features[name] ?? model.mean[j]!));
}
