// A seeded random fuzzer over every route of the real server: methods, paths (real ids, junk, encoded
// traversal, over-long, non-ASCII), query values, headers and bodies (valid asks mutated: missing and
// wrong-typed fields, deep nesting, invalid UTF-8, random bytes, huge strings). The contract it checks:
// never a 5xx, and every error is the JSON envelope {"error":{"code","message"}}.
// Used by evals/bench/fuzz.test.ts (a few thousand cases, in `npm test`) and `npm run bench -- --only faults` (20k).
import { Agent, request } from 'node:http';
import { mulberry32 } from '../../indexer/build/test-model.ts';

export interface FuzzCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzFailure {
  case: FuzzCase;
  status: number;
  body: string;
  why: string;
}

export interface FuzzResult {
  cases: number;
  statuses: Record<string, number>;
  failures: FuzzFailure[];
}

const IDS = ['guizhou-big-data', 'guiyang-digital-economy-draft'];

/** Percent-encoding that also sends a lone surrogate (as the invalid UTF-8 a client could send). */
const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

const nested = (depth: number): unknown => (depth === 0 ? 'x' : [nested(depth - 1)]);

export function fuzzCases(seed: number, count: number): FuzzCase[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const int = (max: number) => Math.floor(random() * max);

  const junk = () =>
    pick([
      '',
      ' ',
      '数据专员',
      'x'.repeat(1 + int(5000)),
      '../../package.json',
      '%2e%2e%2fpackage.json',
      '<img src=x onerror=alert(1)>',
      '\u0000\u0007',
      '\ud800',
      '=HYPERLINK("x")',
      String(int(1e9)),
      '-1',
      '1e309',
      '133-1',
      'null',
      '{}',
      '🙂'.repeat(int(50)),
      '%',
      '%zz',
    ]);
  const segment = () => (chance(0.5) ? pick(IDS) : junk());
  const articleNo = () => pick(['1', '14', '133-1', '0', '999', '-3', 'abc', '1.5', '', junk()]);
  const query = (keys: string[]) => {
    const parts = keys.filter(() => chance(0.7)).map((k) => `${k}=${enc(chance(0.6) ? pick(['数据', '数据主管部门', 'data officer', '1', '10', 'en', 'zh', IDS[0]!]) : junk())}`);
    return parts.length ? `?${parts.join('&')}` : '';
  };

  const paths = [
    () => '/',
    () => '/regulations',
    () => `/regulations/${enc(segment())}`,
    () => `/duties${query(['actor', 'regulationId', 'lang'])}`,
    () => `/api/search${query(['q', 'k', 'regulationId', 'lang'])}`,
    () => '/api/regulations',
    () => `/api/regulations/${enc(segment())}`,
    () => `/api/regulations/${enc(segment())}/articles/${enc(articleNo())}`,
    () => `/api/duties${query(['actor', 'regulationId', 'lang'])}`,
    () => `/api/duties.csv${query(['actor', 'regulationId'])}`,
    () => '/healthz',
    () => '/openapi.json',
    () => '/styles.css',
    () => '/widget.js',
    () => `/${enc(junk())}`,
    () => `/api/${enc(junk())}`,
  ];

  const askBody = (): unknown => {
    const valid: Record<string, unknown> = { question: pick(['谁应当明确数据专员？', '什么是公共数据？', 'Who must appoint a data officer?', '那企业呢？']) };
    if (chance(0.3)) valid.history = [{ role: 'user', content: '谁应当明确数据专员？' }, { role: 'assistant', content: '县级以上人民政府有关部门。' }];
    if (chance(0.2)) valid.regulationId = segment();
    if (chance(0.2)) valid.lang = pick(['zh', 'en', 'fr', 1]);
    if (chance(0.5)) return valid;
    const field = pick(['question', 'history', 'regulationId', 'lang', 'extra']);
    const value = pick<() => unknown>([
      () => undefined,
      () => null,
      () => int(100),
      () => junk(),
      () => [junk()],
      () => ({ role: 'user' }),
      () => Array.from({ length: int(40) }, () => ({ role: pick(['user', 'assistant', 'system']), content: junk() })),
      () => nested(1 + int(40)),
    ])();
    return { ...valid, [field]: value };
  };
  const body = (): Buffer =>
    pick<() => Buffer>([
      () => Buffer.from(JSON.stringify(askBody()) ?? ''),
      () => Buffer.from(JSON.stringify(askBody())),
      () => {
        const depth = 1 + int(6000);
        return Buffer.from(`{"question":"数据","${pick(['history', 'question', 'lang'])}":${'['.repeat(depth)}${chance(0.8) ? ']'.repeat(depth) : ''}}`);
      },
      () => Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      () => Buffer.from(Array.from({ length: int(300) }, () => int(256))),
      () => Buffer.from(`{"question":"${'数'.repeat(int(30_000))}"}`),
      () => Buffer.from(pick(['', 'null', '[]', '"x"', '{', '{"question":}', '1'])),
    ])();

  return Array.from({ length: count }, () => {
    // Mostly the method the route takes, so that cases reach the handlers; sometimes any method.
    const ask = chance(0.35);
    const method = chance(0.8) ? (ask ? 'POST' : 'GET') : pick(['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
    const headers: Record<string, string> = {};
    if (chance(0.8)) headers['content-type'] = pick(['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json']);
    if (chance(0.2)) headers.accept = pick(['text/event-stream', 'text/csv', '*/*', 'application/json']);
    if (chance(0.3)) headers['accept-language'] = pick(['en', 'zh-CN', 'fr', 'en;q=0.1, zh;q=0.9', '*', junk().replace(/[^\x20-\x7e]/g, '')]);
    if (chance(0.1)) headers.origin = pick(['https://example.gov.cn', 'https://evil.example', 'null']);
    const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH' || chance(0.05);
    const path = ask ? `/api/ask${query(['stream', 'lang'])}` : pick(paths)();
    return { method, path, headers, body: hasBody ? body() : undefined };
  });
}

/** Sends the cases over a few keep-alive connections and checks the contract for each response. */
export async function runFuzz(url: string, cases: readonly FuzzCase[], connections = 4): Promise<FuzzResult> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const statuses: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzz = cases[next++]!;
      const { status, headers, body } = await send(agent, hostname, Number(port), fuzz);
      statuses[status] = (statuses[status] ?? 0) + 1;
      const why = violation(fuzz, status, headers['content-type'], body);
      if (why) failures.push({ case: { ...fuzz, body: fuzz.body?.subarray(0, 200) }, status, body: body.slice(0, 300), why });
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  return { cases: cases.length, statuses, failures };
}

function violation(fuzz: FuzzCase, status: number, contentType: string | string[] | undefined, body: string): string | null {
  if (status === 0) return 'no response';
  if (status >= 500) return `${status}`;
  // Preflights answer 204 with no body; HEAD never has one.
  if (status < 400 || fuzz.method === 'HEAD') return null;
  if (!String(contentType ?? '').startsWith('application/json')) return `error without JSON (${contentType})`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') return 'error body is not the envelope';
  } catch {
    return 'error body is not JSON';
  }
  return null;
}

function send(agent: Agent, hostname: string, port: number, fuzz: FuzzCase): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve) => {
    const headers = { ...fuzz.headers, ...(fuzz.body ? { 'content-length': String(fuzz.body.length) } : {}) };
    const req = request({ agent, hostname, port, method: fuzz.method, path: fuzz.path, headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
    req.on('timeout', () => req.destroy());
    req.end(fuzz.body);
  });
}
