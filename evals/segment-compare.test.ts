// jieba-wasm (the edge) against nodejs-jieba (Node) on the seed questions: an agreement measurement,
// so it lives with the evals.
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedLexicalIndex } from '../indexer/build/test-index.ts';
import { loadSeed } from './dataset.ts';
import { compareSegmenters } from './segment-compare.ts';

const ROOT = resolve(import.meta.dirname, '..');

describe('jieba-wasm against nodejs-jieba on the seed questions', () => {
  let index: string;
  beforeAll(async () => {
    index = await sharedLexicalIndex();
  }, 120_000);

  it('cites the same clauses for at least 95% of the questions', async () => {
    const result = await compareSegmenters(index, await loadSeed(join(ROOT, 'evals/datasets/seed-questions.jsonl')));
    expect(result.sameCitations / result.questions).toBeGreaterThanOrEqual(0.95);
    expect(result.tokenDiffer / result.texts).toBeLessThan(0.1);
  }, 60_000);
});

