// CI gate: index the project corpus lexical-only (the shared test index), run the seed TEST split in-process
// and fail when a metric drops below evals/thresholds.json. Raise the thresholds as the system
// improves; never lower them to make a change pass.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sharedLexicalIndex } from '../indexer/build/test-index.ts';
import { loadSeed, type EvalQuestion } from './dataset.ts';
import { summarize, type Metrics } from './metrics.ts';
import { Catalogue } from './refs.ts';
import { renderText, fmt } from './report.ts';
import { runQuestions } from './run.ts';
import { suiteOf } from './suites.ts';
import { loadInProcessTargets } from './targets.ts';

const ThresholdsSchema = z.object({
  test: z.object({
    hit1: z.number(),
    hit3: z.number(),
    mrr10: z.number(),
    citationPrecision: z.number(),
    noAnswerAccuracy: z.number(),
    fabricated: z.literal(0),
  }),
});

let metrics: Metrics;
let questions: EvalQuestion[];
let catalogue: Catalogue;

beforeAll(async () => {
  const { targets, assistant } = await loadInProcessTargets(await sharedLexicalIndex(suiteOf('seed').corpusDir), ['hybrid']);
  catalogue = new Catalogue(assistant.regulations().map((r) => assistant.regulation(r.id)!));
  questions = (await loadSeed()).filter((q) => q.split === 'test');
  const results = await runQuestions(questions, targets[0]!, { k: 10, catalogue });
  metrics = summarize(results);
  const rows = (['hit1', 'hit3', 'recall5', 'mrr10', 'citationPrecision', 'paragraphAccuracy', 'noAnswerAccuracy', 'falseNoAnswerRate', 'fabricated'] as const).map((name) => [
    name,
    name === 'fabricated' ? String(metrics.fabricated) : fmt(metrics[name]),
  ]);
  console.log(`eval gate: seed test split, ${questions.length} questions, lexical-only\n${renderText({ head: ['metric', 'value'], rows, left: 1 })}`);
}, 120_000);

describe('eval gate (seed test split)', () => {
  it('every gold reference exists in the index', () => {
    const missing = questions.flatMap((q) => [...q.gold, ...q.acceptable].map((g) => catalogue.missingGold(g)).filter((m) => m !== null).map((m) => `${q.id}: ${m}`));
    expect(missing).toEqual([]);
  });

  it('meets evals/thresholds.json', async () => {
    const { test: min } = ThresholdsSchema.parse(JSON.parse(await readFile(new URL('./thresholds.json', import.meta.url), 'utf8')));
    const below = (['hit1', 'hit3', 'mrr10', 'citationPrecision', 'noAnswerAccuracy'] as const)
      .filter((name) => (metrics[name] ?? 0) < min[name])
      .map((name) => `${name} ${fmt(metrics[name])} < ${min[name]}`);
    expect(below).toEqual([]);
    expect(metrics.fabricated).toBe(0);
    expect(metrics.errors).toBe(0);
  });
});
