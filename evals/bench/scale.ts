// Scale benchmark: synthetic corpora of 10k, 100k (and on request 1M) units, lexical (the product's engine over
// pre-tokenised text) and dense (512-dimensional vectors, HNSW vs brute force). Each phase of each size
// runs in a child process (scale-worker.ts); this module plans the jobs and turns results into tables.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './proc.ts';
import { fmtBytes, fmtCount, fmtDuration, fmtMs, latencyCells, table, type SectionResult, type TargetCheck } from './report.ts';
import type { DenseResult, HnswResult, LexicalResult, PhaseResult, ScaleJob } from './scale-job.ts';
import { hybridReport } from './scale-hybrid-report.ts';
import { growthExponent } from './stats.ts';

export interface ScaleOptions {
  /** efConstruction for sizes above 100k, where one build is the expensive part of the run. */
  largestEfConstruction: number;
}

const DIMS = 512;
const EF_SEARCH = [16, 32, 64, 128, 256];
const RECALL_TARGET = 0.95;
const SEED = 20_261_122;
const MINUTE = 60_000;
const LARGE = 100_000;

interface SizeResult {
  size: number;
  lexical?: LexicalResult;
  dense?: DenseResult;
  peakRssBytes: { lexical?: number; dense?: number };
  errors: { phase: string; error: string }[];
}

/** Several graphs where builds are cheap, to show the M / efConstruction trade-off; one where they are not. */
function hnswConfigs(size: number, largestEfConstruction: number): ScaleJob['hnsw'] {
  if (size <= 10_000) return [{ M: 8, efConstruction: 100 }, { M: 16, efConstruction: 100 }, { M: 16, efConstruction: 200 }, { M: 32, efConstruction: 200 }];
  if (size <= LARGE) return [{ M: 8, efConstruction: 100 }, { M: 16, efConstruction: 100 }, { M: 16, efConstruction: 200 }];
  return [{ M: 16, efConstruction: largestEfConstruction }];
}

/** The lexical phase leaves its index here for the dense phase's hybrid timing. */
const lexicalFileOf = (scratch: string, size: number) => join(scratch, `lexical-${size}.bin`);

function jobFor(phase: ScaleJob['phase'], size: number, scratch: string, options: ScaleOptions): ScaleJob {
  const large = size > LARGE;
  return {
    phase,
    size,
    seed: SEED,
    scratch: join(scratch, `${phase}-${size}`),
    lexicalBudgetMs: 20 * MINUTE,
    // At 1M a query takes seconds: one timed pass, no warm-up pass.
    lexicalQueryLimits: large ? { warmupPasses: 0, passes: 1, budgetMs: 5 * MINUTE } : { warmupPasses: 1, passes: 2, budgetMs: 2 * MINUTE },
    dims: DIMS,
    vectorKind: 'latent',
    hnsw: hnswConfigs(size, options.largestEfConstruction),
    efSearch: EF_SEARCH,
    // Exact search costs ~1.5 s per query at 1M: fewer queries there.
    queries: large ? 100 : 200,
    hnswBudgetMs: (large ? 50 : 15) * MINUTE,
    productLoadCheck: true,
    lexicalFile: lexicalFileOf(scratch, size),
    recallTarget: RECALL_TARGET,
  };
}

/** The adversarial reference: uniform random directions, where graph search has little structure to use. */
function isotropicJob(scratch: string): ScaleJob {
  return {
    ...jobFor('dense', 10_000, scratch, { largestEfConstruction: 100 }),
    scratch: join(scratch, 'isotropic'),
    lexicalFile: undefined,
    vectorKind: 'isotropic',
    hnsw: [{ M: 16, efConstruction: 100 }, { M: 32, efConstruction: 200 }],
    productLoadCheck: false,
  };
}

