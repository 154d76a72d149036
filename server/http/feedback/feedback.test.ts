// Feedback → review → question log → rebuilt index, end to end on the real SQLite database, the real
// server and a real copy of the corpus (its own question log removed, so the log holds only what the
// review page writes): a confirmed question changes what the next build's index answers, feedback that
// is unreviewed or rejected changes nothing. And the review page's protections.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../indexer/build/build.ts';
import { indexConfigFromEnv } from '../../../indexer/config/index-config.ts';
import { loadAssistant, loadIndexData } from '../../node/assistant.ts';
import { openSqlite } from '../../node/feedback-sqlite.ts';
import type { Assistant } from '../../core/types.ts';
import { startServer, testConfig, type TestServer } from '../test-server.ts';
import { openFeedbackStore } from './store.ts';

const TOKEN = 'a-long-admin-token-for-tests';
/** Each with the reviewer's gold line and the clause it names, as `top` shows it. */
const CONFIRMED = { question: '部门要安排专人管数据吗？', gold: 'guizhou-big-data 14 3', clause: 'guizhou-big-data 第十四条第三款' };
/** Left unreviewed until the last test; its comment names 第十四条第四款 (首席数据官), which it is not answered with. */
const UNCONFIRMED = { question: '企业要设数据负责人吗？', gold: 'guizhou-big-data 14 4', clause: 'guizhou-big-data 第十四条第四款' };
/** Its comment (第十五条) is wrong: the reviewer rejects it. */
const REJECTED = '谁应当明确数据专员？';

let tmp: string;
let corpus: string;
let server: TestServer;
let assistant: Assistant;

async function build(name: string): Promise<Assistant> {
  const outDir = join(tmp, name);
  const result = await buildIndex({ config: { ...indexConfigFromEnv({}), corpusDir: corpus, outDir, model: null } });
  if (result.status === 'failed') throw new Error(JSON.stringify(result.issues));
  return loadAssistant(outDir);
}

/** The clauses an assistant answers `question` with, best first. */
const answer = async (a: Assistant, question: string) => (await a.ask({ question })).citations.map((c) => `${c.regulationId} ${c.label}`);
const top = async (a: Assistant, question: string) => (await answer(a, question))[0];
/** The questions an index learned from (its build read them from the corpus's question log). */
const learnedQuestions = async (name: string) => (await loadIndexData(join(tmp, name))).data.learned.questions.map((q) => q.text);

