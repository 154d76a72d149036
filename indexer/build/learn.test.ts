// The learning build step on the real corpus, its real question log, real jieba and real CC-CEDICT.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexConfigFromEnv } from '../config/index-config.ts';
import { IndexLoadError } from '../format/manifest.ts';
import { decodeLearned, encodeLearned, type LearnedModel } from '../learn/artefact.ts';
import { QuestionLogError } from '../learn/log.ts';
import { unitsOf } from '../statute/units.ts';
import { loadSenses } from './cedict.ts';
import { loadCorpus } from './corpus.ts';
import { userDictionary } from './dictionary.ts';
import { buildGlossary, GlossLookup, layGlosses } from './glossary.ts';
import { learnFromLog, readLog, type LearnInput } from './learn.ts';
import { jiebaDictionaryWords, jiebaSegmenter, jiebaTag } from './segment.ts';

let input: Omit<LearnInput, 'log'>;
let learned: LearnedModel;
let tmp: string;
let lookup: GlossLookup;

beforeAll(async () => {
  const { regulations } = await loadCorpus('corpus');
  const segment = jiebaSegmenter(userDictionary(regulations, jiebaTag));
  const units = unitsOf(regulations);
  const senses = await loadSenses(indexConfigFromEnv().cacheDir);
  lookup = new GlossLookup(senses);
  input = { corpusDir: 'corpus', regulations, units, segment, glossary: buildGlossary(units, segment, senses), glosses: (w) => lookup.glosses(w), pivotCandidates: await jiebaDictionaryWords() };
  learned = (await learnFromLog({ ...input, log: await readLog('corpus', null) })).model;
  tmp = await mkdtemp(join(tmpdir(), 'regqa-learn-'));
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('learning from the question log', () => {
  it('learns from every answered question of corpus/questions.jsonl, pointing at real units', async () => {
    const lines = (await readFile('corpus/questions.jsonl', 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { gold: unknown[] });
    expect(learned.log).toMatchObject({ file: 'corpus/questions.jsonl', entries: lines.length, answered: lines.filter((l) => l.gold.length > 0).length });
    expect(learned.questions).toHaveLength(learned.log!.answered);
    for (const q of learned.questions) for (const u of q.units) expect(input.units[u]).toBeDefined();
    // 商家收集我的个人信息… is answered by 贵州条例第十九条: its unit is the one learned from.
    const q = learned.questions.find((x) => x.text.startsWith('商家收集'))!;
    expect(q.units.map((u) => `${input.units[u]!.regulationId} ${input.units[u]!.label}`)).toEqual(['guizhou-big-data 第十九条']);
    expect(learned.translation.size).toBeGreaterThan(100);
    expect(learned.reverse.size).toBeGreaterThan(100);
  });

  it('bridges lay words through CC-CEDICT glosses to the corpus wording', () => {
    expect(learned.pivot.get('种地')?.map(([t]) => t)).toContain('农业');
    for (const [word, synonyms] of learned.pivot) expect(synonyms.some(([t]) => t === word)).toBe(false);
  });

  it('glosses the askers\' own words the corpus lacks, for English questions to reach them', () => {
    const lay = layGlosses(learned.reverse.keys(), input.glossary, lookup);
    // 手机信号差 (a logged question) teaches 信号, a word no statute uses.
    expect(input.glossary.terms['信号']).toBeUndefined();
    expect(lay['信号']).toContain('signal');
    for (const word of Object.keys(lay)) expect(input.glossary.terms[word]).toBeUndefined();
    expect(layGlosses([], input.glossary, lookup)).toEqual({});
  });

  it('builds without a log, and says so', async () => {
    const { model, note } = await learnFromLog({ ...input, log: null });
    expect(model.log).toBeNull();
    expect(model.translation.size).toBe(0);
    expect(model.pivot.size).toBeGreaterThan(0);
    expect(note).toMatch(/No question log/);
  });

  it('refuses a log that names an article the corpus does not have, naming the entry', async () => {
    const file = join(tmp, 'bad.jsonl');
    await writeFile(file, `${JSON.stringify({ question: '第九十九条说什么？', gold: [{ regulationId: 'guizhou-big-data', article: 99 }], source: 'test entry' })}\n`);
    const log = await readLog('corpus', file);
    await expect(learnFromLog({ ...input, log })).rejects.toThrow(QuestionLogError);
    await expect(learnFromLog({ ...input, log })).rejects.toThrow(/test entry: guizhou-big-data has no article 99/);
    await expect(readLog('corpus', join(tmp, 'missing.jsonl'))).rejects.toThrow(/cannot read the question log/);
  });

  it('round-trips through learned.json and refuses another version', () => {
    const decoded = decodeLearned(encodeLearned(learned));
    expect(decoded.questions).toEqual(learned.questions);
    // The corpus log's curated questions stay marked, so that fits and ablations can tell them apart.
    expect(decoded.questions.filter((q) => q.curated).length).toBeGreaterThan(100);
    expect(decoded.questions.filter((q) => !q.curated).length).toBeGreaterThan(50);
    expect(decoded.unitWords).toEqual(learned.unitWords);
    const terms = (t: LearnedModel['pivot']) => [...t].map(([w, list]) => [w, list.map(([x]) => x)]);
    expect(terms(decoded.pivot)).toEqual(terms(learned.pivot));
    const [word, row] = [...learned.translation][0]!;
    expect(decoded.translation.get(word)!.map(([t]) => t)).toEqual(row.map(([t]) => t));
    const json = JSON.parse(encodeLearned(learned)) as { version: number };
    expect(() => decodeLearned(JSON.stringify({ ...json, version: 99 }))).toThrow(IndexLoadError);
  });
});
