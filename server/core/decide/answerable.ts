// Whether the selected articles answer the question at all, or the corpus does not cover it. With a
// calibrated model (decision.json) several signals decide together; without one, the coverage
// threshold and, for English, the bridge do.
import type { DecisionModel, FeatureName } from '../../../indexer/learn/decision.ts';
import type { Selection } from '../answer/select.ts';
import type { IndexView } from '../index-view.ts';
import type { LearnedSignals } from '../retrieve/learned.ts';
import type { Retrieval } from '../retrieve/retrieval.ts';
import { questionWords, type LexicalQuery } from '../retrieve/types.ts';
import { coveredProbability, decisionFeatures } from './features.ts';

/**
 * Bridged terms exist in the corpus by construction, so for English the no-answer signal is how much of
 * the question found any corpus word at all ("minimum wage": wage has none). A question with nothing to
 * bridge beyond its frame ("When does the Guiyang draft take effect?") is left to coverage.
 */
export function bridgedEnough(query: LexicalQuery): boolean {
  if (!query.bridged) return true;
  const { covered, uncovered } = query.bridged;
  return covered > uncovered || covered + uncovered === 0;
}

export interface Judgement {
  found: boolean;
  /** The model's probability that the corpus covers the question; null without a model. */
  probability: number | null;
  features: Record<FeatureName, number | null>;
  /** The question's content words (the domain feature's input, for fitting its table). */
  words: string[];
}

export function judge(view: IndexView, learned: LearnedSignals, retrieval: Retrieval, selection: Selection, model: DecisionModel | null, threshold: number): Judgement {
  const { parsed, query, hits } = retrieval;
  const asked = questionWords(query);
  const top = hits[0];
  const clause = top ? view.units[top.unit]! : null;
  const features = decisionFeatures({
    words: asked,
    clause: clause && `${clause.chapter}\n${clause.text}`,
    idf: view.idf,
    known: view.knows,
    translation: learned.strength(asked),
    namesRegulation: parsed.namesRegulation,
    frame: parsed.expansions.length > 0,
    english: parsed.lang === 'en',
    bridged: query.bridged,
    dense: null,
    domain: model?.domain ?? null,
  });
  const content = asked.filter((w) => !w.optional);
  const words = (content.length > 0 ? content : asked).map((w) => w.term);
  if (selection.chosen.length === 0) return { found: false, probability: null, features, words };
  if (!model) return { found: selection.topCoverage >= threshold && bridgedEnough(query), probability: null, features, words };
  const probability = coveredProbability(model, features);
  return { found: probability >= model.threshold, probability, features, words };
}
