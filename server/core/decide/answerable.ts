// Whether the selected articles answer the question at all, or the corpus does not cover it.
import type { LexicalQuery } from '../retrieve/types.ts';

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

/** Found: something was selected, it covers the question well enough, and an English question bridged. */
export function isAnswerable(selected: number, topCoverage: number, query: LexicalQuery, threshold: number): boolean {
  return selected > 0 && topCoverage >= threshold && bridgedEnough(query);
}
