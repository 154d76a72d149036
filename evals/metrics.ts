// Pure metric functions over article keys. No I/O, no assistant: everything here is unit-tested with
// hand-made cases in metrics.test.ts.
//
// Matching is at article level: a citation matches a gold item when regulation and article (with its
// 之N suffix) agree, or regulation and section for non-article parts such as the notice. Paragraph
// agreement is reported separately (paragraphAccuracy).
import { percentile as sortedPercentile } from './bench/stats.ts';

export type Key = string;

/** What the metrics need to know about one question's outcome for one system. */
export interface Outcome {
  split: string;
  kind: string;
  lang: string;
  /** Gold items; `paragraph` null means the whole article. May repeat a key with different paragraphs. */
  gold: { key: Key; paragraph: number | null }[];
  /** Keys a citation may point at without being wrong: gold ∪ acceptable. */
  allowed: Key[];
  found: boolean;
  cited: { key: Key; paragraph: number | null; fabricated: string | null }[];
  /** The system's ranking, best first, article keys without repeats. */
  ranked: Key[];
  latencyMs: number;
  error?: string;
}

export interface Metrics {
  questions: number;
  /** Questions with gold: the denominator of the ranking metrics and of falseNoAnswerRate. */
  withGold: number;
  hit1: number | null;
  hit3: number | null;
  recall5: number | null;
  recall10: number | null;
  mrr10: number | null;
  /** Questions answered (found, with at least one citation). */
  answered: number;
  /** Mean over answered questions of the share of citations within gold ∪ acceptable. */
  citationPrecision: number | null;
  /** Mean over answered gold questions of the share of gold articles cited (a parallel clause in the other statute counts). */
  citationRecall: number | null;
  /** Of the gold questions answered, the share whose first citation is gold. */
  answeredHit1: number | null;
  /** Of citations that match a gold article, the share that also name the gold paragraph. */
  paragraphAccuracy: number | null;
  /** Questions without gold (the corpus does not answer them). */
  noGold: number;
  /** Of those, the share answered with found=false and no citations. */
  noAnswerAccuracy: number | null;
  /** Of the gold questions, the share answered with found=false. */
  falseNoAnswerRate: number | null;
  /** Citations to articles, paragraphs or sections that the index does not have. Must be 0. */
  fabricated: number;
  errors: number;
  latencyP50: number | null;
  latencyP95: number | null;
}

export function dedupe(keys: readonly Key[]): Key[] {
  return [...new Set(keys)];
}

/** 1 when one of the first k ranked keys is gold. */
export function hitAt(ranked: readonly Key[], gold: readonly Key[], k: number): number {
  const wanted = new Set(gold);
  return ranked.slice(0, k).some((key) => wanted.has(key)) ? 1 : 0;
}

