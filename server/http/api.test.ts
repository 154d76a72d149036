// The HTTP API end to end: the real server on a free port, the real assistant over an index built from
// the corpus, and plain fetch. Error cases check the exact status, code and message.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestIndex, startServer, testConfig, type TestIndex, type TestServer } from './test-server.ts';

let index: TestIndex;
let server: TestServer;

beforeAll(async () => {
  index = await buildTestIndex();
  server = await startServer(index.assistant, testConfig({ corsOrigins: ['https://example.gov.cn'] }));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await index?.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

const ask = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
  });

async function expectError(res: Response, status: number, code: string, message: string) {
  expect({ status: res.status, body: await res.json() }).toEqual({ status, body: { error: { code, message } } });
}

/** A request whose path fetch would normalise (/widget.js/../package.json) must reach the server as written. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Bytes straight onto the socket, for requests no HTTP client would send. */
function rawRequest(bytes: Buffer): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

/** Reads a server-sent-event stream to the end: [event, parsed data] in order. */
async function sseEvents(res: Response): Promise<[string, unknown][]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      return [event, JSON.parse(data)];
    });
}

describe('GET /healthz', () => {
  it('reports the index', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', counts: { regulations: 2, articles: 94 }, dense: false, model: null });
    expect(body.denseNote).toMatch(/REGQA_MODEL=none/);
    expect(Number.isNaN(Date.parse(body.builtAt))).toBe(false);
  });
});

