// Fits the learned signals' weights and the answerability model (npm run eval -- --fit-decision) and
// writes `<corpus>/decision.json`.
// In-corpus questions are the log's answered questions, users' and curated, judged by models that never
// saw them (cv.ts), so their translation and neighbour signals look like a new question's. Out-of-corpus
// questions: the log's verified "not covered" entries, the off-topic set's dev split, and for the project
// corpus STARD's training questions (other laws: traffic, marriage, tenancy, labour, crime). The two sides
// weigh the same, and within a side each group weighs the same however large it is. The rates reported
// are out of fold.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DECISION_FILE, DECISION_VERSION, FEATURES, type DecisionModel, type FeatureName } from '../indexer/learn/decision.ts';
import { domainScore, domainTable } from '../server/core/decide/domain.ts';
import { parseLog } from '../indexer/learn/log.ts';
import { fitLogistic, predict, type Example } from '../server/core/decide/logistic.ts';
import type { loadIndexData } from '../server/node/index.ts';
import { stardDir } from '../indexer/config/env.ts';
import { crossValidated, FOLDS, foldOf, isHeldOutStard, type FoldDecisions } from './cv.ts';
import { loadOfftopic } from './dataset.ts';
import type { SuiteName } from './suites.ts';

export interface Labelled {
  question: string;
  /** The group it belongs to: in the corpus (asked by users, curated) or not (log / offtopic / stard). */
  group: string;
}

export interface FitReport {
  model: DecisionModel;
  /** Per group: share answered at the threshold, judged out of fold. */
  answered: Record<string, number>;
  counts: Record<string, number>;
  /** The rows the out-of-fold model gets wrong (a positive declined, a negative answered): what to look at next. */
  errors: { question: string; group: string; p: number }[];
  /** The model fitted without each fold, and the questions fitted on: to judge them out of fold. */
  folds: FoldDecisions;
}

/**
 * Answering a question the corpus does not cover (a cited, wrong answer) is taken to cost twice as
 * much as declining one it covers; with classes balanced, the Bayes threshold is 2 / (2 + 1).
 */
export const WRONG_ANSWER_COST = 2;
export const THRESHOLD = WRONG_ANSWER_COST / (WRONG_ANSWER_COST + 1);
/** L2 penalty per unit of (normalised) example weight: the features are few and the positives fewer. */
const L2 = 0.01;

/** The groups of questions the corpus covers; every other group is out of corpus. */
const IN_CORPUS = new Set(['asked', 'curated']);

interface Row {
  question: string;
  x: Record<FeatureName, number | null>;
  words: string[];
  y: 0 | 1;
  group: string;
  fold: number;
}

type Loaded = Awaited<ReturnType<typeof loadIndexData>>;
export type Fusion = DecisionModel['fusion'];

/** The weights tried, each signal on or off at its STARD-chosen strength (translation also at half). */
export const FUSION_GRID: Fusion[] = [0.8, 0.5, 0].flatMap((translationWeight) =>
  (translationWeight > 0 ? [0.5, 0] : [0]).flatMap((reverseWeight) =>
    [0.1, 0].flatMap((neighbourWeight) => [0.15, 0].map((regulationWeight) => ({ translationWeight, reverseWeight, neighbourWeight, regulationWeight }))),
  ),
);

/** A signal stays off unless it raises the cross-validated MRR@10 by more than this (about half a rank step on 58 questions). */
export const FUSION_TOLERANCE = 0.005;

/**
 * The learned signals' weights for this corpus: over the grid, the MRR@10 of the log's own questions,
 * each asked of the model that did not learn from it (5-fold CV), per group (see pickFusion). A small
 * log (the project corpus's) cannot support every signal that STARD's can.
 */
