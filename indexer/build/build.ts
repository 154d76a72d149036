// Corpus folder → a committed, versioned index. Skips the work when corpus and configuration are
// unchanged; never touches the current index until the new one is complete.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { IndexConfig } from '../config/index-config.ts';
import { ARTEFACTS, SCHEMA_VERSION } from '../format/artefacts.ts';
import { loadCorpus } from './corpus.ts';
import { userDictionary } from './dictionary.ts';
import { buildLexical, serialiseLexical } from '../format/lexical.ts';
import { hasFatal, type LintIssue } from './lint.ts';
import { encodeLearned, LEARNED_VERSION } from '../learn/artefact.ts';
import { learnFromLog, readDecision, readLog } from './learn.ts';
import { jiebaDictionaryWords, jiebaSegmenter, jiebaTag } from './segment.ts';
import type { IndexManifest } from '../format/manifest.ts';
import { currentVersionDir, fileSource, readManifest } from '../format/node-files.ts';
import { readVerified } from '../format/reader.ts';
import { packVectors } from '../format/vectors.ts';
import { unitsOf, type Unit } from '../statute/units.ts';
import { buildHnsw, saveHnsw } from './hnsw.ts';
import { acquireIndexLock } from './lock.ts';
import { IndexWriter } from './write.ts';

// CC-CEDICT's senses and transformers.js are loaded only when an index is really built, so the
// staleness check at every `npm start` stays light.
const glossaryModule = () => import('./glossary.ts');
const cedictModule = () => import('./cedict.ts');
const embedModule = () => import('./embed.ts');

export interface BuildOptions {
  config: IndexConfig;
  force?: boolean;
  log?: (line: string) => void;
  /** Called while embedding: units done, units in all. */
  onEmbedProgress?: (done: number, total: number) => void;
}

export type BuildResult =
  | { status: 'built' | 'up-to-date'; dir: string; manifest: IndexManifest; issues: LintIssue[] }
  | { status: 'failed'; issues: LintIssue[] };

/** Everything in the configuration that changes what the index contains. */
export function configHash(config: IndexConfig): string {
  const model = config.model && { ...config.model, batchSize: undefined };
  return createHash('sha256').update(JSON.stringify({ SCHEMA_VERSION, LEARNED_VERSION, model, hnsw: config.model ? config.hnsw : null })).digest('hex');
}

export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  const { config, log = () => {} } = options;
  const corpus = await loadCorpus(config.corpusDir);
  if (hasFatal(corpus.issues)) return { status: 'failed', issues: corpus.issues };

  const wantedConfig = configHash(config);
  const questionLog = await readLog(config.corpusDir, config.questionLog);
  // The calibrated model weighs signals the log teaches (translation strength, words known through the
  // table); without a log they are all zero, a question unlike any it was fitted on: the coverage
  // threshold decides instead.
  const decision = questionLog ? await readDecision(config.corpusDir) : null;
  const upToDate = async (): Promise<BuildResult | null> => {
    const existing = await existingManifest(config.outDir);
    const sameLearning =
      (existing?.manifest.questionLog?.sha256 ?? null) === (questionLog?.sha256 ?? null) && (existing?.manifest.decision?.sha256 ?? null) === (decision?.sha256 ?? null);
    return existing && existing.manifest.corpusHash === corpus.hash && existing.manifest.configHash === wantedConfig && sameLearning
      ? { status: 'up-to-date', dir: existing.dir, manifest: existing.manifest, issues: corpus.issues }
      : null;
  };
  // Checked before locking too, so that a read-only root with a current index needs no write at all.
  if (!options.force) {
    const current = await upToDate();
    if (current) return current;
  }
  // One build per index root; a build that waited for another checks again, since that one may have built just this.
  const lock = await acquireIndexLock(config.outDir, { onWait: (holder) => log(`Waiting for the build in progress (pid ${holder.pid}) to finish…`) });
  try {
    return (!options.force && (await upToDate())) || (await buildLocked(options, corpus, wantedConfig, { questionLog, decision }));
  } finally {
    await lock.release();
  }
}

interface Learning {
  questionLog: Awaited<ReturnType<typeof readLog>>;
  decision: Awaited<ReturnType<typeof readDecision>>;
}