describe('POST /api/ask', () => {
  it('answers with the clauses it rests on', async () => {
    const res = await ask({ question: '谁应当明确数据专员？' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ found: true, lang: 'zh' });
    expect(body.answer).toContain('县级以上人民政府有关部门应当明确数据专员');
    const cited = body.citations.map((c: { regulationId: string; label: string }) => `${c.regulationId} ${c.label}`);
    expect(cited).toEqual(expect.arrayContaining(['guizhou-big-data 第十四条第三款', 'guiyang-digital-economy-draft 第十四条第一款']));
    expect(Object.keys(body.citations[0]).sort()).toEqual(['article', 'label', 'paragraph', 'regulationId', 'regulationTitle', 'score', 'sub', 'text']);
  });

  it('follows up on the history', async () => {
    const first = await (await ask({ question: '谁应当明确数据专员？' })).json();
    const res = await ask({
      question: '那企业呢？',
      history: [
        { role: 'user', content: '谁应当明确数据专员？' },
        { role: 'assistant', content: first.answer },
      ],
    });
    const body = await res.json();
    expect(body.found).toBe(true);
    expect(body.answer).toContain('首席数据官');
  });

  it('answers in English when asked to, and says when nothing is found', async () => {
    const en = await (await ask({ question: 'who must appoint a data specialist?', lang: 'en' })).json();
    expect(en).toMatchObject({ found: true, lang: 'en' });
    const none = await (await ask({ question: '个人所得税起征点是多少？' })).json();
    expect(none).toMatchObject({ found: false, citations: [] });
  });

  it('keeps to one regulation with regulationId', async () => {
    const body = await (await ask({ question: '谁应当明确数据专员？', regulationId: 'guizhou-big-data' })).json();
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.citations.every((c: { regulationId: string }) => c.regulationId === 'guizhou-big-data')).toBe(true);
  });

  it.each([
    ['Accept: text/event-stream', '/api/ask', { Accept: 'text/event-stream' }],
    ['?stream=1', '/api/ask?stream=1', {}],
  ])('streams the same answer as server-sent events with %s, ending with the citations', async (_, path, headers) => {
    const question = { question: '谁应当明确数据专员？' };
    const plain = await (await ask(question)).json();
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(question),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await sseEvents(res);
    const names = events.map(([name]) => name);
    expect(names.slice(-2)).toEqual(['citations', 'done']);
    const answers = events.filter(([name]) => name === 'answer');
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.length).toBe(names.length - 2);
    expect(answers.map(([, data]) => (data as { text: string }).text).join('')).toBe(plain.answer);
    expect(events.at(-2)?.[1]).toEqual({ found: plain.found, lang: plain.lang, citations: plain.citations });
  });

  it('still answers a wrong request with a JSON error when a stream was asked for', async () => {
    await expectError(await ask({ question: '' }, { Accept: 'text/event-stream' }), 400, 'question_empty', '问题不能为空。');
  });

  const history21 = Array.from({ length: 21 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: '问题' }));
  it.each<[string, unknown, string, string]>([
    ['an empty question', { question: '' }, 'question_empty', '问题不能为空。'],
    ['a whitespace-only question', { question: ' \n\t　' }, 'question_empty', '问题不能为空。'],
    ['a question over 2000 characters', { question: '数'.repeat(2001) }, 'question_too_long', '问题不能超过 2000 个字符。'],
    ['a control character', { question: '数据\u0007专员' }, 'question_invalid_chars', '问题包含不允许的控制字符或无效字符。'],
    ['a carriage return', { question: '数据\r专员' }, 'question_invalid_chars', '问题包含不允许的控制字符或无效字符。'],
    ['a lone surrogate', '{"question":"数据\\ud800专员"}', 'question_invalid_chars', '问题包含不允许的控制字符或无效字符。'],
    ['a question of the wrong type', { question: 42 }, 'wrong_type', '参数 question 应为字符串。'],
    ['no question', { history: [] }, 'missing_field', '缺少参数 question。'],
    ['a body that is not an object', [1, 2], 'body_not_object', '请求体应为 JSON 对象。'],
    ['a body that is not JSON', '{"question": 谁}', 'invalid_json', '请求体不是有效的 JSON。'],
    ['history of the wrong type', { question: '那企业呢？', history: 'earlier' }, 'wrong_type', '参数 history 应为数组。'],
    ['history over 20 turns', { question: '那企业呢？', history: history21 }, 'history_too_long', '对话历史最多 20 轮。'],
    [
      'a malformed turn',
      { question: '那企业呢？', history: [{ role: 'user', content: '谁？' }, { role: 'system', content: 'x' }] },
      'history_invalid',
      '对话历史第 2 轮格式有误：应为 {"role": "user" 或 "assistant", "content": 不超过 4000 字、不含控制字符的文本}。',
    ],
    ['an unknown lang', { question: '谁？', lang: 'fr' }, 'lang_invalid', 'lang 只能是 "zh" 或 "en"。'],
  ])('rejects %s with 400 and a Chinese message', async (_, body, code, message) => {
    await expectError(await ask(body), 400, code, message);
  });

  it('rejects bytes that are not UTF-8', async () => {
    const bytes = new Blob(['{"question":"', new Uint8Array([0xff, 0xfe]), '"}']);
    await expectError(await ask(bytes), 400, 'invalid_utf8', '请求体不是有效的 UTF-8 文本。');
  });

  it('rejects a body that is not declared JSON', async () => {
    const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '谁应当明确数据专员？' });
    await expectError(res, 400, 'body_not_json', '请求体必须是 JSON，Content-Type 应为 application/json。');
  });

  it('speaks English when the body says lang "en" or Accept-Language prefers English', async () => {
    await expectError(await ask({ question: '', lang: 'en' }), 400, 'question_empty', 'The question must not be empty.');
    await expectError(
      await ask({ question: 'x'.repeat(2001) }, { 'Accept-Language': 'en-GB,en;q=0.9,zh;q=0.5' }),
      400,
      'question_too_long',
      'The question must be at most 2000 characters long.',
    );
    await expectError(await ask({ question: '' }, { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }), 400, 'question_empty', '问题不能为空。');
  });

  it('accepts newlines and tabs in a question', async () => {
    expect((await ask({ question: '谁应当\n明确\t数据专员？' })).status).toBe(200);
  });

  it('answers 404 for an unknown regulation', async () => {
    await expectError(
      await ask({ question: '谁应当明确数据专员？', regulationId: 'shanghai-data' }),
      404,
      'regulation_not_found',
      '没有找到法规“shanghai-data”。可用的法规见 /api/regulations。',
    );
  });

  it('rejects a body over 64 KiB with 413 before parsing it, with or without Content-Length', async () => {
    const big = JSON.stringify({ question: 'x'.repeat(70 * 1024) });
    await expectError(await ask(big), 413, 'payload_too_large', '请求体超过 64 KiB 的上限。');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new Uint8Array(1024).fill(0x20));
        controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'payload_too_large', '请求体超过 64 KiB 的上限。');
  });
});