function post(path: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...headers },
    body: new URLSearchParams(body),
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-feedback-'));
  corpus = join(tmp, 'corpus');
  await cp('corpus', corpus, { recursive: true });
  await rm(join(corpus, 'questions.jsonl'), { force: true });
  assistant = await build('index-before');
  server = await startServer(assistant, testConfig({ adminToken: TOKEN, feedbackDb: join(tmp, 'feedback.sqlite') }), corpus);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function feedback(question: string, rating: 'up' | 'down', comment?: string): Promise<number> {
  const answer = await assistant.ask({ question });
  const res = await fetch(`${server.url}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ question, answer: answer.answer, lang: 'zh', rating, comment, citations: answer.citations.map(({ regulationId, article, paragraph, label }) => ({ regulationId, article, paragraph, label })) }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe('feedback → review → question log → next index', () => {
  let session = '';
  let formToken = '';

  it('stores feedback and rejects malformed feedback with a 400', async () => {
    const res = await fetch(`${server.url}/api/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'x', rating: 'meh' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^(missing_field|invalid_field|wrong_type)$/);
  });

  it('lets an official log in with the token only, and review', async () => {
    await feedback(CONFIRMED.question, 'down', '应该是第十四条第三款');
    await feedback(UNCONFIRMED.question, 'down', '应该是第十四条第四款');
    await feedback(REJECTED, 'down', '应该是第十五条');

    expect(await (await fetch(`${server.url}/review`)).text()).toContain('管理口令');
    expect((await post('/review/login', { token: 'wrong-token-of-some-length' })).status).toBe(401);
    const login = await post('/review/login', { token: TOKEN });
    expect(login.status).toBe(303);
    session = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);

    const page = await (await fetch(`${server.url}/review`, { headers: { Cookie: session } })).text();
    for (const q of [CONFIRMED.question, UNCONFIRMED.question, REJECTED]) expect(page).toContain(q);
    // The cited clauses are the reviewer's starting point.
    const cited = (await assistant.ask({ question: CONFIRMED.question })).citations[0]!;
    expect(page).toContain(`${cited.regulationId} ${cited.article} ${cited.paragraph ?? ''}`.trim());
    formToken = /name="formToken" value="([^"]+)"/.exec(page)![1]!;
  });

  it('refuses decisions without a session, from another site, or without the form token', async () => {
    const store = await openFeedbackStore(openSqlite(join(tmp, 'feedback.sqlite')));
    const id = (await store.list('new', 10)).find((f) => f.question === CONFIRMED.question)!.id;
    const decide = { decision: 'confirm', gold: CONFIRMED.gold, formToken };
    expect((await post(`/review/${id}`, decide)).status).toBe(303); // no session: back to the login
    expect((await post(`/review/${id}`, decide, { Cookie: session, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(`/review/${id}`, { ...decide, formToken: 'forged' }, { Cookie: session })).status).toBe(403);
    expect((await post(`/review/${id}`, { ...decide, gold: 'guizhou-big-data 99' }, { Cookie: session })).status).toBe(400);
    expect((await store.get(id))!.status).toBe('new');
    expect(existsSync(join(corpus, 'questions.jsonl'))).toBe(false);
  });

  it('appends a confirmed question to the corpus question log, and nothing unreviewed or rejected', async () => {
    const store = await openFeedbackStore(openSqlite(join(tmp, 'feedback.sqlite')));
    const pending = await store.list('new', 10);
    const idOf = (q: string) => pending.find((f) => f.question === q)!.id;
    expect((await post(`/review/${idOf(CONFIRMED.question)}`, { decision: 'confirm', gold: CONFIRMED.gold, formToken }, { Cookie: session })).status).toBe(303);
    expect((await post(`/review/${idOf(REJECTED)}`, { decision: 'reject', gold: '', formToken }, { Cookie: session })).status).toBe(303);
    // A second decision on the same entry is refused.
    expect((await post(`/review/${idOf(CONFIRMED.question)}`, { decision: 'reject', gold: '', formToken }, { Cookie: session })).status).toBe(409);

    const lines = (await readFile(join(corpus, 'questions.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ question: CONFIRMED.question, gold: [{ regulationId: 'guizhou-big-data', article: 14, paragraph: 3 }], source: 'review', addedAt: expect.any(String) }]);
    expect((await store.get(idOf(UNCONFIRMED.question)))!.status).toBe('new');
    expect((await store.get(idOf(REJECTED)))!.status).toBe('rejected');
  });

  it('rebuilds the index from the corpus and its log: the confirmed question is answered as confirmed, the unconfirmed and the rejected as before', async () => {
    const before = { confirmed: await answer(assistant, CONFIRMED.question), unconfirmed: await answer(assistant, UNCONFIRMED.question), rejected: await answer(assistant, REJECTED) };
    // Otherwise nothing could show that the log changed anything.
    expect(before.confirmed[0]).not.toBe(CONFIRMED.clause);
    expect(before.unconfirmed).not.toContain(UNCONFIRMED.clause);
    expect(await learnedQuestions('index-before')).toEqual([]);

    const after = await build('index-after');
    expect(await learnedQuestions('index-after')).toEqual([CONFIRMED.question]);
    expect(await top(after, CONFIRMED.question)).toBe(CONFIRMED.clause);
    // The unconfirmed question's comment (第十四条第四款) and the rejected feedback taught nothing.
    expect(await answer(after, UNCONFIRMED.question)).toEqual(before.unconfirmed);
    expect(await answer(after, REJECTED)).toEqual(before.rejected);
  }, 60_000);

  it('changes the unconfirmed question’s answer too once an official confirms it: review, not feedback, is what teaches', async () => {
    const page = await (await fetch(`${server.url}/review`, { headers: { Cookie: session } })).text();
    expect(page).not.toContain(CONFIRMED.question);
    const store = await openFeedbackStore(openSqlite(join(tmp, 'feedback.sqlite')));
    const id = (await store.list('new', 10)).find((f) => f.question === UNCONFIRMED.question)!.id;
    expect((await post(`/review/${id}`, { decision: 'confirm', gold: UNCONFIRMED.gold, formToken }, { Cookie: session })).status).toBe(303);

    const next = await build('index-next');
    expect(await learnedQuestions('index-next')).toEqual([CONFIRMED.question, UNCONFIRMED.question]);
    expect(await top(next, UNCONFIRMED.question)).toBe(UNCONFIRMED.clause);
    expect(await top(next, CONFIRMED.question)).toBe(CONFIRMED.clause);
  }, 60_000);
});
