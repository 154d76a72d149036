// npm run eval -- [--dataset seed|stard] [--url URL] [--retriever MODE[,MODE…]] [--ablate NAMES] [--k N] [--split dev|test|lay|all]
//                 [--limit N] [--misses] [--calibrate] [--index DIR] [--rebuild] [--out DIR] [--save|--no-save]
import type { RetrieverMode } from '../server/core/index.ts';
import { loadIndexData } from '../server/node/index.ts';
import { calibrate, renderCalibration } from './calibrate.ts';
import type { EvalQuestion } from './dataset.ts';
import { summarize } from './metrics.ts';
import { Catalogue } from './refs.ts';
import { jsonReport, writeReports } from './report/json.ts';
import { missesOf, renderMissesText } from './report/misses.ts';
import type { RunInfo, SystemRun } from './report/run-info.ts';
import { consoleReport, markdownReport } from './report/summary.ts';
import { runQuestions } from './run.ts';
import { ensureIndex, suiteOf, type SuiteName } from './suites.ts';
import { runCommand } from '../indexer/config/command.ts';
import { fitAndWrite } from './decision-cli.ts';
import { outOfFoldDecisions } from './decision-fit.ts';
import { ABLATIONS, httpTarget, loadInProcessTargets, RETRIEVERS, type Ablation, type EvalTarget } from './targets.ts';

