// Cross-validation over the question log. A question the index learned from must not be answered by a
// model that has seen it: the log's questions fall into FOLDS folds, and a question of fold k is asked
// of a model retrained without fold k (translation table, nearest questions, document expansion).
// Questions outside the log (the seed test split) are asked of the model learned from the whole log.
import type { LearnedModel } from '../indexer/learn/artefact.ts';
import type { DecisionModel } from '../indexer/learn/decision.ts';
import { trainTranslation } from '../indexer/learn/train.ts';
import type { CoreAssistant } from '../server/core/index.ts';
import { assistantOver, type loadIndexData, type LoadOptions } from '../server/node/index.ts';

export const FOLDS = 5;

/** Deterministic fold of a question: FNV-1a of its text. */
export function foldOf(text: string, folds = FOLDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}

const trained = new WeakMap<LearnedModel, LearnedModel[]>();

/** STARD questions of fold 0 never fit the answerability model of the project corpus: they test it. */
export const isHeldOutStard = (question: string) => foldOf(question) === 0;

/** The model learned without fold k, for k = 0 … folds-1 (trained once per model). */
export function foldModels(learned: LearnedModel, folds = FOLDS): LearnedModel[] {
  const known = trained.get(learned);
  if (known?.length === folds) return known;
  const models = Array.from({ length: folds }, (_, k) => {
    const questions = learned.questions.filter((q) => foldOf(q.text, folds) !== k);
    return { ...learned, questions, ...trainTranslation(questions, learned.unitWords) };
  });
  trained.set(learned, models);
  return models;
}

/** Which model answers a question: its fold's when the log holds it, else null (the full model). */
export function foldRouter(learned: LearnedModel, folds = FOLDS): (question: string) => number | null {
  const logged = new Set(learned.questions.map((q) => q.text));
  return (question) => (logged.has(question) ? foldOf(question, folds) : null);
}

/**
 * The answerability model fitted without each fold (decision-fit.ts), and the questions it was fitted
 * on: the log's and the out-of-corpus ones (off-topic dev, STARD train), each judged by the model that
 * never saw its fold.
 */
export interface FoldDecisions {
  models: readonly DecisionModel[];
  questions: ReadonlySet<string>;
}

/**
 * One system over loaded index data, cross-validated: `pick` returns the assistant that may answer a
 * question (its fold's, or the full model for questions outside the log). With `decisions`, a question
 * the answerability model was fitted on is also judged by the model fitted without its fold.
 */
export async function crossValidated(loaded: Awaited<ReturnType<typeof loadIndexData>>, options: LoadOptions, decisions?: FoldDecisions): Promise<{ full: CoreAssistant; pick(question: string): CoreAssistant }> {
  const over = (learned: LearnedModel, decision: DecisionModel | null | undefined) =>
    assistantOver({ ...loaded, data: { ...loaded.data, learned, ...(decision ? { decision } : {}) } }, { ...options, warn: () => {} });
  const full = await assistantOver(loaded, options);
  const route = foldRouter(loaded.data.learned);
  const models = foldModels(loaded.data.learned);
  const perFold = await Promise.all(models.map((learned, k) => over(learned, decisions?.models[k])));
  // Fitted on but not logged (off-topic dev, STARD, the log's "not covered" entries): the full tables.
  const fullPerFold = decisions ? await Promise.all(decisions.models.map((decision) => over(loaded.data.learned, decision))) : [];
  return {
    full,
    pick(question) {
      const fold = route(question);
      if (fold !== null) return perFold[fold]!;
      return decisions?.questions.has(question) ? fullPerFold[foldOf(question)]! : full;
    },
  };
}
