// jieba-wasm (the edge) against nodejs-jieba (Node) on the seed questions: an agreement measurement,
// so it lives with the evals.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../indexer/build/build.ts';
import { indexConfigFromEnv } from '../indexer/config/index-config.ts';
import { loadSeed } from './dataset.ts';
import { compareSegmenters } from './segment-compare.ts';

const ROOT = resolve(import.meta.dirname, '..');

describe('jieba-wasm against nodejs-jieba on the seed questions', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'regqa-edge-seg-'));
    await buildIndex({ config: { ...indexConfigFromEnv({}), corpusDir: join(ROOT, 'corpus'), outDir: tmp, model: null } });
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('cites the same clauses for at least 95% of the questions', async () => {
    const result = await compareSegmenters(tmp, await loadSeed(join(ROOT, 'evals/datasets/seed-questions.jsonl')));
    expect(result.sameCitations / result.questions).toBeGreaterThanOrEqual(0.95);
    expect(result.tokenDiffer / result.texts).toBeLessThan(0.1);
  }, 60_000);
});