async function runJob(job: ScaleJob, resultFile: string): Promise<{ result?: PhaseResult; error?: string; peakRssBytes: number }> {
  const heapMb = job.size > LARGE ? 14_336 : 4096;
  const run = await runMeasured(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--expose-gc', '--import', 'tsx', 'evals/bench/scale-worker.ts', JSON.stringify(job), resultFile],
    { timeoutMs: (job.size > LARGE ? 120 : 40) * MINUTE },
  );
  // The worker logs progress on stderr; GNU time appends its report after "Command being timed".
  const [own = '', time = ''] = run.stderr.split('\tCommand being timed');
  process.stderr.write(own.split('\n').filter((l) => l.startsWith('  [')).join('\n') + '\n');
  let result: PhaseResult | undefined;
  try {
    result = JSON.parse(await readFile(resultFile, 'utf8')) as PhaseResult;
  } catch {
    // Nothing saved: the worker died before its first step completed.
  }
  if (run.code === 0) return { result, peakRssBytes: run.peakRssBytes };
  const lines = own.split('\n').filter((l) => l.trim() && !l.startsWith('  ['));
  const signal = /Command terminated by signal \d+/.exec(own + time)?.[0];
  return { result, error: [...lines.slice(-6), ...(signal ? [signal] : [])].join('\n') || `exit code ${run.code}`, peakRssBytes: run.peakRssBytes };
}

export async function runScale(sizes: number[], options: ScaleOptions, log = console.error): Promise<SectionResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'regqa-scale-'));
  const results: SizeResult[] = [];
  let isotropic: DenseResult | undefined;
  try {
    for (const size of sizes) {
      const entry: SizeResult = { size, peakRssBytes: {}, errors: [] };
      for (const phase of ['lexical', 'dense'] as const) {
        log(`scale: ${fmtCount(size)} units, ${phase}`);
        const job = jobFor(phase, size, scratch, options);
        const run = await runJob(job, join(scratch, `result-${phase}-${size}.json`));
        if (phase === 'lexical') entry.lexical = run.result?.lexical;
        else entry.dense = run.result?.dense;
        entry.peakRssBytes[phase] = run.peakRssBytes;
        if (run.error) entry.errors.push({ phase, error: run.error });
        await rm(job.scratch, { recursive: true, force: true });
      }
      await rm(lexicalFileOf(scratch, size), { force: true });
      results.push(entry);
    }
    log('scale: isotropic reference at 10k');
    isotropic = (await runJob(isotropicJob(scratch), join(scratch, 'result-isotropic.json'))).result?.dense;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return render(results, isotropic, sizes);
}

/** The smallest efSearch reaching the recall target, else the best one tried. */
function operatingPoint(h: HnswResult) {
  return h.sweep.find((s) => s.recall >= RECALL_TARGET) ?? h.sweep.reduce((a, b) => (b.recall > a.recall ? b : a));
}

/** The M=16 graph: the configuration the indexer ships with (REGQA_HNSW_M default). */
const mainGraph = (d: DenseResult | undefined) => d?.hnsw.find((h) => h.M === 16) ?? d?.hnsw[0];