export async function chooseFusion(loaded: Loaded, grid = FUSION_GRID): Promise<{ fusion: Fusion; mrr: number }> {
  const keyOf = (c: { regulationId: string; article: number | null; sub: number; label: string }) => `${c.regulationId}/${c.article === null ? c.label : `${c.article}-${c.sub}`}`;
  const groups = [false, true].map((curated) => loaded.data.learned.questions.filter((q) => (q.curated ?? false) === curated)).filter((g) => g.length > 0);
  const scored: { fusion: Fusion; mrr: number[] }[] = [];
  for (const fusion of grid) {
    const { pick } = await crossValidated(loaded, { warn: () => {}, tuning: { learned: fusion } });
    const mrr: number[] = [];
    for (const questions of groups) {
      let sum = 0;
      for (const q of questions) {
        const gold = new Set(q.units.map((u) => keyOf(loaded.data.units[u]!)));
        const ranked = [...new Set((await pick(q.text).search(q.text, 10)).map(keyOf))];
        const rank = ranked.findIndex((k) => gold.has(k));
        sum += rank < 0 ? 0 : 1 / (rank + 1);
      }
      mrr.push(sum / questions.length);
    }
    scored.push({ fusion, mrr });
  }
  return pickFusion(scored);
}

/**
 * Of grid points scored by MRR@10 per group of the log (users' questions, curated ones), the choice:
 * the groups weigh the same, and of the points within FUSION_TOLERANCE of the best, the one with the
 * fewest signals on (then the best MRR). The 58 users' questions alone switched the reverse table off
 * and on as a few were added, while the dev and lay splits both lose without it: the curated ones add
 * the power, the users' keep their weight. Pure.
 */
export function pickFusion(scored: readonly { fusion: Fusion; mrr: readonly number[] }[]): { fusion: Fusion; mrr: number } {
  const pooled = scored.map((s) => ({ fusion: s.fusion, mrr: s.mrr.reduce((a, b) => a + b, 0) / Math.max(1, s.mrr.length) }));
  const best = Math.max(...pooled.map((s) => s.mrr));
  const on = (f: Fusion) => Object.values(f).filter((w) => w > 0).length;
  return pooled.filter((s) => s.mrr >= best - FUSION_TOLERANCE).sort((a, b) => on(a.fusion) - on(b.fusion) || b.mrr - a.mrr)[0]!;
}

