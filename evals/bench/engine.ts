// Engine benchmark (`--only engine`): this product's lexical engine against SQLite FTS5, MiniSearch and
// today's product on synthetic statute corpora (5–10-word queries), and exact vector search against
// today's brute-force loops. Each contender of each size runs in its own process (engine-worker.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContenderName } from './contenders.ts';
import type { EngineJob, LexicalRun, VectorRun } from './engine-worker.ts';
import { runMeasured } from './proc.ts';
import { fmtBytes, fmtCount, fmtDuration, fmtMs, table, type SectionResult, type TargetCheck } from './report.ts';
import { growthExponent } from './stats.ts';

const SEED = 20_261_122;
const QUERIES = 200;
const MINUTE = 60_000;
const LARGE = 100_000;
const TARGET_SIZE = 1_000_000;
const VECTOR_SIZE = 100_000;

/** Table rows: contender, query mode, label. The exhaustive engine is the exact BM25 every row is compared with. */
const ROWS: { contender: ContenderName; mode: string; label: string; fields: string }[] = [
  { contender: 'minisearch', mode: 'search', label: 'regqa before (MiniSearch, lexicalSearch)', fields: 'words + bigrams' },
  { contender: 'minisearch-words', mode: 'search', label: 'MiniSearch, words only', fields: 'words' },
  { contender: 'fts5', mode: 'bm25', label: 'SQLite FTS5 (better-sqlite3)', fields: 'words' },
  // The engine's index holds both fields (its build and size count both); these two rows query words, like FTS5's.
  { contender: 'engine', mode: 'exhaustive', label: 'regqa engine, exhaustive', fields: 'words' },
  { contender: 'engine', mode: 'maxscore', label: 'regqa engine, MaxScore', fields: 'words' },
  { contender: 'engine', mode: 'product', label: 'regqa now (engine, lexicalSearch)', fields: 'words + bigrams' },
];
const CONTENDERS: ContenderName[] = ['engine', 'fts5', 'minisearch-words', 'minisearch'];
const slow = (c: ContenderName) => c === 'minisearch' || c === 'minisearch-words';

function lexicalJob(contender: ContenderName, size: number, scratch: string): EngineJob {
  const large = size > LARGE;
  return {
    kind: 'lexical',
    contender,
    size,
    seed: SEED,
    queries: QUERIES,
    // MiniSearch words + bigrams needs ~10 min at 1M: past its budget the row says how far it got.
    buildBudgetMs: (slow(contender) && large ? 4 : 15) * MINUTE,
    queryLimits: { warmupPasses: 0, passes: slow(contender) ? (large ? 1 : 2) : 3, budgetMs: 3 * MINUTE },
    scratch,
  };
}

async function runWorker<R>(job: EngineJob, resultFile: string, log: (line: string) => void): Promise<{ result?: R; peakRssBytes: number; error?: string }> {
  const run = await runMeasured(process.execPath, ['--max-old-space-size=12288', '--expose-gc', '--import', 'tsx', 'evals/bench/engine-worker.ts', JSON.stringify(job), resultFile], { timeoutMs: 40 * MINUTE });
  const [own = ''] = run.stderr.split('\tCommand being timed');
  log(own.split('\n').filter((l) => l.startsWith('  [')).join('\n'));
  if (run.code !== 0) return { peakRssBytes: run.peakRssBytes, error: own.split('\n').filter((l) => l.trim() && !l.startsWith('  [')).slice(-4).join(' ') || `exit code ${run.code}` };
  return { result: JSON.parse(await readFile(resultFile, 'utf8')) as R, peakRssBytes: run.peakRssBytes };
}

/** Mean share of the exact top 10 that a contender's top 10 contains, over the queries both answered. */
export function overlapAt10(exact: readonly number[][], got: readonly number[][]): number {
  const n = Math.min(exact.length, got.length);
  let sum = 0;
  let counted = 0;
  for (let q = 0; q < n; q++) {
    if (exact[q]!.length === 0) continue;
    const mine = new Set(got[q]);
    sum += exact[q]!.filter((d) => mine.has(d)).length / exact[q]!.length;
    counted++;
  }
  return counted ? sum / counted : NaN;
}

