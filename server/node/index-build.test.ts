import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssistant, loadIndexData } from './assistant.ts';
import { buildIndex } from '../../indexer/build/build.ts';
import { stardDir } from '../../indexer/config/env.ts';
import { indexConfigFromEnv, type IndexConfig } from '../../indexer/config/index-config.ts';
import { loadCorpus } from '../../indexer/build/corpus.ts';
import { IndexLoadError } from '../../indexer/format/manifest.ts';
import { currentVersionDir } from '../../indexer/format/node-files.ts';
import { testModelConfig, writeTestModel } from '../../indexer/build/test-model.ts';

let tmp: string;
const lexicalConfig = (outDir: string, corpusDir = 'corpus'): IndexConfig => ({ ...indexConfigFromEnv({}), corpusDir, outDir, model: null });

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-build-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('index build and store', () => {
  it('builds lexical-only, says why, and skips an unchanged rebuild', async () => {
    const out = join(tmp, 'idx');
    const lines: string[] = [];
    const first = await buildIndex({ config: lexicalConfig(out), log: (l) => lines.push(l) });
    expect(first.status).toBe('built');
    if (first.status === 'failed') return;
    expect(first.manifest.dense).toBe(false);
    expect(first.manifest.denseNote).toMatch(/no embedding model/);
    expect(lines.filter((l) => l.startsWith('Dense retrieval off'))).toHaveLength(1);
    expect(first.manifest.counts).toMatchObject({ regulations: 2, articles: 94 });
    for (const name of ['corpus.json', 'units.json', 'lexical.bin', 'dictionary.txt', 'glossary.json', 'lint.json']) {
      expect(first.manifest.files[name]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const second = await buildIndex({ config: lexicalConfig(out) });
    expect(second.status).toBe('up-to-date');
    const forced = await buildIndex({ config: lexicalConfig(out), force: true });
    expect(forced.status).toBe('built');
    // The new version is current; the previous one stays for readers that still hold it.
    const versions = (await readdir(out)).filter((e) => e.startsWith('v-'));
    expect(versions).toHaveLength(2);
    expect(await currentVersionDir(out)).toBe(forced.status === 'built' ? forced.dir : '');
  });

  it('rebuilds when the corpus changes', async () => {
    const corpusDir = join(tmp, 'corpus-copy');
    await cp('corpus', corpusDir, { recursive: true });
    const out = join(tmp, 'idx-change');
    await buildIndex({ config: lexicalConfig(out, corpusDir) });
    const file = join(corpusDir, '002_445e4322f3f9133e.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('本条例自', '本条例从'));
    expect((await buildIndex({ config: lexicalConfig(out, corpusDir) })).status).toBe('built');
  });

  it('refuses a manifest that does not validate, leaving the old index untouched', async () => {
    const corpusDir = join(tmp, 'bad-corpus');
    await cp('corpus', corpusDir, { recursive: true });
    const out = join(tmp, 'idx-bad');
    const good = await buildIndex({ config: lexicalConfig(out, corpusDir) });
    await writeFile(join(corpusDir, 'manifest.json'), '{"regulations":[{"id":"Bad Id"}]}');
    const result = await buildIndex({ config: lexicalConfig(out, corpusDir) });
    expect(result.status).toBe('failed');
    expect(result.issues.some((i) => i.severity === 'fatal' && i.code === 'manifest')).toBe(true);
    expect(await currentVersionDir(out)).toBe(good.status === 'built' ? good.dir : null);
  });

  it('detects a corrupted, truncated or foreign artefact at load and names the file and the fix', async () => {
    const out = join(tmp, 'idx-corrupt');
    const built = await buildIndex({ config: lexicalConfig(out) });
    if (built.status === 'failed') throw new Error('build failed');
    const units = join(built.dir, 'units.json');
    const original = await readFile(units);

    await writeFile(units, Buffer.from(original).fill(0x20, 100, 110));
    await expect(loadIndexData(out)).rejects.toThrow(/checksum mismatch.*units\.json.*npm run index/);

    await writeFile(units, original);
    await truncate(units, 1000);
    await expect(loadIndexData(out)).rejects.toThrow(/truncated/);

    await writeFile(units, original);
    const manifestFile = join(built.dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, schemaVersion: 999 }));
    const error = await loadIndexData(out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as IndexLoadError).file).toBe(manifestFile);
  });

  it('indexes a plain folder of statutes whose first line is the title (STARD layout)', async () => {
    const stard = join(stardDir(), 'corpus');
    const corpus = await loadCorpus(stard);
    expect(corpus.regulations).toHaveLength(133);
    expect(corpus.regulations.reduce((n, r) => n + r.articles.length, 0)).toBe(1445);
    expect(corpus.issues.filter((i) => i.severity === 'fatal' || i.severity === 'warning')).toEqual([]);
    expect(corpus.regulations.find((r) => r.id === 'law-001')?.title).toBe('专利法实施细则');
  });
});