/** Share of the distinct gold keys found among the first k ranked keys. */
export function recallAt(ranked: readonly Key[], gold: readonly Key[], k: number): number {
  const wanted = new Set(gold);
  if (wanted.size === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return [...wanted].filter((key) => top.has(key)).length / wanted.size;
}

/** 1/rank of the first gold key within the first k, 0 when none. */
export function reciprocalRank(ranked: readonly Key[], gold: readonly Key[], k: number): number {
  const wanted = new Set(gold);
  const i = ranked.slice(0, k).findIndex((key) => wanted.has(key));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** 1-based rank of the first gold key, null when absent. */
export function firstGoldRank(ranked: readonly Key[], gold: readonly Key[]): number | null {
  const wanted = new Set(gold);
  const i = ranked.findIndex((key) => wanted.has(key));
  return i < 0 ? null : i + 1;
}

/** Share of cited keys inside the allowed set; null when nothing is cited. */
export function citationPrecision(cited: readonly Key[], allowed: readonly Key[]): number | null {
  if (cited.length === 0) return null;
  const ok = new Set(allowed);
  return cited.filter((key) => ok.has(key)).length / cited.length;
}

/** Share of the gold keys among the cited ones; null when there is no gold. */
export function citationRecall(cited: readonly Key[], gold: readonly Key[]): number | null {
  if (gold.length === 0) return null;
  const got = new Set(cited);
  return gold.filter((key) => got.has(key)).length / gold.length;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values, as the benchmarks compute it; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  return values.length === 0 ? null : sortedPercentile([...values].sort((a, b) => a - b), p);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

export const isAnswered = (o: Pick<Outcome, 'found' | 'cited'>) => o.found && o.cited.length > 0;

/** A gold-less question is handled right when the system declines and cites nothing. */
export const declinedCorrectly = (o: Pick<Outcome, 'found' | 'cited'>) => !o.found && o.cited.length === 0;

/** Does a citation of a gold article also name the right paragraph? Whole-article gold accepts any. */
export function paragraphAgrees(cited: { key: Key; paragraph: number | null }, gold: Outcome['gold']): boolean | null {
  const same = gold.filter((g) => g.key === cited.key);
  if (same.length === 0) return null;
  return same.some((g) => g.paragraph === null || g.paragraph === cited.paragraph);
}

export function summarize(outcomes: readonly Outcome[]): Metrics {
  const withGold = outcomes.filter((o) => o.gold.length > 0);
  const noGold = outcomes.filter((o) => o.gold.length === 0);
  const goldKeys = (o: Outcome) => dedupe(o.gold.map((g) => g.key));
  const answered = outcomes.filter(isAnswered);
  const answeredWithGold = withGold.filter(isAnswered);
  const paragraphChecks = answered.flatMap((o) => o.cited.map((c) => paragraphAgrees(c, o.gold)).filter((v): v is boolean => v !== null));
  const latencies = outcomes.filter((o) => !o.error).map((o) => o.latencyMs);
  return {
    questions: outcomes.length,
    withGold: withGold.length,
    hit1: mean(withGold.map((o) => hitAt(o.ranked, goldKeys(o), 1))),
    hit3: mean(withGold.map((o) => hitAt(o.ranked, goldKeys(o), 3))),
    recall5: mean(withGold.map((o) => recallAt(o.ranked, goldKeys(o), 5))),
    recall10: mean(withGold.map((o) => recallAt(o.ranked, goldKeys(o), 10))),
    mrr10: mean(withGold.map((o) => reciprocalRank(o.ranked, goldKeys(o), 10))),
    answered: answered.length,
    citationPrecision: mean(answered.map((o) => citationPrecision(o.cited.map((c) => c.key), o.allowed) ?? 0)),
    citationRecall: mean(answeredWithGold.map((o) => citationRecall(o.cited.map((c) => c.key), goldKeys(o)) ?? 0)),
    answeredHit1: mean(answeredWithGold.map((o) => hitAt(o.cited.map((c) => c.key), goldKeys(o), 1))),
    paragraphAccuracy: mean(paragraphChecks.map((ok) => (ok ? 1 : 0))),
    noGold: noGold.length,
    noAnswerAccuracy: mean(noGold.map((o) => (declinedCorrectly(o) ? 1 : 0))),
    falseNoAnswerRate: mean(withGold.map((o) => (o.found ? 0 : 1))),
    fabricated: outcomes.reduce((n, o) => n + o.cited.filter((c) => c.fabricated !== null).length, 0),
    errors: outcomes.filter((o) => o.error).length,
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
  };
}

/** Metrics for every value of a field, plus "all". Groups in first-seen order. */
export function breakdown(outcomes: readonly Outcome[], field: 'split' | 'kind' | 'lang'): { group: string; metrics: Metrics }[] {
  const groups = dedupe(outcomes.map((o) => o[field]));
  return groups.map((group) => ({ group, metrics: summarize(outcomes.filter((o) => o[field] === group)) }));
}

/**
 * The calibration objective for the found threshold, on one split:
 *   noAnswerAccuracy + answeredHit1 − falseNoAnswerRate
 * It rewards declining what the corpus does not answer and being right when answering, and
 * penalises declining what it does answer. Missing parts (no such questions) count as 0.
 */
export function calibrationObjective(m: Pick<Metrics, 'noAnswerAccuracy' | 'answeredHit1' | 'falseNoAnswerRate'>): number {
  return (m.noAnswerAccuracy ?? 0) + (m.answeredHit1 ?? 0) - (m.falseNoAnswerRate ?? 0);
}

/**
 * The best threshold of a sweep: the highest objective; among ties, the middle of the widest run of
 * adjacent tied values (a plateau's middle is the least sensitive to small score shifts).
 */
export function bestThreshold(points: readonly { threshold: number; objective: number }[]): number | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.threshold - b.threshold);
  const best = Math.max(...sorted.map((p) => p.objective));
  const isBest = (p: { objective: number }) => Math.abs(p.objective - best) < 1e-9;
  let run: number[] = [];
  let widest: number[] = [];
  for (const p of sorted) {
    if (isBest(p)) run.push(p.threshold);
    else run = [];
    if (run.length > widest.length) widest = [...run];
  }
  return widest[Math.floor((widest.length - 1) / 2)]!;
}
