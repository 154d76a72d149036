// Hybrid retrieval at scale, timed as one call per question: the lexical path (lexicalSearch over the
// index the lexical phase left behind) and HNSW neighbours, fused by reciprocal rank as rank() fuses
// them. The learned signals are left out: a synthetic corpus has no question log to learn from.
import { readFile } from 'node:fs/promises';
import { jiebaSegmenter } from '../../indexer/build/segment.ts';
import type { VectorIndex } from '../../indexer/build/hnsw.ts';
import { loadLexical } from '../../indexer/format/lexical.ts';
import { fuseRrf } from '../../server/core/retrieve/fuse.ts';
import { lexicalSearch } from '../../server/core/retrieve/lexical.ts';
import { DEFAULT_TUNING, type Tuning } from '../../server/core/tuning.ts';
import { loadSeed } from '../dataset.ts';
import { timeEach, type LoopLimits } from './measure.ts';
import type { HybridResult } from './scale-job.ts';
import { summarize } from './stats.ts';
import { lexicalQueryOf } from './synthetic.ts';

type Depths = Pick<Tuning, 'lexicalCandidates' | 'fusedLexical' | 'denseCandidates' | 'rrfK' | 'bigramWeight'>;

/** As served (1,000 lexical candidates, 100 of them fused with 50 neighbours), and top 10 throughout (the engine section's depth). */
const DEPTHS: Record<HybridResult['runs'][number]['depth'], Depths> = {
  product: DEFAULT_TUNING,
  'top 10': { ...DEFAULT_TUNING, lexicalCandidates: 10, fusedLexical: 10, denseCandidates: 10 },
};

export async function hybridTiming(lexicalFile: string, queryLimits: LoopLimits, hnsw: VectorIndex, efSearch: number, vectors: readonly Float32Array[]): Promise<HybridResult> {
  const index = loadLexical(new Uint8Array(await readFile(lexicalFile)));
  const segment = jiebaSegmenter();
  const questions = (await loadSeed()).filter((q) => q.lang === 'zh').map((q, i) => ({ lexical: lexicalQueryOf(segment, q.question), vector: vectors[i % vectors.length]! }));
  const runs: HybridResult['runs'] = [];
  for (const [depth, tuning] of Object.entries(DEPTHS) as [keyof typeof DEPTHS, Depths][]) {
    const lexical = (q: (typeof questions)[number]) => lexicalSearch(index, [], q.lexical, undefined, tuning);
    const hybrid = (q: (typeof questions)[number]) => {
      const found = hnsw.search(q.vector, tuning.denseCandidates);
      const neighbours = found.ids.map((unit, r) => ({ unit, score: found.scores[r]! }));
      return fuseRrf([lexical(q).slice(0, tuning.fusedLexical), neighbours], tuning.rrfK);
    };
    // One untimed pass even at 1M: this process has not run the lexical search before.
    const limits = { ...queryLimits, warmupPasses: 1 };
    const lexicalOnly = await timeEach(questions, lexical, limits);
    const fused = await timeEach(questions, hybrid, limits);
    runs.push({ depth, lexical: summarize(lexicalOnly.samples), hybrid: summarize(fused.samples) });
  }
  return { efSearch, questions: questions.length, runs };
}
