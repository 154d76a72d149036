// npm run index -- [--corpus DIR] [--out DIR] [--model ID|none] [--model-dir DIR] [--offline] [--questions FILE] [--check] [--force]
import cliProgress from 'cli-progress';
import { buildIndex } from './build/build.ts';
import { runCommand } from './config/command.ts';
import { envWithFlags } from './config/env.ts';
import { indexConfigFromEnv } from './config/index-config.ts';
import { loadCorpus } from './build/corpus.ts';
import { formatLintTable, hasFatal } from './build/lint.ts';

const USAGE = 'usage: npm run index -- [--corpus DIR] [--out DIR] [--model ID|none] [--model-dir DIR] [--offline] [--questions FILE] [--check] [--force]';

const OPTIONS = {
  corpus: { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  'model-dir': { type: 'string' },
  offline: { type: 'boolean' },
  questions: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

runCommand(USAGE, OPTIONS, async (args) => {
  const config = indexConfigFromEnv(envWithFlags(args));
  const width = process.stdout.columns ?? 160;

  if (args.check) {
    const corpus = await loadCorpus(config.corpusDir);
    console.log(formatLintTable(corpus.issues, width));
    return hasFatal(corpus.issues) ? 1 : 0;
  }

  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'embedding {bar} {value}/{total} units | {eta}s left', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  const result = await buildIndex({
    config,
    force: args.force,
    log: (line) => console.log(line),
    onEmbedProgress: (done, total) => {
      if (!bar) return;
      if (done === 0 || !bar.getTotal()) bar.start(total, done);
      bar.update(done);
      if (done >= total) bar.stop();
    },
  });
  console.log(formatLintTable(result.issues, width));
  if (result.status === 'failed') {
    console.error('Index not built: fix the fatal problems above. The previous index, if any, is untouched.');
    return 1;
  }
  if (result.status === 'up-to-date') console.log(`Index is up to date (${result.dir}); use --force to rebuild.`);
  return 0;
});
