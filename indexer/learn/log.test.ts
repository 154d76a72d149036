import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../build/corpus.ts';
import { parseLog, QuestionLogError, resolveLog } from './log.ts';

const { regulations } = await loadCorpus('corpus');

describe('question log', () => {
  it('reads the project corpus log and resolves every reference', async () => {
    const file = 'corpus/questions.jsonl';
    const log = resolveLog(parseLog(await readFile(file, 'utf8'), file), regulations, file);
    expect(log.length).toBeGreaterThan(50);
    const ids = new Set(regulations.map((r) => r.id));
    for (const q of log) for (const g of q.gold) expect(ids.has(g.regulationId)).toBe(true);
    // Verified out-of-corpus questions are kept, with no gold.
    expect(log.some((q) => q.gold.length === 0)).toBe(true);
  });

  it('never holds a seed TEST or lay question, nor a curated near-copy of any seed or lay question', async () => {
    const read = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { split: string; question: string });
    const seed = [...(await read('evals/datasets/seed-questions.jsonl')), ...(await read('evals/datasets/lay-questions.jsonl'))];
    expect(seed.filter((q) => q.split === 'lay').length).toBeGreaterThan(100);
    const test = new Set(seed.filter((q) => q.split !== 'dev').map((q) => q.question));
    const log = parseLog(await readFile('corpus/questions.jsonl', 'utf8'), 'corpus/questions.jsonl');
    expect(log.filter((q) => test.has(q.question))).toEqual([]);
    // Curated questions are written from the clause text; one worded like an eval question would make
    // the eval measure memory (character-bigram Jaccard, the rule they were filtered by when written).
    const bigrams = (text: string) => {
      const chars = [...text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')];
      return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
    };
    const jaccard = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length / new Set([...a, ...b]).size;
    const curated = log.filter((q) => q.curated);
    expect(curated.length).toBeGreaterThan(100);
    const seedGrams = seed.map((q) => bigrams(q.question));
    const nearCopies = curated.filter((q) => seedGrams.some((g) => jaccard(bigrams(q.question), g) >= 0.45)).map((q) => q.question);
    expect(nearCopies).toEqual([]);
  });

  it('resolves regulations named by title, as the STARD benchmark does', () => {
    const title = regulations[0]!.title;
    const line = JSON.stringify({ id: 'stard-1', question: '谁负责？', gold: [{ law: title, article: 14, label: '第十四条' }] });
    const [q] = resolveLog(parseLog(line, 'train.jsonl'), regulations, 'train.jsonl');
    expect(q).toEqual({ question: '谁负责？', source: 'train.jsonl:1', curated: false, gold: [{ regulationId: regulations[0]!.id, article: 14, sub: 0, paragraph: null, section: null }] });
  });

  it('rejects a malformed line with its file and line number', () => {
    const ok = JSON.stringify({ question: '什么是公共数据？', gold: [{ regulationId: 'guizhou-big-data', article: 49 }], source: 'x' });
    expect(() => parseLog(`${ok}\n{"question": "x"`, 'q.jsonl')).toThrow(/q\.jsonl:2: invalid JSON/);
    expect(() => parseLog(`${ok}\n\n${JSON.stringify({ question: '', gold: [] })}`, 'q.jsonl')).toThrow(/q\.jsonl:3: question/);
    const both = JSON.stringify({ question: 'x', gold: [{ regulationId: 'a', law: 'b', article: 1 }] });
    expect(() => parseLog(both, 'q.jsonl')).toThrow(QuestionLogError);
    const neither = JSON.stringify({ question: 'x', gold: [{ regulationId: 'a' }] });
    expect(() => parseLog(neither, 'q.jsonl')).toThrow(/an article or a section/);
  });

  it('refuses references to regulations the corpus does not hold', () => {
    const line = JSON.stringify({ question: '离婚冷静期多久？', gold: [{ law: '中华人民共和国民法典', article: 1077 }] });
    expect(() => resolveLog(parseLog(line, 'q.jsonl'), regulations, 'q.jsonl')).toThrow(/not in the corpus: 中华人民共和国民法典/);
  });
});
