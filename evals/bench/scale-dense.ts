// The dense phase of the scale benchmark: synthetic vectors, brute-force ground truth, then each
// HNSW configuration built in batches under a time budget, saved, reloaded and swept over efSearch.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import hnswlib from 'hnswlib-node';
import { bruteForce, HnswIndex, loadHnsw, saveHnsw, type VectorIndex } from '../../indexer/build/hnsw.ts';
import type { IndexManifest } from '../../indexer/format/manifest.ts';
import { fileSource } from '../../indexer/format/node-files.ts';
import { readVerified } from '../../indexer/format/reader.ts';
import { packVectors } from '../../indexer/format/vectors.ts';
import { timeEach, timeOnce } from './measure.ts';
import { gc, log, type DenseResult, type HnswResult, type ScaleJob } from './scale-job.ts';
import { recallAtK, summarize } from './stats.ts';
import { hybridTiming } from './scale-hybrid.ts';
import { rows, VectorSource } from './synthetic.ts';

/** addPoint in batches, checking the clock between batches: a build over budget stops and says how far it got. */
function buildHnswBatched(vectors: Float32Array[], dims: number, M: number, efConstruction: number, budgetMs: number) {
  const native = new hnswlib.HierarchicalNSW('cosine', dims);
  native.initIndex({ maxElements: vectors.length, m: M, efConstruction, randomSeed: 100 });
  const BATCH = 10_000;
  const started = performance.now();
  let added = 0;
  while (added < vectors.length && performance.now() - started < budgetMs) {
    const end = Math.min(vectors.length, added + BATCH);
    for (let i = added; i < end; i++) native.addPoint(Array.from(vectors[i]!), i);
    added = end;
    if (added % 100_000 === 0) log(`hnsw M=${M} efC=${efConstruction}: ${added} points, ${((performance.now() - started) / added).toFixed(2)} ms/point`);
  }
  return { index: new HnswIndex(native, dims), added, ms: performance.now() - started };
}

async function buildAndSave(vectors: Float32Array[], dims: number, M: number, efConstruction: number, budgetMs: number, file: string) {
  const built = buildHnswBatched(vectors, dims, M, efConstruction, budgetMs);
  const saved = await timeOnce(() => saveHnsw(built.index, file));
  return { added: built.added, buildMs: built.ms, saveMs: saved.ms };
}

