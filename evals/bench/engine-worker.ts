// Child-process entry of the engine benchmark: builds one contender over one synthetic corpus size
// (or runs the exact vector searches) and writes what it measured, top-10 lists included, as JSON.
// One process per contender, so each one's memory is its own.
// Usage: node --expose-gc --import tsx evals/bench/engine-worker.ts '<job json>' RESULT_FILE
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeVectors, encodeVectors } from '../../indexer/format/vectors.ts';
import { bigramTokens } from '../../indexer/language/tokens.ts';
import { MODALITY_WORDS } from '../../indexer/language/zh/modality.ts';
import { ZH_STOPWORDS } from '../../indexer/language/zh/stopwords.ts';
import { contender, type BenchDoc, type BenchQuery, type ContenderName } from './contenders.ts';
import { STARD_CORPUS, STATUTES_CORPUS } from './corpora.ts';
import { timeEach, timeOnce, type LoopLimits } from './measure.ts';
import { recallAtK, summarize, type Summary } from './stats.ts';
import { corpusVocabulary, rng, rows, syntheticUnit, VectorSource, type Vocabulary } from './synthetic.ts';

export type EngineJob =
  | { kind: 'lexical'; contender: ContenderName; size: number; seed: number; queries: number; buildBudgetMs: number; queryLimits: LoopLimits; scratch: string }
  | { kind: 'vectors'; size: number; dims: number; seed: number; queries: number };

export interface ModeResult {
  query: Summary;
  /** Top-10 documents per query, in query order (fewer queries when the time budget ran out). */
  top: number[][];
}

export interface LexicalRun {
  kind: 'lexical';
  contender: ContenderName;
  size: number;
  units: number;
  truncated: boolean;
  /** Indexing calls plus the finishing step; generating the synthetic text is not counted. */
  buildMs: number;
  storedBytes: number;
  /** Heap plus array buffers held after the build (and a GC), minus before. */
  indexBytes: number;
  modes: Record<string, ModeResult>;
}