interface SizeRuns {
  size: number;
  runs: Partial<Record<ContenderName, LexicalRun & { peakRssBytes: number }>>;
  errors: string[];
}

export async function runEngine(sizes: number[], log = console.error): Promise<SectionResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'regqa-engine-'));
  const bySize: SizeRuns[] = [];
  let vectors: VectorRun | undefined;
  try {
    for (const size of sizes) {
      const entry: SizeRuns = { size, runs: {}, errors: [] };
      for (const c of CONTENDERS) {
        log(`engine bench: ${c} at ${fmtCount(size)} units`);
        const out = await runWorker<LexicalRun>(lexicalJob(c, size, scratch), join(scratch, `${c}-${size}.json`), log);
        if (out.result) entry.runs[c] = { ...out.result, peakRssBytes: out.peakRssBytes };
        else entry.errors.push(`${c}: ${out.error}`);
      }
      bySize.push(entry);
    }
    log(`engine bench: exact vector search, ${fmtCount(VECTOR_SIZE)} × 512`);
    const out = await runWorker<VectorRun>({ kind: 'vectors', size: VECTOR_SIZE, dims: 512, seed: SEED, queries: 100 }, join(scratch, 'vectors.json'), log);
    vectors = out.result;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return report(bySize, vectors);
}

function cell(run: (LexicalRun & { peakRssBytes: number }) | undefined, mode: string): string {
  if (!run) return 'failed';
  if (run.truncated) return `not run (build > ${fmtDuration(run.buildMs)} at ${fmtCount(run.units)} units)`;
  const q = run.modes[mode]!.query;
  return `${fmtDuration(run.buildMs)} / ${fmtBytes(run.storedBytes)} / ${fmtMs(q.p50)} / ${fmtMs(q.p95)} ms`;
}

function report(bySize: SizeRuns[], vectors: VectorRun | undefined): SectionResult {
  const exactOf = (s: SizeRuns) => s.runs.engine?.modes.exhaustive?.top ?? [];
  const overlap = (s: SizeRuns, r: (typeof ROWS)[number]) => {
    const top = s.runs[r.contender]?.modes[r.mode]?.top;
    return top ? overlapAt10(exactOf(s), top) : NaN;
  };
  const headers = ['Engine', 'Fields queried', ...bySize.map((s) => `${fmtCount(s.size)}: build / stored / p50 / p95`), 'Top-10 overlap with exact BM25'];
  const rows = ROWS.map((r) => [r.label, r.fields, ...bySize.map((s) => cell(s.runs[r.contender], r.mode)), bySize.map((s) => (Number.isFinite(overlap(s, r)) ? overlap(s, r).toFixed(2) : '–')).join(' / ')]);
  const memoryRows = CONTENDERS.map((c) => [c, ...bySize.flatMap((s) => [c === 'fts5' ? '–' : fmtBytes(s.runs[c]?.indexBytes ?? NaN), fmtBytes(s.runs[c]?.peakRssBytes ?? NaN)])]);
  const p50 = (s: SizeRuns, c: ContenderName, mode: string) => s.runs[c]?.modes[mode]?.query.p50 ?? NaN;
  const ratios = bySize.map((s) => `${fmtCount(s.size)}: FTS5 / engine MaxScore p50 = ${(p50(s, 'fts5', 'bm25') / p50(s, 'engine', 'maxscore')).toFixed(1)}×`);
  const growth = ROWS.map((r) => `${r.label} ${growthExponent(bySize.map((s) => ({ x: s.size, y: p50(s, r.contender, r.mode) }))).toFixed(2)}`);
  const lines = [
    '### Lexical engine at scale',
    `Synthetic statute corpus (evals/bench/synthetic.ts), ${QUERIES} queries of 5–10 content words each drawn from unseen synthetic clauses; top 10 per query. Build counts only the engine's own calls (adding documents, then merging, serialising and loading back); "stored" is the artefact as shipped (lexical binary, SQLite file, MiniSearch JSON). Exact BM25 is Lucene's formula over the words field, computed by the engine without pruning.`,
    table(headers, rows),
    `Speed-up: ${ratios.join('; ')}. How p50 grows with corpus size (log-log slope, 1 = linear): ${growth.join('; ')}.`,
    'Index memory: V8 heap plus array buffers the built index holds (FTS5 keeps its index in SQLite, outside both: see its peak RSS). Peak RSS includes the ~0.4 GB of the corpus vocabulary generator.',
    table(['Contender', ...bySize.flatMap((s) => [`${fmtCount(s.size)}: index memory`, 'peak RSS'])], memoryRows),
    ...bySize.flatMap((s) => s.errors.map((e) => `- ${fmtCount(s.size)} failed: ${e}`)),
  ];
  if (vectors) {
    const floor = vectors.methods[0]!.query.p50;
    lines.push(
      `### Exact vector search, ${fmtCount(vectors.size)} × ${vectors.dims} (latent vectors, top 10)`,
      table(['Method', 'Prepare', 'p50 (ms)', 'p95 (ms)', '× plain loop', 'recall@10 vs exact'], vectors.methods.map((m) => [m.name, fmtDuration(m.prepareMs), fmtMs(m.query.p50), fmtMs(m.query.p95), (m.query.p50 / floor).toFixed(1), Number.isFinite(m.recallAt10) ? m.recallAt10.toFixed(3) : '–'])),
    );
  }
  return { markdown: lines.join('\n\n'), targets: targets(bySize, vectors), data: { sizes: bySize.map(withoutTops), vectors } };
}