describe('dense index with the generated test model (real transformers.js + hnswlib)', () => {
  it('embeds every unit, persists HNSW, and the loaded assistant searches it', async () => {
    const { regulations } = await loadCorpus('corpus');
    const chars = [...new Set(regulations.flatMap((r) => r.articles.map((a) => a.text)).join('').replace(/\s/g, ''))];
    const model = await writeTestModel(join(tmp, 'models'), { vocab: chars, dims: 48 });
    const out = join(tmp, 'idx-dense');
    const progress: number[] = [];
    const config: IndexConfig = {
      ...lexicalConfig(out),
      model: testModelConfig(model, { batchSize: 16 }),
    };
    const built = await buildIndex({ config, onEmbedProgress: (done) => progress.push(done) });
    if (built.status === 'failed') throw new Error('build failed');
    expect(built.manifest.dense).toBe(true);
    expect(built.manifest.model).toMatchObject({ id: model.modelId, dims: 48 });
    expect(built.manifest.files['hnsw.bin']?.bytes).toBeGreaterThan(0);
    expect(built.manifest.files['vectors.f32']?.bytes).toBe(built.manifest.counts.units * 48 * 4);
    expect(progress.at(-1)).toBe(built.manifest.counts.units);

    const env = { REGQA_MODEL_DIR: model.modelDir, REGQA_OFFLINE: '1' };
    const dense = await loadAssistant(out, { env, mode: 'dense' });
    expect(dense.health()).toMatchObject({ dense: true, model: model.modelId });
    const hits = await dense.search('县级以上人民政府有关部门应当明确数据专员', 3);
    // Both regulations' 第十四条 carry this sentence almost word for word.
    expect(hits[0]!.label).toMatch(/^第十四条第[一三]款$/);

    // The model vanishing after the build degrades to lexical-only, with the reason in health.
    const warnings: string[] = [];
    const degraded = await loadAssistant(out, { env: { REGQA_MODEL_DIR: join(tmp, 'nowhere'), REGQA_OFFLINE: '1' }, warn: (l) => warnings.push(l) });
    expect(degraded.health().dense).toBe(false);
    expect(degraded.health().denseNote).toMatch(/could not be loaded/);
    expect(warnings[0]).toMatch(/lexical-only/);
    expect((await degraded.ask({ question: '谁应当明确数据专员？' })).found).toBe(true);
  });
});

describe('a build killed mid-way (SIGKILL)', () => {
  const cli = (out: string) =>
    spawn(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', '--out', out, '--force'], {
      env: { ...process.env, REGQA_MODEL: 'none' },
      stdio: 'ignore',
    });

  it('leaves the previous index intact and usable at every kill point, and the next build completes', async () => {
    const out = join(tmp, 'idx-kill');
    const first = await buildIndex({ config: lexicalConfig(out) });
    if (first.status === 'failed') throw new Error('build failed');
    for (const delayMs of [150, 600, 1200, 1800, 2600]) {
      const child = cli(out);
      // Listen before the delay: a build faster than the delay exits before the kill.
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await exited;
      const current = await currentVersionDir(out);
      // Either the old version or a complete new one, never a partial directory.
      const data = await loadIndexData(out);
      expect(data.manifest.counts.articles).toBe(94);
      expect(current).not.toContain('.build-');
    }
    const done = await buildIndex({ config: lexicalConfig(out), force: true });
    expect(done.status).toBe('built');
    const leftovers = (await readdir(out)).filter((e) => e.startsWith('.build-'));
    expect(leftovers).toEqual([]);
    const assistant = await loadAssistant(out);
    expect((await assistant.ask({ question: '谁应当明确数据专员？' })).citations.length).toBeGreaterThan(0);
  }, 60_000);
});