const USAGE = `usage: npm run eval -- [options]
  --dataset seed|stard     which questions (default seed; stard indexes the STARD corpus into index-stard/)
  --url http://host:port   ask a running server (POST /api/ask) instead of the in-process assistant
  --retriever MODES        comma-separated subset of ${RETRIEVERS.join('|')} (default: hybrid + baseline, and bm25 + dense when the index has vectors)
  --ablate NAMES           mechanisms to switch off one at a time beside the full system: ${Object.keys(ABLATIONS).join(',')}, all, or none (default all)
  --k N                    ranking depth (default 10)
  --split SPLITS           comma list of dev, test, lay, offtopic-dev, offtopic-test, or all (default; the report breaks down by split)
  --limit N                only the first N questions (a quick run; not saved unless --save)
  --misses                 print every miss of the first system
  --calibrate              sweep the found threshold on the dev split and recommend a value
  --fit-decision           fit the answerability model on the log and out-of-corpus questions; writes <corpus>/decision.json
  --index DIR              use this index as built (default: INDEX_DIR or index/ for seed, index-stard/ for stard, rebuilt when stale)
  --rebuild                rebuild the index even when corpus and configuration are unchanged
  --out DIR                reports folder (default evals/reports)
  --save / --no-save       force writing / not writing the reports`;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function progress(label: string) {
  if (!process.stderr.isTTY) return undefined;
  return (done: number, total: number) => {
    process.stderr.write(`\r${label} ${done}/${total}`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

const OPTIONS = {
  dataset: { type: 'string', default: 'seed' },
  url: { type: 'string' },
  retriever: { type: 'string' },
  ablate: { type: 'string', default: 'all' },
  k: { type: 'string', default: '10' },
  split: { type: 'string', default: 'all' },
  limit: { type: 'string' },
  misses: { type: 'boolean', default: false },
  calibrate: { type: 'boolean', default: false },
  'fit-decision': { type: 'boolean', default: false },
  index: { type: 'string' },
  rebuild: { type: 'boolean', default: false },
  out: { type: 'string', default: 'evals/reports' },
  save: { type: 'boolean' },
  'no-save': { type: 'boolean' },
  
} as const;

runCommand(USAGE, OPTIONS, async (args) => {
  const fail = (message: string) => {
    console.error(`${message}\n${USAGE}`);
    return 2;
  };
  if (args.dataset !== 'seed' && args.dataset !== 'stard') return fail(`unknown --dataset ${args.dataset}`);
  const dataset: SuiteName = args.dataset;
  const k = Number(args.k);
  if (!Number.isInteger(k) || k < 1) return fail(`--k must be a positive integer`);
  const limit = args.limit === undefined ? undefined : Number(args.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) return fail(`--limit must be a positive integer`);
  const modes = args.retriever?.split(',').map((m) => m.trim());
  const badMode = modes?.find((m) => !(RETRIEVERS as readonly string[]).includes(m));
  if (badMode) return fail(`unknown retriever ${badMode}`);
  const ablate = (args.ablate === 'all' ? Object.keys(ABLATIONS) : args.ablate === 'none' ? [] : args.ablate.split(',').map((a) => a.trim())) as Ablation[];
  const badAblation = ablate.find((a) => !(a in ABLATIONS));
  if (badAblation) return fail(`unknown --ablate ${badAblation}`);
  if (args.url && modes) return fail('--retriever applies to the in-process assistant; the server uses its own configuration');
  if (args.calibrate && args.url) return fail('--calibrate runs in-process only (the threshold is a load option)');

  const started = performance.now();
  const suite = suiteOf(dataset, process.env, args.index);
  const index = await ensureIndex(suite, { force: args.rebuild, log: (line) => console.error(line) });
  if (index.status === 'built') console.error(`indexed ${suite.corpusDir} → ${index.dir} in ${index.ms} ms`);
  if (args['fit-decision']) {
    if (args.url) return fail('--fit-decision runs in-process only');
    return fitAndWrite(suite, index.dir);
  }

  let targets: EvalTarget[];
  let catalogue: Catalogue;
  let denseNote: string | null = null;
  if (args.url) {
    targets = [httpTarget(args.url)];
    const { data, manifest } = await loadIndexData(index.dir);
    catalogue = new Catalogue(data.regulations, suite.nameBy);
    denseNote = manifest.denseNote;
  } else {
    const loaded = await loadInProcessTargets(index.dir, { modes: modes as RetrieverMode[] | undefined, ablate: modes ? [] : ablate, foldDecisions: (l) => outOfFoldDecisions(l, suite.name) });
    targets = loaded.targets;
    denseNote = loaded.denseNote;
    const a = loaded.assistant;
    catalogue = new Catalogue(
      a.regulations().map((r) => a.regulation(r.id)!),
      suite.nameBy,
    );
  }

  const all = await suite.load(catalogue);
  const datasetIssues = all.flatMap((q) => [...q.gold, ...q.acceptable].map((g) => catalogue.missingGold(g)).filter((m) => m !== null).map((m) => `${q.id}: ${m}`));
  if (datasetIssues.length) console.error(`warning: ${datasetIssues.length} gold reference(s) not in the index:\n  ${datasetIssues.slice(0, 10).join('\n  ')}`);

  if (args.calibrate) {
    const dev = all.filter((q) => q.split === 'dev');
    if (dev.length === 0) return fail(`--calibrate needs a dev split; ${dataset} has none`);
    const result = await calibrate(index.dir, dev, catalogue, modes?.[0] as RetrieverMode | undefined);
    console.log(renderCalibration(result, dev.length));
    return 0;
  }

  const splits = args.split.split(',').map((s) => s.trim());
  let questions: EvalQuestion[] = args.split === 'all' ? all : all.filter((q) => splits.includes(q.split));
  if (questions.length === 0) return fail(`no ${args.split} questions in ${dataset} (splits: ${[...new Set(all.map((q) => q.split))].join(', ')})`);
  if (limit !== undefined) questions = questions.slice(0, limit);

  const runs: SystemRun[] = [];
  for (const target of targets) {
    const results = await runQuestions(questions, target, { k, catalogue, onProgress: progress(target.name) });
    runs.push({ name: target.name, results });
  }

  const info: RunInfo = {
    dataset,
    date: today(),
    command: `npm run eval${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    description: suite.description,
    target: args.url ? `HTTP ${args.url}` : 'in-process',
    k,
    split: args.split,
    index: { dir: index.dir, status: index.status, buildMs: index.ms, dense: index.dense, denseNote, regulations: catalogue.size },
    baseline: runs.some((r) => r.name === 'baseline') ? 'baseline' : null,
    durationMs: Math.round(performance.now() - started),
  };
  const primary = runs[0]!;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const misses = missesOf(primary, byId, catalogue);

  console.log(consoleReport(info, runs));
  if (args.misses) console.log(`\n${renderMissesText(primary.name, misses)}`);
  else console.log(`\n${misses.length} misses of ${primary.name} (list them with --misses)`);

  const save = args['no-save'] ? false : (args.save ?? limit === undefined);
  if (save) {
    const suffix = [args.url ? 'http' : '', modes ? modes.join('+') : '', args.split !== 'all' ? args.split : '', k !== 10 ? `k${k}` : ''].filter(Boolean);
    const base = [dataset, ...suffix, info.date].join('-');
    const written = await writeReports(args.out, base, { json: jsonReport(info, runs, questions, catalogue), markdown: markdownReport(info, runs, misses) });
    console.log(`reports: ${written.markdown}, ${written.json} (${Math.round(written.jsonBytes / 1024)} KiB)`);
  }

  const problems: string[] = [];
  for (const run of runs) {
    const m = summarize(run.results);
    if (m.fabricated > 0) problems.push(`${run.name}: ${m.fabricated} fabricated citation(s) — citations of articles the index does not have`);
    if (m.errors > 0) problems.push(`${run.name}: ${m.errors} question(s) failed with an error`);
  }
  for (const p of problems) console.error(`FAIL ${p}`);
  return problems.length ? 1 : 0;
});
