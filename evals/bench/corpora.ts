// Where the benchmark corpora live. Kept free of imports on purpose: the scale worker needs these paths
// but none of the index-building machinery, whose memory would be counted as the synthetic index's.
import { resolve } from 'node:path';
import { stardDir } from '../../indexer/config/env.ts';

export const STATUTES_CORPUS = 'corpus';
export const STARD_DIR = stardDir();
export const STARD_CORPUS = resolve(STARD_DIR, 'corpus');