describe('GET /api/search', () => {
  it('ranks clauses in the citation shape', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('数据专员')}&k=2`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toHaveLength(2);
    expect(body[0]).toMatchObject({ article: 14, label: expect.stringMatching(/^第十四条/) });
    expect(body[0].score).toBeGreaterThanOrEqual(body[1].score);
  });

  it('filters by regulation', async () => {
    const body = await (await get(`/api/search?q=${encodeURIComponent('数据专员')}&regulationId=guiyang-digital-economy-draft`)).json();
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((c: { regulationId: string }) => c.regulationId === 'guiyang-digital-economy-draft')).toBe(true);
  });

  it.each([
    ['/api/search', 400, 'missing_field', '缺少参数 q。'],
    ['/api/search?q=', 400, 'query_empty', '搜索词不能为空。'],
    ['/api/search?q=x&k=0', 400, 'k_invalid', 'k 应为 1 到 50 之间的整数。'],
    ['/api/search?q=x&k=many', 400, 'k_invalid', 'k 应为 1 到 50 之间的整数。'],
    ['/api/search?q=%01', 400, 'query_invalid_chars', '搜索词包含不允许的控制字符或无效字符。'],
    ['/api/search?q=x&regulationId=nope', 404, 'regulation_not_found', '没有找到法规“nope”。可用的法规见 /api/regulations。'],
  ])('%s → %i %s', async (path, status, code, message) => {
    await expectError(await get(path), status, code, message);
  });
});

describe('regulations', () => {
  it('lists them', async () => {
    const body = await (await get('/api/regulations')).json();
    expect(body.regulations.map((r: { id: string; status: string }) => `${r.id} ${r.status}`)).toEqual([
      'guiyang-digital-economy-draft draft',
      'guizhou-big-data in-force',
    ]);
    expect(body.regulations[0]).toMatchObject({ articles: 44, sections: [{ id: 'notice', label: '公告' }] });
  });

  it('gives one in full', async () => {
    const body = await (await get('/api/regulations/guizhou-big-data')).json();
    expect(body).toMatchObject({ id: 'guizhou-big-data', title: '贵州省大数据发展应用促进条例', status: 'in-force' });
    expect(body.articles).toHaveLength(50);
  });

  it('gives one article, by number or with its 之N suffix', async () => {
    const res = await get('/api/regulations/guizhou-big-data/articles/14');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ regulationId: 'guizhou-big-data', status: 'in-force', article: { label: '第十四条', no: { n: 14, sub: 0 } } });
    expect(body.article.paragraphs[2].text).toContain('明确数据专员');
  });

  it.each([
    ['/api/regulations/shanghai-data', 404, 'regulation_not_found', '没有找到法规“shanghai-data”。可用的法规见 /api/regulations。'],
    ['/api/regulations/guiyang-digital-economy-draft/articles/36', 404, 'article_not_found', '《贵阳市数字经济促进条例（草案）》的文本中没有第三十六条。'],
    ['/api/regulations/guizhou-big-data/articles/133-1', 404, 'article_not_found', '《贵州省大数据发展应用促进条例》的文本中没有第一百三十三条之一（条文编号为 1 到 50）。'],
    ['/api/regulations/guizhou-big-data/articles/14-1', 404, 'article_not_found', '《贵州省大数据发展应用促进条例》的文本中没有第十四条之一。'],
    ['/api/regulations/guizhou-big-data/articles/0', 400, 'article_invalid', '条文编号“0”无效：应为数字，例如 14，或 133-1 表示第一百三十三条之一。'],
    ['/api/regulations/guizhou-big-data/articles/51', 404, 'article_not_found', '《贵州省大数据发展应用促进条例》的文本中没有第五十一条（条文编号为 1 到 50）。'],
    ['/api/regulations/guizhou-big-data/articles/第十四条', 400, 'article_invalid', '条文编号“第十四条”无效：应为数字，例如 14，或 133-1 表示第一百三十三条之一。'],
    ['/api/regulations/guizhou-big-data/articles/14a', 400, 'article_invalid', '条文编号“14a”无效：应为数字，例如 14，或 133-1 表示第一百三十三条之一。'],
    ['/api/regulations/guizhou-big-data/articles/-3', 400, 'article_invalid', '条文编号“-3”无效：应为数字，例如 14，或 133-1 表示第一百三十三条之一。'],
  ])('%s → %i %s', async (path, status, code, message) => {
    const [base = '', last = ''] = path.split(/\/(?=[^/]*$)/);
    await expectError(await get(`${base}/${encodeURIComponent(last)}`), status, code, message);
  });

  it('says it in English for an English reader', async () => {
    await expectError(
      await get('/api/regulations/guiyang-digital-economy-draft/articles/36', { 'Accept-Language': 'en' }),
      404,
      'article_not_found',
      '第三十六条 (article 36) is not in the text of 《贵阳市数字经济促进条例（草案）》.',
    );
  });
});

describe('duties', () => {
  it('lists every duty of an actor', async () => {
    const res = await get(`/api/duties?actor=${encodeURIComponent('数据主管部门')}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.actor).toBe('数据主管部门');
    expect(body.matchedActors).toContain('县级以上人民政府数据主管部门');
    expect(body.groups.map((g: { regulationId: string }) => g.regulationId)).toEqual(['guiyang-digital-economy-draft', 'guizhou-big-data']);
    expect(body.groups[1].duties[0]).toMatchObject({ regulationId: 'guizhou-big-data', modality: expect.any(String), level: expect.any(String) });
  });

  it('filters by regulation', async () => {
    const body = await (await get(`/api/duties?actor=${encodeURIComponent('数据主管部门')}&regulationId=guizhou-big-data`)).json();
    expect(body.groups.map((g: { regulationId: string }) => g.regulationId)).toEqual(['guizhou-big-data']);
  });

  it('exports CSV that Excel reads: UTF-8 BOM, quoted fields, CRLF rows', async () => {
    const res = await get(`/api/duties.csv?actor=${encodeURIComponent('数据主管部门')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="duties.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = text.split('\r\n');
    expect(rows[0]).toBe('"法规","状态","条款","主体","层级","情态","职责","条文"');
    expect(rows.at(-1)).toBe('');
    const json = await (await get(`/api/duties?actor=${encodeURIComponent('数据主管部门')}`)).json();
    const count = json.groups.reduce((n: number, g: { duties: unknown[] }) => n + g.duties.length, 0);
    expect(rows).toHaveLength(count + 2);
    // The corpus quotes “中国数谷” with typographic marks; a plain " inside a field must be doubled.
    expect(rows.slice(1, -1).every((r) => /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*"){7}$/.test(r))).toBe(true);
  });

  it.each([
    ['/api/duties', 400, 'missing_field', '缺少参数 actor。'],
    ['/api/duties?actor=%20', 400, 'actor_empty', '请填写机构或主体名称，例如“数据主管部门”。'],
    [`/api/duties?actor=${encodeURIComponent('部'.repeat(101))}`, 400, 'actor_too_long', '机构名称不能超过 100 个字符。'],
    ['/api/duties?actor=x&regulationId=nope', 404, 'regulation_not_found', '没有找到法规“nope”。可用的法规见 /api/regulations。'],
    ['/api/duties.csv?actor=', 400, 'actor_empty', '请填写机构或主体名称，例如“数据主管部门”。'],
  ])('%s → %i %s', async (path, status, code, message) => {
    await expectError(await get(path), status, code, message);
  });
});

describe('pages', () => {
  it('serves the chat with the widget, under a CSP that allows only its own scripts', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await res.text();
    expect(page).toContain('<regqa-chat page lang="zh"></regqa-chat>');
    expect(page).toContain('<script src="/widget.js" defer></script>');
  });

  it('serves the widget so that other sites can embed it', async () => {
    const res = await get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const js = await res.text();
    expect(js).toContain('customElements.define("regqa-chat"');
    // Bundled from TypeScript at start-up: no type annotation or import survives.
    expect(js).not.toMatch(/^import /m);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await get('/widget.js', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('renders a regulation with article anchors, numbered paragraphs and the draft notice', async () => {
    const page = await (await get('/regulations/guiyang-digital-economy-draft')).text();
    expect(page).toContain('<article class="article" id="第十四条">');
    expect(page).toContain('<li value="1">县级以上人民政府有关部门应当明确数据专员');
    expect(page).toContain('id="公告"');
    expect(page).toContain('请于2026年3月1日前');
    expect(page).toContain('原文缺第三十五条至第三十七条');
    const list = await (await get('/regulations')).text();
    expect(list).toContain('href="/regulations/guizhou-big-data"');
  });

  it('escapes what the reader typed', async () => {
    const page = await (await get(`/duties?actor=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows the duties table', async () => {
    const page = await (await get(`/duties?actor=${encodeURIComponent('通信管理部门')}`)).text();
    expect(page).toContain('<table class="duties">');
    expect(page).toContain('href="/regulations/guizhou-big-data#第十二条"');
  });
});

