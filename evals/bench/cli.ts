// npm run bench -- [--only latency,http,build,scale,soak,serving|all] [--scale 10k,100k[,1m]] [options]
// Benchmarks, not tests: they print markdown tables (ready for the README) and keep every number in
// evals/reports/bench-<date>.json. Targets are checked and reported, never asserted.
import { join } from 'node:path';
import { runCommand } from '../../indexer/config/command.ts';
import type { Fixtures } from './fixtures.ts';
import { machineInfo, saveReport, targetsTable, today, type SectionName, type SectionResult } from './report.ts';
import { DEFAULT_BASELINE } from './baseline.ts';
import { parseSizes } from './synthetic.ts';

const SECTIONS: SectionName[] = ['latency', 'http', 'build', 'scale', 'engine', 'soak', 'serving'];
/** Soak runs only when asked: it is a minute of load for a reliability check, not a performance number. */
const DEFAULT_SECTIONS: SectionName[] = ['latency', 'http', 'build', 'scale', 'engine', 'serving'];

const USAGE = `usage: npm run bench -- [options]
  --only LIST            sections to run, comma-separated: ${SECTIONS.join('|')}|all (default ${DEFAULT_SECTIONS.join(',')})
  --scale SIZES          synthetic corpus sizes for --only scale,engine, e.g. 10k,100k,1m (default 10k,100k)
  --ef-construction N    HNSW efConstruction at the largest size (default 100; lower it to shorten a 1M build)
  --passes N             warm passes over the seed questions for latency (default 5)
  --http-seconds N       seconds per autocannon run (default 10)
  --soak-seconds N       seconds of soak load (default 60)
  --baseline REV         "today's" commit for the serving section's before/after (default ${DEFAULT_BASELINE})
  --fuzz N               fuzz cases per server in the serving section (default 20000)
  --out DIR              reports folder (default evals/reports)
  --no-save              print only`;

const OPTIONS = {
  only: { type: 'string' },
  scale: { type: 'string', default: '10k,100k' },
  'ef-construction': { type: 'string', default: '100' },
  passes: { type: 'string', default: '5' },
  'http-seconds': { type: 'string', default: '10' },
  'soak-seconds': { type: 'string', default: '60' },
  baseline: { type: 'string', default: DEFAULT_BASELINE },
  fuzz: { type: 'string', default: '20000' },
  out: { type: 'string', default: 'evals/reports' },
  'no-save': { type: 'boolean', default: false },
} as const;

runCommand(USAGE, OPTIONS, async (args) => {
  let sections: SectionName[];
  let sizes: number[];
  let numbers: Numbers;
  try {
    sections = parseSections(args.only);
    sizes = parseSizes(args.scale);
    numbers = {
      passes: positiveInt(args.passes, '--passes'),
      httpSeconds: positiveInt(args['http-seconds'], '--http-seconds'),
      soakSeconds: positiveInt(args['soak-seconds'], '--soak-seconds'),
      efConstruction: positiveInt(args['ef-construction'], '--ef-construction'),
      fuzz: positiveInt(args.fuzz, '--fuzz'),
      baseline: args.baseline ?? DEFAULT_BASELINE,
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const machine = machineInfo();
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  console.log(`## Benchmarks — ${today()}\n`);
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Linux ${machine.kernel}; load average at start ${machine.loadAverageAtStart}.`);
  console.log(`Command: \`${command}\`\n`);

  // Lazily: the fixtures import the index builder, which `--only scale` does not need in this process.
  const fixtures = await (await import('./fixtures.ts')).Fixtures.create();
  const results: Partial<Record<SectionName, SectionResult>> = {};
  try {
    for (const section of sections) {
      const started = Date.now();
      const result = await runSection(section, fixtures, sizes, numbers);
      results[section] = result;
      console.log(`${result.markdown}\n`);
      console.error(`(${section}: ${Math.round((Date.now() - started) / 1000)} s)`);
      // Saved after every section: a long run that fails late keeps what it measured.
      if (!args['no-save']) await saveReport(args.out, command, machine, { [section]: result });
    }
  } finally {
    await fixtures.dispose();
  }

  const targets = Object.values(results).flatMap((r) => r.targets);
  if (targets.length) console.log(`### Targets\n${targetsTable(targets)}\n`);
  if (!args['no-save']) console.log(`Saved to ${join(args.out, `bench-${today()}.json`)}`);
  return 0;
});

interface Numbers {
  passes: number;
  httpSeconds: number;
  soakSeconds: number;
  efConstruction: number;
  fuzz: number;
  baseline: string;
}

async function runSection(section: SectionName, fixtures: Fixtures, sizes: number[], n: Numbers): Promise<SectionResult> {
  // Imported lazily: `--only scale` need not load the server, `--only latency` need not load autocannon.
  switch (section) {
    case 'latency': {
      const { runLatency, DEFAULT_LATENCY_OPTIONS } = await import('./latency.ts');
      return runLatency(fixtures, { ...DEFAULT_LATENCY_OPTIONS, passes: n.passes });
    }
    case 'http': {
      const { runHttp } = await import('./http.ts');
      return runHttp(fixtures, { seconds: n.httpSeconds });
    }
    case 'soak': {
      const { runSoak } = await import('./soak.ts');
      return runSoak(fixtures, { seconds: n.soakSeconds });
    }
    case 'build': {
      const { runBuild } = await import('./build.ts');
      return runBuild(fixtures.root);
    }
    case 'engine':
      return (await import('./engine.ts')).runEngine(sizes);
    case 'serving': {
      const { runServing } = await import('./serving.ts');
      return runServing(fixtures, { baseline: n.baseline, fuzzCases: n.fuzz, overloadSeconds: 20 });
    }
    case 'scale': {
      const { runScale } = await import('./scale.ts');
      return runScale(sizes, { largestEfConstruction: n.efConstruction });
    }
  }
}

function parseSections(value: string | undefined): SectionName[] {
  if (!value) return DEFAULT_SECTIONS;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.includes('all')) return SECTIONS;
  for (const name of names) {
    if (!SECTIONS.includes(name as SectionName)) throw new Error(`unknown section "${name}"`);
  }
  // Run in the canonical order whatever order they were given in.
  return SECTIONS.filter((s) => names.includes(s));
}

function positiveInt(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive integer, got "${value}"`);
  return n;
}