async function buildLocked(options: BuildOptions, corpus: Awaited<ReturnType<typeof loadCorpus>>, wantedConfig: string, { questionLog, decision }: Learning): Promise<BuildResult> {
  const { config, log = () => {} } = options;
  const started = Date.now();
  const dictionary = userDictionary(corpus.regulations, jiebaTag);
  const segment = jiebaSegmenter(dictionary);
  const units = unitsOf(corpus.regulations);
  const lexical = buildLexical(segment, units);
  const senses = await (await cedictModule()).loadSenses(config.cacheDir);
  const { buildGlossary, GlossLookup, layGlosses } = await glossaryModule();
  const glossary = buildGlossary(units, segment, senses);
  const lookup = new GlossLookup(senses);
  const learned = await learnFromLog({
    corpusDir: config.corpusDir,
    log: questionLog,
    regulations: corpus.regulations,
    units,
    segment,
    glossary,
    glosses: (word) => lookup.glosses(word),
    pivotCandidates: await jiebaDictionaryWords(),
  });
  log(learned.note);
  if (!decision) log(questionLog ? 'No answerability model (decision.json beside the corpus): the coverage threshold decides what is not covered.' : 'No question log, so no answerability model either (it is fitted on the log\'s signals): the coverage threshold decides what is not covered.');

  const writer = await IndexWriter.create(config.outDir);
  try {
    await writer.write(ARTEFACTS.corpus, JSON.stringify({ regulations: corpus.regulations }));
    await writer.write(ARTEFACTS.units, JSON.stringify(units));
    await writer.write(ARTEFACTS.lexical, serialiseLexical(lexical));
    await writer.write(ARTEFACTS.dictionary, dictionary.join('\n'));
    await writer.write(ARTEFACTS.glossary, JSON.stringify({ ...glossary, lay: layGlosses(learned.model.reverse.keys(), glossary, lookup) }));
    await writer.write(ARTEFACTS.learned, encodeLearned(learned.model));
    await writer.write(ARTEFACTS.decision, decision?.text ?? 'null');
    await writer.write(ARTEFACTS.lint, JSON.stringify(corpus.issues, null, 1));
    const dense = await buildDense(writer, units, options);
    if (!dense.model) log(`Dense retrieval off: ${dense.note} The index is lexical-only (BM25).`);
    const articles = corpus.regulations.reduce((n, r) => n + r.articles.length, 0);
    const dir = await writer.commit({
      builtAt: new Date().toISOString(),
      corpusHash: corpus.hash,
      configHash: wantedConfig,
      counts: { regulations: corpus.regulations.length, articles, units: units.length, dictionary: dictionary.length },
      dense: dense.model !== null,
      denseNote: dense.model ? null : dense.note,
      model: dense.model,
      hnsw: dense.model ? config.hnsw : null,
      questionLog: learned.model.log && { file: learned.model.log.file, sha256: learned.model.log.sha256, entries: learned.model.log.entries },
      decision: decision && { sha256: decision.sha256, fittedAt: decision.model.fitted.at },
    });
    log(`Indexed ${corpus.regulations.length} regulations, ${articles} articles, ${units.length} units in ${Date.now() - started} ms → ${dir}`);
    return { status: 'built', dir, manifest: await readManifest(dir), issues: corpus.issues };
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

type DenseResult = { model: IndexManifest['model']; note: string };

async function buildDense(writer: IndexWriter, units: Unit[], options: BuildOptions): Promise<DenseResult> {
  const { model } = options.config;
  if (!model) return { model: null, note: 'no embedding model configured (REGQA_MODEL=none).' };
  const { EmbedderUnavailable, loadEmbedder } = await embedModule();
  let embedder;
  try {
    embedder = await loadEmbedder(model, options.log);
  } catch (error) {
    if (error instanceof EmbedderUnavailable) return { model: null, note: `${error.reason}.` };
    throw error;
  }
  const vectors = await embedder.embedPassages(
    units.map((u) => u.text),
    options.onEmbedProgress,
  );
  await writer.write(ARTEFACTS.vectors, packVectors(vectors));
  const hnsw = buildHnsw(vectors, options.config.hnsw);
  await saveHnsw(hnsw, join(writer.dir, ARTEFACTS.hnsw));
  await writer.adopt(ARTEFACTS.hnsw);
  return {
    model: { id: model.id, dims: embedder.dims, pooling: model.pooling, quantized: model.quantized, queryInstruction: model.queryInstruction },
    note: '',
  };
}

async function existingManifest(root: string): Promise<{ dir: string; manifest: IndexManifest } | null> {
  try {
    const dir = await currentVersionDir(root);
    if (!dir) return null;
    // "Up to date" means the current version is whole: every artefact present with its checksum.
    const manifest = await readManifest(dir);
    await readVerified(fileSource(dir), manifest.files, []);
    return { dir, manifest };
  } catch {
    // An unreadable index is as good as none: rebuild it.
    return null;
  }
}