describe('odd paths', () => {
  it.each([
    ['/regulations/..%2f..%2fpackage.json', 'regulation_not_found', '没有找到法规“../../package.json”。可用的法规见 /api/regulations。'],
    ['/widget.js/../package.json', 'not_found', '没有这个页面或接口。'],
    ['/../package.json', 'not_found', '没有这个页面或接口。'],
    ['/%2e%2e/%2e%2e/package.json', 'not_found', '没有这个页面或接口。'],
    ['/styles.css/..%2f..%2fserver%2fmain.ts', 'not_found', '没有这个页面或接口。'],
    ['/api/regulations/..%2f..%2fpackage.json', 'regulation_not_found', '没有找到法规“../../package.json”。可用的法规见 /api/regulations。'],
    ['/api/regulations/guizhou-big-data/articles/..%2f..%2fpackage.json', 'article_invalid', null],
    ['/index/CURRENT', 'not_found', '没有这个页面或接口。'],
  ])('%s is answered with an error, never a file', async (path, code, message) => {
    const res = await rawGet(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('"dependencies"');
    expect(res.body).not.toContain('import ');
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe(code);
    if (message) expect(body.error.message).toBe(message);
    if (code !== 'article_invalid') expect(res.status).toBe(404);
  });

  it.each([
    ['raw UTF-8 in the URL', Buffer.from('GET /api/search?q=数据专员 HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'malformed_request'],
    ['a header line without a colon', Buffer.from('GET /healthz HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n'), 400, 'malformed_request'],
    ['headers over Node\'s limit', Buffer.from(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'headers_too_large'],
  ])('answers %s, which Node rejects before the app, with the JSON error envelope', async (_name, bytes, status, code) => {
    const reply = await rawRequest(bytes);
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toContain('Content-Type: application/json');
    const parsed = JSON.parse(body!);
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message).toMatch(/[\u4e00-\u9fff].* [A-Z]/);
  });

  it('answers an unknown route with a JSON 404, and a wrong method with 405 and Allow', async () => {
    await expectError(await get('/api/nope'), 404, 'not_found', '没有这个页面或接口。');
    const wrong = await get('/api/ask');
    expect(wrong.headers.get('allow')).toBe('POST');
    await expectError(wrong, 405, 'method_not_allowed', '此接口不支持该请求方法，可用的方法：POST。');
    const post = await fetch(`${server.url}/api/regulations`, { method: 'POST' });
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.status).toBe(405);
  });
});

describe('CORS', () => {
  it('allows the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/ask`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    expect((await preflight('https://example.gov.cn')).headers.get('access-control-allow-origin')).toBe('https://example.gov.cn');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('OpenAPI', () => {
  it('documents every API route from the zod schemas', async () => {
    const doc = await (await get('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/ask',
      '/api/duties',
      '/api/duties.csv',
      '/api/feedback',
      '/api/regulations',
      '/api/regulations/{id}',
      '/api/regulations/{id}/articles/{n}',
      '/api/search',
      '/healthz',
    ]);
    const ask = doc.paths['/api/ask'].post;
    expect(Object.keys(ask.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '413', '429', '503', '504']));
    expect(Object.keys(ask.responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
    expect(ask.description).toContain('`answer`');
    expect(doc.components.schemas.AskRequest.properties.question).toMatchObject({ type: 'string', maxLength: 2000 });
  });
});

describe('limits', () => {
  it('rate-limits each client with 429 and Retry-After', async () => {
    const limited = await startServer(index.assistant, testConfig({ rateLimit: { perMinute: 1, burst: 2 } }));
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${limited.url}/api/regulations`)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const res = await fetch(`${limited.url}/api/regulations`, { headers: { 'Accept-Language': 'en' } });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('60');
      await expectError(res, 429, 'rate_limited', 'Too many requests; try again in 60 s.');
      // Pages and health checks are not API calls.
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('logs one JSON line per request when asked to', async () => {
    const logged = await startServer(index.assistant, testConfig({ logRequests: true }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await fetch(`${logged.url}/api/regulations/guizhou-big-data/articles/999`);
      const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(lines).toEqual([
        { method: 'GET', path: '/api/regulations/guizhou-big-data/articles/999', status: 404, ms: expect.any(Number), client: '127.0.0.1' },
      ]);
    } finally {
      log.mockRestore();
      await logged.close();
    }
  });
});