async function sha256Streamed(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 8 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** fs.readFile refuses files larger than this (ERR_FS_FILE_TOO_LARGE), whatever the memory. */
const READ_FILE_LIMIT = 2 ** 31 - 1;

/** What loadIndexData does with hnsw.bin: read it whole into a Buffer and check its sha256. */
async function productLoad(dir: string, name: string): Promise<HnswResult['productLoad']> {
  const file = join(dir, name);
  const streamed = await timeOnce(() => sha256Streamed(file));
  const bytes = (await stat(file)).size;
  const manifest = { files: { [name]: { sha256: streamed.value, bytes } } } as unknown as IndexManifest;
  const exceedsReadFileLimit = bytes > READ_FILE_LIMIT;
  try {
    const { ms } = await timeOnce(() => readVerified(fileSource(dir), manifest.files, []));
    return { streamedSha256Ms: streamed.ms, readVerified: { ms }, exceedsReadFileLimit };
  } catch (error) {
    return { streamedSha256Ms: streamed.ms, readVerified: { error: `${(error as Error).name}: ${(error as Error).message.split('\n')[0]}` }, exceedsReadFileLimit };
  }
}

async function hnswConfig(job: ScaleJob, c: number, vectors: Float32Array[], queries: Float32Array[], truth: number[][]): Promise<HnswResult> {
  const { M, efConstruction } = job.hnsw[c]!;
  log(`dense: HNSW M=${M} efConstruction=${efConstruction}`);
  const dir = join(job.scratch, `hnsw-${c}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'hnsw.bin');
  const { added, buildMs, saveMs } = await buildAndSave(vectors, job.dims, M, efConstruction, job.hnswBudgetMs, file);
  // The built graph is out of scope now: collect it before loading the saved one (~2 GB each at 1M).
  gc();
  const fileBytes = (await stat(file)).size;
  // Serve from the loaded copy: proves the file alone answers queries, nothing is re-embedded.
  const loaded = await timeOnce(() => loadHnsw(file, job.dims, { efSearch: job.efSearch[0]! }));
  const checked = job.productLoadCheck && c === 0 ? await productLoad(dir, 'hnsw.bin') : undefined;
  const sweep: HnswResult['sweep'] = [];
  const once = { warmupPasses: 0, passes: 1, budgetMs: 10 * 60_000 };
  for (const efSearch of job.efSearch) {
    loaded.value.native.setEf(efSearch);
    const found: number[][] = [];
    await timeEach(queries, (q) => found.push(loaded.value.search(q, 10).ids), once);
    // Timed on a second pass over the same queries, with caches warm; recall from the first.
    const warm = await timeEach(queries, (q) => loaded.value.search(q, 10), once);
    const recall = added === job.size && found.length === truth.length ? recallAtK(truth, found, 10) : NaN;
    sweep.push({ efSearch, recall, query: summarize(warm.samples) });
    log(`dense: efSearch=${efSearch} recall@10 ${recall.toFixed(3)} p50 ${sweep.at(-1)!.query.p50.toFixed(3)} ms`);
  }
  const hybrid = job.lexicalFile && c === job.hnsw.findIndex((h) => h.M === 16) && added === job.size ? await hybridOf(job, job.lexicalFile, loaded.value, sweep) : undefined;
  await rm(dir, { recursive: true, force: true });
  return { M, efConstruction, added, truncated: added < job.size, buildMs, saveMs, fileBytes, loadMs: loaded.ms, productLoad: checked, sweep, hybrid };
}

/** Hybrid timing at the smallest efSearch that reaches the recall target (else the best one swept). */
async function hybridOf(job: ScaleJob, lexicalFile: string, graph: HnswIndex, sweep: HnswResult['sweep']): Promise<HnswResult['hybrid']> {
  const at = sweep.find((s) => s.recall >= job.recallTarget) ?? sweep.reduce((a, b) => (b.recall > a.recall ? b : a));
  graph.native.setEf(at.efSearch);
  log(`dense: hybrid (lexical + HNSW at efSearch ${at.efSearch})`);
  try {
    const source = new VectorSource(job.vectorKind, job.dims, job.seed);
    return await hybridTiming(lexicalFile, job.lexicalQueryLimits, graph, at.efSearch, rows(source.sample(200, job.seed + 3), job.dims));
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

export async function densePhase(job: ScaleJob, save: (r: DenseResult) => Promise<void>): Promise<void> {
  const source = new VectorSource(job.vectorKind, job.dims, job.seed);
  log(`dense: generating ${job.size} × ${job.dims} ${job.vectorKind} vectors`);
  const generated = await timeOnce(() => source.sample(job.size, job.seed + 1));
  const vectors = rows(generated.value, job.dims);
  const queries = rows(source.sample(job.queries, job.seed + 2), job.dims);
  const result: DenseResult = { kind: job.vectorKind, dims: job.dims, generateMs: generated.ms, hnsw: [] };

  // vectors.f32 is what the indexer stores beside hnsw.bin; only its cost and size are kept.
  const packed = await timeOnce(() => packVectors(vectors).length);
  result.vectorsFile = { packMs: packed.ms, bytes: packed.value };
  gc();

  log('dense: brute force (ground truth)');
  const truth: number[][] = [];
  {
    const exact = await timeOnce<VectorIndex>(() => bruteForce(vectors));
    const timed = await timeEach(queries, (q) => truth.push(exact.value.search(q, 10).ids), { warmupPasses: 0, passes: 1, budgetMs: 30 * 60_000 });
    if (timed.truncated) throw new Error('brute-force ground truth ran out of time');
    result.bruteForce = { prepareMs: exact.ms, query: summarize(timed.samples) };
  }
  gc(); // the normalised copy inside bruteForce is 2 GB at 1M
  await save(result);

  for (let c = 0; c < job.hnsw.length; c++) {
    result.hnsw.push(await hnswConfig(job, c, vectors, queries, truth));
    await save(result);
    gc();
  }
}

