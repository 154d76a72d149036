// The feedback store on a real SQLite database: migrations, WAL, the row bound, decisions.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../node/feedback-sqlite.ts';
import { parseLog, resolveLog } from '../../../indexer/learn/log.ts';
import { questionLogFile } from '../../node/question-log.ts';
import { MIGRATIONS, openFeedbackStore, type NewFeedback } from './store.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'regqa-store-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const entry = (question: string): NewFeedback => ({ question, answer: '…', lang: 'zh', rating: 'up', citations: [] });

describe('feedback store', () => {
  it('migrates once, in WAL mode, and keeps its data across reopening', async () => {
    const file = join(dir, 'a.sqlite');
    const db = openSqlite(file);
    const store = await openFeedbackStore(db);
    const id = await store.add({ ...entry('问题一'), comment: '评论' });
    db.close();
    const again = openSqlite(file);
    await expect((await openFeedbackStore(again)).get(id)).resolves.toMatchObject({ question: '问题一', comment: '评论', status: 'new', gold: null });
    expect(await again.all<{ version: number }>('SELECT version FROM migrations', [])).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    again.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('stays within its row bound, dropping decided entries before undecided ones', async () => {
    const db = openSqlite(':memory:');
    const store = await openFeedbackStore(db, 3);
    const ids = [];
    for (const q of ['一', '二', '三']) ids.push(await store.add(entry(q)));
    expect(await store.decide(ids[1]!, 'rejected', null)).toBe(true);
    expect(await store.decide(ids[1]!, 'confirmed', [])).toBe(false);
    await store.add(entry('四'));
    const all = [...(await store.list('new', 10)), ...(await store.list('rejected', 10))].map((f) => f.question).sort();
    expect(all).toEqual(['一', '三', '四'].sort());
    db.close();
  });

  it('appends whole lines to the question log, also when appends overlap, that the index build reads back', async () => {
    const file = join(dir, 'questions.jsonl');
    const log = questionLogFile(file);
    await Promise.all(['甲', '乙', '丙'].map((q) => log.append(q, [{ regulationId: 'guizhou-big-data', article: 14 }], 'review')));
    await log.append('丁', [{ regulationId: 'guizhou-big-data', article: 133, sub: 1, paragraph: 2 }], 'review');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l).question)).toEqual(['甲', '乙', '丙', '丁']);
    const read = resolveLog(parseLog(text, file), [{ id: 'guizhou-big-data', title: '贵州省大数据发展应用促进条例' }], file);
    expect(read.at(-1)).toEqual({ question: '丁', source: 'review', curated: false, gold: [{ regulationId: 'guizhou-big-data', article: 133, sub: 1, paragraph: 2, section: null }] });
    await expect(log.append('', [{ regulationId: 'guizhou-big-data', article: 14 }], 'review')).rejects.toThrow();
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(5);
  });
});
