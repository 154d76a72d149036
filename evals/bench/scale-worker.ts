// Child-process entry for one phase (lexical or dense) of one size of the scale benchmark. Each runs in
// its own process so that its peak memory is its own, and so that a phase that runs out of memory (a
// valid finding at 1M) loses only itself. Results are saved after every step: a crash keeps what was
// measured before it.
// Usage: node --max-old-space-size=N --expose-gc --import tsx evals/bench/scale-worker.ts '<job json>' RESULT_FILE
import { mkdir, writeFile } from 'node:fs/promises';
import { loadLexical, serialiseLexical } from '../../indexer/format/lexical.ts';
import { jiebaSegmenter } from '../../indexer/build/segment.ts';
import { wordTokens } from '../../indexer/language/tokens.ts';
import { baselineSearch, lexicalSearch } from '../../server/core/retrieve/lexical.ts';
import { loadSeed } from '../dataset.ts';
import { STARD_CORPUS, STATUTES_CORPUS } from './corpora.ts';
import { timeEach, timeOnce } from './measure.ts';
import { densePhase } from './scale-dense.ts';
import { gc, log, rssNow, type LexicalResult, type PhaseResult, type ScaleJob } from './scale-job.ts';
import { summarize } from './stats.ts';
import { buildSyntheticLexical, corpusVocabulary, lexicalQueryOf } from './synthetic.ts';

/** The index's typed arrays live outside the V8 heap, in array buffers. */
const heldBytes = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

async function lexicalPhase(job: ScaleJob, save: (r: LexicalResult) => Promise<void>): Promise<void> {
  const vocab = await corpusVocabulary([STATUTES_CORPUS, STARD_CORPUS]);
  const vocabulary = { actors: vocab.actors.length, phrases: vocab.actions.length, words: vocab.words };
  // The questions, formed as the assistant forms them; the synthetic text shares the statutes' vocabulary.
  const segment = jiebaSegmenter();
  const questions = (await loadSeed()).filter((q) => q.lang === 'zh').map((q) => q.question);
  const prepared = questions.map((q) => lexicalQueryOf(segment, q));
  const plain = questions.map((q) => wordTokens(segment, q, true));
  gc();
  const heapBefore = heldBytes();

  log(`lexical: building ${job.size} units from ${vocabulary.words} distinct words (budget ${Math.round(job.lexicalBudgetMs / 1000)} s)`);
  const built = buildSyntheticLexical(vocab, job.seed, job.size, job.lexicalBudgetMs, (done) => {
    if (done % 100_000 === 0) log(`lexical: ${done} units, rss ${(rssNow() / 1e9).toFixed(1)} GB`);
  });
  gc();
  const result: LexicalResult = {
    vocabulary,
    units: built.done,
    truncated: built.done < job.size,
    buildMs: built.ms,
    rssAfterBuildBytes: rssNow(),
    indexHeapBytes: heldBytes() - heapBefore,
  };
  await save(result);

  log(`lexical: ${questions.length} questions`);
  const ours = await timeEach(prepared, (q) => lexicalSearch(built.index, [], q), job.lexicalQueryLimits);
  const base = await timeEach(plain, (w) => baselineSearch(built.index, w), job.lexicalQueryLimits);
  result.queries = { lexicalSearch: summarize(ours.samples), baselineSearch: summarize(base.samples), questions: questions.length };
  await save(result);

  // The index ships as lexical.bin, loaded as typed-array views over its bytes.
  try {
    log('lexical: serialising');
    const bytes = await timeOnce(() => serialiseLexical(built.index));
    if (job.lexicalFile) await writeFile(job.lexicalFile, bytes.value);
    result.serialise = { ms: bytes.ms, bytes: bytes.value.byteLength };
    log(`lexical: lexical.bin ${(result.serialise.bytes / 1e6).toFixed(0)} MB`);
    await save(result);
    result.loadMs = (await timeOnce(() => loadLexical(bytes.value))).ms;
  } catch (error) {
    result.serialise = { error: `${(error as Error).name}: ${(error as Error).message}` };
    log(`lexical: serialisation failed: ${result.serialise.error}`);
  }
  await save(result);
}


async function main(): Promise<void> {
  const [jobJson, resultFile] = process.argv.slice(2);
  if (!jobJson || !resultFile) throw new Error("usage: scale-worker.ts '<job json>' RESULT_FILE");
  const job = JSON.parse(jobJson) as ScaleJob;
  await mkdir(job.scratch, { recursive: true });
  const write = (r: PhaseResult) => writeFile(resultFile, JSON.stringify(r));
  if (job.phase === 'lexical') await lexicalPhase(job, (lexical) => write({ size: job.size, phase: job.phase, lexical }));
  else await densePhase(job, (dense) => write({ size: job.size, phase: job.phase, dense }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`scale worker failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