export async function fitDecision(loaded: Loaded, negatives: readonly Labelled[], notes: string, fusion: Fusion): Promise<FitReport> {
  const { pick } = await crossValidated(loaded, { warn: () => {}, tuning: { learned: fusion } });
  // The curated questions (written by the team from the clause text, many in a villager's or shop
  // owner's words) are a group of their own beside what users asked, so their number (483 against 58)
  // cannot outvote the users' wording.
  const positives = loaded.data.learned.questions.map((q) => ({ question: q.text, group: q.curated ? 'curated' : 'asked' }));
  const logNegatives = await verifiedNotCovered(loaded.manifest.questionLog?.file ?? null);
  const rows: Row[] = [];
  for (const item of [...positives, ...logNegatives.map((question) => ({ question, group: 'log' })), ...negatives]) {
    const judgement = await pick(item.question).judge({ question: item.question });
    if (judgement) rows.push({ question: item.question, x: judgement.features, words: judgement.words, y: IN_CORPUS.has(item.group) ? 1 : 0, group: item.group, fold: foldOf(item.question) });
  }
  // The corpus side of the domain words: the units and the positive rows.
  const table = (subset: readonly Row[]) => domainTable([...loaded.data.learned.unitWords, ...subset.filter((r) => r.y === 1).map((r) => r.words)], subset.filter((r) => r.y === 0).map((r) => r.words));
  // Each row's domain feature comes from a table that never saw its fold, as a new question's would.
  const heldTables = Array.from({ length: FOLDS }, (_, k) => table(rows.filter((r) => r.fold !== k)));
  for (const r of rows) r.x = { ...r.x, domain: domainScore(heldTables[r.fold]!, r.words) };
  const vector = (r: Row) => FEATURES.map((f) => r.x[f] ?? 0);
  const examples = (subset: readonly Row[]): Example[] => {
    const n: Record<string, number> = {};
    for (const r of subset) n[r.group] = (n[r.group] ?? 0) + 1;
    const groups = (y: 0 | 1) => Object.keys(n).filter((g) => IN_CORPUS.has(g) === (y === 1)).length;
    const perSide = { 1: 0.5 / groups(1), 0: 0.5 / groups(0) };
    return subset.map((r) => ({ x: vector(r), y: r.y, weight: perSide[r.y] / n[r.group]! }));
  };
  const foldFits = Array.from({ length: FOLDS }, (_, k) => fitLogistic(examples(rows.filter((r) => r.fold !== k)), { l2: L2 }));
  const outOfFold = rows.map((r) => predict(foldFits[r.fold]!, vector(r)));
  const counts: Record<string, number> = {};
  const answered: Record<string, number> = {};
  rows.forEach((r, i) => {
    counts[r.group] = (counts[r.group] ?? 0) + 1;
    answered[r.group] = (answered[r.group] ?? 0) + (outOfFold[i]! >= THRESHOLD ? 1 : 0);
  });
  for (const g of Object.keys(answered)) answered[g] = answered[g]! / counts[g]!;
  const errors = rows.flatMap((r, i) => ((outOfFold[i]! >= THRESHOLD) === (r.y === 1) ? [] : [{ question: r.question, group: r.group, p: outOfFold[i]! }]));
  const fittedOn = { at: new Date().toISOString(), positives: (counts.asked ?? 0) + (counts.curated ?? 0), negatives: Object.fromEntries(Object.entries(counts).filter(([g]) => !IN_CORPUS.has(g))), notes };
  const modelOf = (fit: ReturnType<typeof fitLogistic>, domain: DecisionModel['domain']): DecisionModel => ({ version: DECISION_VERSION, features: [...FEATURES], ...fit, domain, fusion, threshold: THRESHOLD, fitted: fittedOn });
  return {
    model: modelOf(fitLogistic(examples(rows), { l2: L2 }), table(rows)),
    answered,
    counts,
    errors,
    folds: { models: foldFits.map((fit, k) => modelOf(fit, heldTables[k]!)), questions: new Set(rows.map((r) => r.question)) },
  };
}

/**
 * The index's answerability model refitted without each fold on the same questions, for the eval to
 * judge the questions it was fitted on out of fold; null when the index has no model.
 */
export async function outOfFoldDecisions(loaded: Loaded, suite: SuiteName): Promise<FoldDecisions | null> {
  const decision = loaded.data.decision;
  if (!decision) return null;
  return (await fitDecision(loaded, await decisionNegatives(suite), decision.fitted.notes, decision.fusion)).folds;
}

/**
 * The out-of-corpus questions a suite's decision is fitted against (the log's own "not covered"
 * entries aside): the off-topic set's dev split and, for the project corpus, STARD's training
 * questions but the held-out fold (they are about other laws: natural out-of-corpus questions).
 */
export async function decisionNegatives(suite: SuiteName): Promise<Labelled[]> {
  const negatives: Labelled[] = (await loadOfftopic()).filter((q) => q.split === 'dev').map((q) => ({ question: q.question, group: 'offtopic' }));
  if (suite !== 'seed') return negatives;
  const lines = (await readFile(join(stardDir(), 'train.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
  for (const line of lines) {
    const question = (JSON.parse(line) as { question: string }).question;
    if (!isHeldOutStard(question)) negatives.push({ question, group: 'stard' });
  }
  return negatives;
}

async function verifiedNotCovered(file: string | null): Promise<string[]> {
  if (!file) return [];
  return parseLog(await readFile(file, 'utf8'), file).filter((e) => e.gold.length === 0).map((e) => e.question);
}

export async function writeDecision(corpusDir: string, model: DecisionModel): Promise<string> {
  const file = join(corpusDir, DECISION_FILE);
  await writeFile(file, `${JSON.stringify(model, null, 1)}\n`);
  return file;
}
