// The two eval suites as data: which corpus, which index, how to load the questions. Everything after
// this point (running, scoring, reporting) is shared.
import { join, resolve } from 'node:path';
import { buildIndex } from '../indexer/build/build.ts';
import { keepsIndexInStep, stardDir } from '../indexer/config/env.ts';
import { indexConfigFromEnv } from '../indexer/config/index-config.ts';
import { readManifest, resolveIndexDir } from '../indexer/format/node-files.ts';
import { existsSync } from 'node:fs';
import { isHeldOutStard } from './cv.ts';
import { LAY_PATH, loadOutOfCorpus, loadSeed, loadStard, OFFTOPIC_PATH, SEED_PATH, type EvalQuestion } from './dataset.ts';
import type { Catalogue } from './refs.ts';

export type SuiteName = 'seed' | 'stard';

export interface Suite {
  name: SuiteName;
  corpusDir: string;
  indexDir: string;
  /** Named with --index: used as built, never rebuilt from this suite's corpus unless asked. */
  explicitIndex: boolean;
  /** What the suite measures: the full set of metrics, or ranking only (no gold-less questions). */
  description: string;
  /** How reports name regulations: by id, or by title where ids are bare file names. */
  nameBy: 'id' | 'title';
  /** The question log the index learns from, when it is not `<corpus>/questions.jsonl`. */
  questionLog?: string;
  load(catalogue: Catalogue): Promise<EvalQuestion[]>;
}

export function suiteOf(name: SuiteName, env: Record<string, string | undefined> = process.env, indexOverride?: string): Suite {
  if (name === 'seed') {
    return {
      name,
      corpusDir: env.CORPUS_DIR ?? 'corpus',
      indexDir: indexOverride ?? env.INDEX_DIR ?? 'index',
      // As `npm start`: an index named by INDEX_DIR is kept in step with a corpus only when CORPUS_DIR names one.
      explicitIndex: indexOverride !== undefined || !keepsIndexInStep(env),
      description: `${SEED_PATH}: hand-written questions over the project corpus (dev/test splits); ${LAY_PATH}: lay questions written blind from the clause text (split lay); out of corpus: ${OFFTOPIC_PATH} and STARD questions held out from the answerability fit (offtopic-* splits)`,
      nameBy: 'id',
      load: async () => {
        const stard = stardDir(env);
        return [...(await loadSeed()), ...(await loadSeed(LAY_PATH)), ...(await loadOutOfCorpus(existsSync(join(stard, 'train.jsonl')) ? stard : null, isHeldOutStard))];
      },
    };
  }
  const dir = stardDir(env);
  return {
    name,
    corpusDir: resolve(dir, 'corpus'),
    indexDir: indexOverride ?? 'index-stard',
    explicitIndex: indexOverride !== undefined,
    description: `STARD (${dir}/train.jsonl): real questions by non-professionals over 133 statutes`,
    nameBy: 'title',
    // STARD's own training questions are its log; the eval cross-validates over them (cv.ts).
    questionLog: resolve(dir, 'train.jsonl'),
    load: (catalogue) => loadStard(dir, (title) => catalogue.idOfTitle(title)),
  };
}

export interface EnsuredIndex {
  dir: string;
  status: 'built' | 'up-to-date' | 'as built';
  ms: number;
  dense: boolean;
}

/**
 * Builds the suite's index when it is missing or stale (corpus or configuration changed), with the
 * embedding model taken from the environment as `npm run index` does. `force` rebuilds regardless,
 * e.g. after changing indexer code, which the staleness check cannot see. An index named explicitly
 * (--index) is used as built unless `build` or `force` says otherwise: it may hold another corpus.
 */
export async function ensureIndex(
  suite: Suite,
  options: { force?: boolean; build?: boolean; env?: Record<string, string | undefined>; log?: (line: string) => void } = {},
): Promise<EnsuredIndex> {
  const started = performance.now();
  if (!options.force && !(options.build ?? !suite.explicitIndex)) {
    const dir = await resolveIndexDir(suite.indexDir);
    const manifest = await readManifest(dir);
    return { dir, status: 'as built', ms: Math.round(performance.now() - started), dense: manifest.dense };
  }
  const env = { ...(options.env ?? process.env), CORPUS_DIR: suite.corpusDir, INDEX_DIR: suite.indexDir, ...(suite.questionLog ? { REGQA_QUESTION_LOG: suite.questionLog } : {}) };
  const result = await buildIndex({ config: indexConfigFromEnv(env), force: options.force, log: options.log });
  if (result.status === 'failed') {
    const fatal = result.issues.filter((i) => i.severity === 'fatal').map((i) => `${i.where}: ${i.message}`);
    throw new Error(`cannot index ${suite.corpusDir}: ${fatal.join('; ')}`);
  }
  return { dir: result.dir, status: result.status, ms: Math.round(performance.now() - started), dense: result.manifest.dense };
}