function render(results: SizeResult[], isotropic: DenseResult | undefined, sizes: number[]): SectionResult {
  const lexicalRows = results.map(({ size, lexical: l, peakRssBytes }) => {
    if (!l) return [fmtCount(size), 'failed', '', '', '', '', '', '', '', ''];
    const ser = !l.serialise ? '–' : 'error' in l.serialise ? `fails: ${l.serialise.error}` : `${fmtBytes(l.serialise.bytes)} in ${fmtDuration(l.serialise.ms)}`;
    const q = l.queries;
    return [
      fmtCount(size),
      `${fmtDuration(l.buildMs)}${l.truncated ? ` (stopped at ${fmtCount(l.units)})` : ''}`,
      fmtBytes(l.indexHeapBytes),
      ser,
      l.loadMs === undefined ? '–' : fmtDuration(l.loadMs),
      ...(q ? [...latencyCells(q.lexicalSearch).slice(0, 2), ...latencyCells(q.baselineSearch).slice(0, 2)] : ['–', '–', '–', '–']),
      fmtBytes(peakRssBytes.lexical ?? NaN),
    ];
  });
  const denseRows = results.map(({ size, dense: d, peakRssBytes }) => {
    const main = mainGraph(d);
    if (!d || !main) return [fmtCount(size), d?.vectorsFile ? fmtBytes(d.vectorsFile.bytes) : 'failed', '', '', '', '', '', '', '', '', '', '', ''];
    const op = operatingPoint(main);
    return [
      fmtCount(size),
      fmtBytes(d.vectorsFile?.bytes ?? NaN),
      ...(d.bruteForce ? latencyCells(d.bruteForce.query).slice(0, 2) : ['–', '–']),
      `M=${main.M}, efC=${main.efConstruction}`,
      `${fmtDuration(main.buildMs)}${main.truncated ? ` (stopped at ${fmtCount(main.added)})` : ''}`,
      fmtBytes(main.fileBytes),
      fmtDuration(main.loadMs),
      String(op.efSearch),
      op.recall.toFixed(3),
      ...latencyCells(op.query).slice(0, 2),
      fmtBytes(peakRssBytes.dense ?? NaN),
    ];
  });
  const graphs = [...results.map((r) => ({ label: fmtCount(r.size), d: r.dense })), ...(isotropic ? [{ label: '10k (isotropic)', d: isotropic }] : [])];
  const tradeoff = graphs.flatMap(({ label, d }) =>
    (d?.hnsw ?? []).flatMap((h) =>
      h.sweep.map((s) => [label, String(h.M), String(h.efConstruction), fmtDuration(h.buildMs), String(s.efSearch), Number.isFinite(s.recall) ? s.recall.toFixed(3) : '–', ...latencyCells(s.query)]),
    ),
  );
  const productRows = results.flatMap(({ size, dense }) => {
    const h = dense?.hnsw[0];
    if (!h?.productLoad) return [];
    const p = h.productLoad;
    // readVerified reports any read failure as "index artefact is missing"; say what really happened.
    const cause = p.exceedsReadFileLimit ? ' — the file is over fs.readFile’s 2 GiB limit' : '';
    const rv = 'error' in p.readVerified ? `fails: ${p.readVerified.error.replace(/ \(.*$/, '')}${cause}` : fmtDuration(p.readVerified.ms);
    return [[fmtCount(size), fmtBytes(h.fileBytes), fmtDuration(h.loadMs), rv, fmtDuration(p.streamedSha256Ms)]];
  });

  const hybrid = hybridReport(results.map((r) => ({ size: r.size, hybrid: mainGraph(r.dense)?.hybrid })), sizes);

  // How costs grow with size: exponents of a power law fitted over the sizes run (1 = linear).
  const fit = (f: (r: SizeResult) => number | undefined) => growthExponent(results.map((r) => ({ x: r.size, y: f(r) ?? NaN })));
  const growth = {
    lexicalBuild: fit((r) => r.lexical && !r.lexical.truncated ? r.lexical.buildMs : undefined),
    lexicalIndexHeap: fit((r) => r.lexical?.indexHeapBytes),
    lexicalSearchP50: fit((r) => r.lexical?.queries?.lexicalSearch.p50),
    bruteForceP50: fit((r) => r.dense?.bruteForce?.query.p50),
    hnswBuild: fit((r) => mainGraph(r.dense)?.buildMs),
    hnswP50AtEf64: fit((r) => mainGraph(r.dense)?.sweep.find((s) => s.efSearch === 64)?.query.p50),
  };

  const targets: TargetCheck[] = [];
  const largest = [...results].reverse().find((r) => mainGraph(r.dense));
  const h = mainGraph(largest?.dense);
  if (largest && h) {
    const op = operatingPoint(h);
    const at1M = largest.size >= 1_000_000;
    targets.push({
      name: `HNSW recall@10 and query p50 at ${fmtCount(largest.size)} units`,
      target: '1M units: recall@10 ≥ 0.95, p50 ≤ 5 ms',
      measured: `recall ${op.recall.toFixed(3)}, p50 ${fmtMs(op.query.p50)} ms (efSearch ${op.efSearch}, M=${h.M}, efC=${h.efConstruction})`,
      met: at1M && op.recall >= RECALL_TARGET && op.query.p50 <= 5,
      note: at1M ? `${DIMS}-d vectors with latent structure; isotropic random vectors are far harder (see trade-off table)` : `1M not run (sizes: ${sizes.map(fmtCount).join(', ')}); \`--scale 1m\``,
    });
    targets.push({
      name: `index load at ${fmtCount(largest.size)} units re-embeds nothing`,
      target: 'load = read hnsw.bin',
      measured: `loadHnsw ${fmtDuration(h.loadMs)} for ${fmtBytes(h.fileBytes)}`,
      met: true,
      note: 'the loaded file answers the recall queries; no model is involved',
    });
  }
  if (hybrid.target) targets.push(hybrid.target);
  for (const r of results) {
    for (const e of r.errors) targets.push({ name: `scale ${e.phase} at ${fmtCount(r.size)} units`, target: 'completes', measured: 'failed', met: false, note: e.error.split('\n').at(-1) });
  }

  const vocab = results.find((r) => r.lexical)?.lexical?.vocabulary;
  const markdown = [
    `### Scale: synthetic statute-like corpora`,
    `Lexical: the product's engine over pre-tokenised text (words + bigrams, as indexer/format/lexical.ts; build time includes generating the text; engine against references: --only engine), ${vocab ? `${vocab.words} distinct words from ${vocab.phrases} real phrases and ${vocab.actors} actors of the two statutes + STARD` : ''}; queries: the ${results[0]?.lexical?.queries?.questions ?? ''} Chinese seed questions.`,
    table(['Units', 'Build', 'Index memory', 'lexical.bin', 'Load', 'lexicalSearch p50 (ms)', 'p95', 'baselineSearch p50 (ms)', 'p95', 'Peak RSS'], lexicalRows),
    '',
    `Dense: ${DIMS}-d unit vectors (32-d latent clusters + noise), k=10, queries drawn from the same distribution; recall against brute force.`,
    table(['Units', 'vectors.f32', 'Brute force p50 (ms)', 'p95', 'HNSW', 'Build', 'hnsw.bin', 'Load', `efSearch for ≥ ${RECALL_TARGET}`, 'Recall@10', 'HNSW p50 (ms)', 'p95', 'Peak RSS'], denseRows),
    '',
    '#### HNSW trade-off (recall@10 against brute force; query ms)',
    table(['Units', 'M', 'efConstruction', 'Build', 'efSearch', 'Recall@10', 'p50', 'p95', 'p99'], tradeoff),
    '',
    '#### Hybrid: lexicalSearch and HNSW neighbours fused by RRF, per seed question (ms); learned signals left out (no question log)',
    hybrid.table,
    '',
    '#### Loading hnsw.bin: hnswlib readIndex vs the server path (readVerified reads each artefact whole and hashes it)',
    table(['Units', 'hnsw.bin', 'loadHnsw', 'readVerified', 'sha256 streamed'], productRows),
    '',
    `Growth exponents over ${results.map((r) => fmtCount(r.size)).join(' → ')} (cost ∝ size^e): ` +
      Object.entries(growth).map(([k, e]) => `${k} ${Number.isFinite(e) ? e.toFixed(2) : '–'}`).join(', ') + '.',
    ...results.flatMap((r) => r.errors.map((e) => `\n**${fmtCount(r.size)} ${e.phase} failed:**\n\`\`\`\n${e.error}\n\`\`\``)),
  ].join('\n');
  return { markdown, targets, data: { dims: DIMS, efSearch: EF_SEARCH, results, isotropic, growth } };
}