export interface VectorRun {
  kind: 'vectors';
  size: number;
  dims: number;
  methods: { name: string; prepareMs: number; query: Summary; recallAt10: number }[];
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const held = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const log = (line: string) => process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const CHUNK = 10_000;

/** 5–10 distinct content words from one (or, when it is short, a few) synthetic clauses the index has not seen. */
export function benchQueries(vocab: Vocabulary, seed: number, count: number): BenchQuery[] {
  const next = rng(seed);
  return Array.from({ length: count }, (_, q) => {
    const pool: string[] = [];
    for (let u = 0; pool.length < 5 && u < 5; u++) {
      for (const w of syntheticUnit(vocab, seed, q * 5 + u).words) if (!ZH_STOPWORDS.has(w) && !MODALITY_WORDS.has(w) && !pool.includes(w)) pool.push(w);
    }
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const words = pool.slice(0, 5 + Math.floor(next() * 6));
    return { words, lexical: { words: words.map((term) => ({ term, weight: 1 })), bigrams: bigramTokens(words.join(' ')) } };
  });
}

async function lexical(job: Extract<EngineJob, { kind: 'lexical' }>): Promise<LexicalRun> {
  const vocab = await corpusVocabulary([STATUTES_CORPUS, STARD_CORPUS]);
  const queries = benchQueries(vocab, job.seed + 1, job.queries);
  const before = held();
  const c = contender(job.contender, join(job.scratch, `${job.contender}-${job.size}.db`));
  let buildMs = 0;
  let units = 0;
  while (units < job.size && buildMs < job.buildBudgetMs) {
    const docs: BenchDoc[] = [];
    for (let i = units; i < Math.min(job.size, units + CHUNK); i++) {
      const u = syntheticUnit(vocab, job.seed, i);
      docs.push({ words: u.words, bigrams: bigramTokens(u.text) });
    }
    buildMs += (await timeOnce(() => c.add(docs, units))).ms;
    units += docs.length;
    if (units % 100_000 === 0) log(`${job.contender}: ${units} units, ${(buildMs / 1000).toFixed(0)} s`);
  }
  const run: LexicalRun = { kind: 'lexical', contender: job.contender, size: job.size, units, truncated: units < job.size, buildMs, storedBytes: NaN, indexBytes: NaN, modes: {} };
  if (run.truncated) {
    log(`${job.contender}: build budget spent at ${units} units; not queried`);
    c.close();
    return run;
  }
  run.buildMs += (await timeOnce(() => c.finish())).ms;
  run.indexBytes = held() - before;
  run.storedBytes = c.storedBytes();
  for (const [mode, search] of Object.entries(c.modes)) {
    // The first pass collects the top 10s and warms the JIT; it is the timed one only when a single pass is asked for.
    const top: number[][] = [];
    const results = await timeEach(queries, (q) => top.push(search(q)), { warmupPasses: 0, passes: 1, budgetMs: job.queryLimits.budgetMs });
    const timed = job.queryLimits.passes > 1 ? await timeEach(queries, search, { ...job.queryLimits, warmupPasses: 0, passes: job.queryLimits.passes - 1 }) : results;
    run.modes[mode] = { query: summarize(timed.samples), top };
    log(`${job.contender} ${mode}: p50 ${run.modes[mode]!.query.p50.toFixed(2)} ms over ${top.length} queries`);
  }
  c.close();
  return run;
}

async function vectors(job: Extract<EngineJob, { kind: 'vectors' }>): Promise<VectorRun> {
  const source = new VectorSource('latent', job.dims, job.seed);
  // Unit rows (sample() normalises), one flat buffer.
  const flat = source.sample(job.size, job.seed + 1);
  const vectorRows = rows(flat, job.dims);
  const queries = rows(source.sample(job.queries, job.seed + 2), job.dims);
  const limits = { warmupPasses: 1, passes: 1, budgetMs: 5 * 60_000 };
  const f32 = await timeOnce(() => decodeVectors(encodeVectors(vectorRows, 'f32'), job.size, job.dims, 'f32'));
  const truth = queries.map((q) => f32.value.search(q, 10).map((h) => h.unit));
  const methods: VectorRun['methods'] = [];
  const measure = async (name: string, prepareMs: number, search: (q: Float32Array) => number[] | null) => {
    const found = queries.map(search);
    const timed = await timeEach(queries, search, limits);
    methods.push({ name, prepareMs, query: summarize(timed.samples), recallAt10: found.every((f) => f) ? recallAtK(truth, found as number[][], 10) : NaN });
    log(`vectors ${name}: p50 ${methods.at(-1)!.query.p50.toFixed(2)} ms`);
  };
  // The floor: dot products alone, one accumulator, no ranking.
  const scores = new Float32Array(job.size);
  await measure('plain loop (dot products only)', 0, (q) => {
    for (let r = 0, base = 0; r < job.size; r++, base += job.dims) {
      let s = 0;
      for (let d = 0; d < job.dims; d++) s += q[d]! * flat[base + d]!;
      scores[r] = s;
    }
    return null;
  });
  await measure('exact search, f32 (indexer/format/vectors.ts)', f32.ms, (q) => f32.value.search(q, 10).map((h) => h.unit));
  const i8 = await timeOnce(() => decodeVectors(encodeVectors(vectorRows, 'i8'), job.size, job.dims, 'i8'));
  await measure('exact search, i8 (edge bundle encoding)', i8.ms, (q) => i8.value.search(q, 10).map((h) => h.unit));
  return { kind: 'vectors', size: job.size, dims: job.dims, methods };
}

async function main(): Promise<void> {
  const [jobJson, resultFile] = process.argv.slice(2);
  if (!jobJson || !resultFile) throw new Error("usage: engine-worker.ts '<job json>' RESULT_FILE");
  const job = JSON.parse(jobJson) as EngineJob;
  await writeFile(resultFile, JSON.stringify(job.kind === 'lexical' ? await lexical(job) : await vectors(job)));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`engine worker failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
