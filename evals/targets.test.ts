// The HTTP target against a stub server: request shape, search ranking, 429 handling, and that a
// run over HTTP scores the same way as in-process.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalQuestion } from './dataset.ts';
import { Catalogue } from './refs.ts';
import { runQuestions } from './run.ts';
import { httpTarget } from './targets.ts';

const para = (number: number) => ({ number, text: '', items: [] });
const catalogue = new Catalogue([
  {
    id: 'r',
    title: '某条例',
    articles: [1, 2, 3].map((n) => ({ no: { n, sub: 0 }, label: `第${'一二三'[n - 1]}条`, chapters: [], text: '', paragraphs: [para(1), para(2)] })),
    sections: [],
  },
]);

const seen: { method: string; url: string; body: unknown }[] = [];
let rateLimitOnce = true;
let server: Server;
let base: string;

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : null;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', body });
    res.setHeader('content-type', 'application/json');
    if (rateLimitOnce) {
      rateLimitOnce = false;
      res.writeHead(429, { 'retry-after': '1' }).end(JSON.stringify({ error: { code: 'rate_limited', message: '' } }));
      return;
    }
    const citation = (article: number, paragraph: number | null) => ({ regulationId: 'r', regulationTitle: '某条例', article, sub: 0, paragraph, label: `第${'一二三四五六七八九'[article - 1]}条`, text: '', score: 1 });
    if (req.url?.startsWith('/api/ask')) {
      const q = (body as { question: string }).question;
      if (q === 'none') return res.end(JSON.stringify({ answer: '没有', found: false, lang: 'zh', citations: [] }));
      return res.end(JSON.stringify({ answer: '…', found: true, lang: 'zh', citations: [citation(2, 1), citation(9, null)] }));
    }
    if (req.url?.startsWith('/api/search')) return res.end(JSON.stringify([citation(3, null), citation(2, 1), citation(1, null)]));
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const question = (id: string, text: string, gold: number[], extra: Partial<EvalQuestion> = {}): EvalQuestion => ({
  id,
  split: 'test',
  kind: 'k',
  lang: 'zh',
  question: text,
  gold: gold.map((article) => ({ regulationId: 'r', article, sub: 0, paragraph: null, section: null })),
  acceptable: [],
  ...extra,
});

describe('httpTarget', () => {
  it('asks, ranks by /api/search, waits out a 429 and flags fabricated citations', async () => {
    const sleeps: number[] = [];
    const target = httpTarget(base, { sleep: async (ms) => void sleeps.push(ms) });
    const results = await runQuestions(
      [
        question('q1', '数据专员', [2], { regulationId: 'r' }),
        question('q2', '那企业呢？', [2], { history: [{ role: 'user', content: '谁应当明确数据专员？' }] }),
        question('q3', 'none', []),
      ],
      target,
      { k: 10, catalogue },
    );
    expect(sleeps).toEqual([1000]);
    const [q1, q2, q3] = results;
    expect(q1).toMatchObject({ found: true, rankingSource: 'search', ranked: ['r#3', 'r#2', 'r#1'], goldRank: 2 });
    expect(q1!.cited.map((c) => [c.key, c.fabricated !== null])).toEqual([
      ['r#2', false],
      ['r#9', true],
    ]);
    // A follow-up is ranked by its citations: search cannot see the history.
    expect(q2).toMatchObject({ rankingSource: 'citations', ranked: ['r#2', 'r#9'], goldRank: 1 });
    expect(q3).toMatchObject({ found: false, cited: [], ranked: [] });

    const asks = seen.filter((s) => s.url.startsWith('/api/ask'));
    expect(asks[1]?.body).toEqual({ question: '数据专员', history: [], regulationId: 'r' });
    expect(asks[2]?.body).toMatchObject({ history: [{ role: 'user', content: '谁应当明确数据专员？' }] });
    const search = seen.find((s) => s.url.startsWith('/api/search'));
    expect(new URL(search!.url, base).searchParams.get('regulationId')).toBe('r');
  });

  it('reports a server that is not there', async () => {
    const target = httpTarget('http://127.0.0.1:9', { timeoutMs: 2000 });
    await expect(runQuestions([1, 2, 3].map((i) => question(`q${i}`, 'x', [1])), target, { k: 10, catalogue })).rejects.toThrow(/first questions all failed/);
  });
});
