// Where the benchmark corpora live. Kept free of imports on purpose: the scale worker needs these paths
// but none of the index-building machinery, whose memory would be counted as the synthetic index's.
import { resolve } from 'node:path';

export const STATUTES_CORPUS = 'corpus';
/** Same default as evals/suites.ts (DEFAULT_STARD_DIR), which imports the indexer and so is not imported here. */
export const STARD_DIR = process.env.STARD_DIR ?? '../shared/benchmarks/stard';
export const STARD_CORPUS = resolve(STARD_DIR, 'corpus');
