// Fitting the answerability model on the real corpus's log against the off-topic set's dev split.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../indexer/build/build.ts';
import { indexConfigFromEnv } from '../indexer/config/index-config.ts';
import { FEATURES, parseDecisionModel } from '../indexer/learn/decision.ts';
import { parseLog } from '../indexer/learn/log.ts';
import { loadIndexData } from '../server/node/index.ts';
import { loadOfftopic } from './dataset.ts';
import { coveredProbability } from '../server/core/decide/features.ts';
import { crossValidated, FOLDS } from './cv.ts';
import { fitDecision, FUSION_TOLERANCE, pickFusion, THRESHOLD, writeDecision, type FitReport } from './decision-fit.ts';

let tmp: string;
let report: FitReport;
let dir: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-fit-'));
  const built = await buildIndex({ config: { ...indexConfigFromEnv({}), corpusDir: 'corpus', outDir: join(tmp, 'index'), model: null } });
  if (built.status === 'failed') throw new Error('index build failed');
  const negatives = (await loadOfftopic()).filter((q) => q.split === 'dev').map((q) => ({ question: q.question, group: 'offtopic' }));
  dir = built.dir;
  report = await fitDecision(await loadIndexData(built.dir), negatives, 'test fit', { translationWeight: 0.8, reverseWeight: 0, neighbourWeight: 0, regulationWeight: 0 });
}, 180_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('fitting the answerability model', () => {
  it('fits every feature on the log (positives) and the negatives, and answers at the cost threshold', async () => {
    expect(report.model.features).toEqual([...FEATURES]);
    expect(report.model.threshold).toBe(THRESHOLD);
    // The log's answered questions are the positives, users' and curated apart.
    const log = parseLog(await readFile('corpus/questions.jsonl', 'utf8'), 'corpus/questions.jsonl');
    expect(report.counts.asked).toBe(log.filter((e) => !e.curated && e.gold.length > 0).length);
    expect(report.counts.curated).toBe(log.filter((e) => e.curated && e.gold.length > 0).length);
    expect(report.counts.curated).toBeGreaterThan(0);
    expect(report.model.fitted.positives).toBe(report.counts.asked! + report.counts.curated!);
    // Every off-topic dev question is judged (none is lost on the way), and none of its test split.
    const offtopicDev = (await loadOfftopic()).filter((q) => q.split === 'dev').length;
    expect(report.counts.offtopic).toBe(offtopicDev);
    expect(report.model.fitted.negatives).toMatchObject({ offtopic: offtopicDev });
    expect(Object.keys(report.model.domain.words).length).toBeGreaterThan(100);
  });

  it('separates, out of fold, the questions the corpus covers from the ones it does not', () => {
    expect(report.answered.asked).toBeGreaterThan(0.6);
    expect(report.answered.curated).toBeGreaterThan(0.6);
    expect(report.answered.offtopic).toBeLessThan(0.2);
    expect(report.answered.log).toBeLessThan(0.5);
  });

  it('judges the questions it was fitted on out of fold, through the eval\'s routing, as the fit did', async () => {
    const { models, questions } = report.folds;
    expect(models).toHaveLength(FOLDS);
    expect(questions.size).toBe(Object.values(report.counts).reduce((a, b) => a + b, 0));
    const loaded = await loadIndexData(dir);
    const { pick } = await crossValidated({ ...loaded, data: { ...loaded.data, decision: report.model } }, { warn: () => {}, tuning: { learned: report.model.fusion } }, report.folds);
    // Logged (fold tables and fold decision) and not logged (full tables, fold decision) alike.
    const wrong = [...report.errors.filter((e) => e.group === 'asked').slice(0, 3), ...report.errors.filter((e) => e.group === 'offtopic').slice(0, 3)];
    expect(wrong.length).toBeGreaterThan(3);
    for (const e of wrong) expect((await pick(e.question).judge({ question: e.question }))!.probability, e.question).toBeCloseTo(e.p, 9);
    // A question it was not fitted on meets the full model.
    const fresh = '数据专员由谁明确？';
    expect(questions.has(fresh)).toBe(false);
    const judged = (await pick(fresh).judge({ question: fresh }))!;
    expect(judged.probability).toBeCloseTo(coveredProbability(report.model, judged.features), 12);
  });

  it('writes decision.json beside a corpus, readable by the build', async () => {
    const file = await writeDecision(tmp, report.model);
    expect(parseDecisionModel(await readFile(file, 'utf8'), file)).toEqual(report.model);
  });
});

describe('choosing the learned signals’ weights', () => {
  const withReverse = { translationWeight: 0.8, reverseWeight: 0.5, neighbourWeight: 0, regulationWeight: 0 };
  const without = { ...withReverse, reverseWeight: 0 };
  it('weighs the users’ and the curated questions the same, however many of each there are', () => {
    // The users' 58 questions prefer no reverse table by a hair; the curated ones clearly want it.
    expect(pickFusion([{ fusion: withReverse, mrr: [0.905, 0.74] }, { fusion: without, mrr: [0.908, 0.72] }]).fusion).toEqual(withReverse);
    expect(pickFusion([{ fusion: withReverse, mrr: [0.905] }, { fusion: without, mrr: [0.908] }]).fusion).toEqual(without);
  });
  it('keeps a signal off unless it gains more than the tolerance', () => {
    expect(pickFusion([{ fusion: withReverse, mrr: [0.9, 0.8 + FUSION_TOLERANCE] }, { fusion: without, mrr: [0.9, 0.8] }]).fusion).toEqual(without);
  });
});
