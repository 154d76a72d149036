// Cross-validation over the question log. A question the index learned from must not be answered by a
// model that has seen it: the log's questions fall into FOLDS folds, and a question of fold k is asked
// of a model retrained without fold k (translation table, nearest questions, document expansion).
// Questions outside the log (the seed test split) are asked of the model learned from the whole log.
import type { LearnedModel } from '../indexer/learn/artefact.ts';
import { trainTranslation } from '../indexer/learn/train.ts';

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

/** The model learned without fold k, for k = 0 … folds-1. */
export function foldModels(learned: LearnedModel, folds = FOLDS): LearnedModel[] {
  return Array.from({ length: folds }, (_, k) => {
    const questions = learned.questions.filter((q) => foldOf(q.text, folds) !== k);
    return { ...learned, questions, ...trainTranslation(questions, learned.unitWords) };
  });
}

/** Which model answers a question: its fold's when the log holds it, else null (the full model). */
export function foldRouter(learned: LearnedModel, folds = FOLDS): (question: string) => number | null {
  const logged = new Set(learned.questions.map((q) => q.text));
  return (question) => (logged.has(question) ? foldOf(question, folds) : null);
}