function withoutTops(s: SizeRuns) {
  return { ...s, runs: Object.fromEntries(Object.entries(s.runs).map(([c, r]) => [c, { ...r, modes: Object.fromEntries(Object.entries(r.modes).map(([m, v]) => [m, v.query])) }])) };
}

function targets(bySize: SizeRuns[], vectors: VectorRun | undefined): TargetCheck[] {
  const largest = bySize.at(-1);
  const engine = largest?.runs.engine;
  if (!largest || !engine || engine.truncated) return [];
  const note = largest.size < TARGET_SIZE ? `measured at ${fmtCount(largest.size)}; the target is at 1M (--scale 1m)` : undefined;
  const met = (ok: boolean) => ok && !note;
  const q = engine.modes.maxscore!.query;
  const product = engine.modes.product!.query;
  const fts = largest.runs.fts5?.modes.bm25?.query.p50 ?? NaN;
  const pruned = overlapAt10(engine.modes.exhaustive!.top, engine.modes.maxscore!.top);
  const out: TargetCheck[] = [
    { name: 'Lexical p50 at 1M (engine, MaxScore)', target: '≤ 10 ms', measured: `${fmtMs(q.p50)} ms`, met: met(q.p50 <= 10), note },
    { name: 'Lexical p95 at 1M', target: '≤ 25 ms', measured: `${fmtMs(q.p95)} ms`, met: met(q.p95 <= 25), note },
    { name: 'Product path p50 at 1M (lexicalSearch: both sides, normalised)', target: '≤ 10 ms', measured: `${fmtMs(product.p50)} ms`, met: met(product.p50 <= 10), note },
    { name: 'Product path p95 at 1M', target: '≤ 25 ms', measured: `${fmtMs(product.p95)} ms`, met: met(product.p95 <= 25), note },
    { name: 'Faster than FTS5 at 1M (p50)', target: '≥ 20×', measured: `${(fts / q.p50).toFixed(1)}×`, met: met(fts / q.p50 >= 20), note },
    { name: 'Lexical build at 1M', target: '≤ 2 min', measured: fmtDuration(engine.buildMs), met: met(engine.buildMs <= 2 * MINUTE), note },
    { name: 'Lexical index memory at 1M', target: '≤ 300 MB', measured: fmtBytes(engine.indexBytes), met: met(engine.indexBytes <= 300e6), note },
    { name: 'MaxScore top 10 = exact BM25 top 10', target: '1.00 (ties aside)', measured: pruned.toFixed(3), met: pruned >= 0.995 },
  ];
  const exact = vectors?.methods.find((m) => m.name.startsWith('exact search, f32'));
  if (vectors && exact) {
    const ratio = exact.query.p50 / vectors.methods[0]!.query.p50;
    out.push({ name: `Exact vector search vs plain loop (${fmtCount(vectors.size)} × ${vectors.dims})`, target: '< 10× slower', measured: `${ratio.toFixed(1)}×`, met: ratio < 10 });
  }
  return out;
}
