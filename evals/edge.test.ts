// The edge deployment end to end: build the edge bundle, serve it with `wrangler dev --local` (workerd,
// offline), ask every seed eval question over HTTP, and compare the citations with the in-process Node
// assistant (nodejs-jieba) over the same index.
//
// Skipped, with the reason, only when workerd itself cannot run on this machine; a bundling error,
// a Worker that never becomes healthy, or different answers fail the test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, type EvalQuestion } from './dataset.ts';
import { sharedLexicalIndex } from '../indexer/build/test-index.ts';
import { serverConfigFromEnv } from '../indexer/config/server-config.ts';
import type { AskInput, AskResult } from '../server/core/types.ts';
import { createApp } from '../server/http/app.ts';
import { widgetBundle } from '../server/http/widget/bundle.ts';
import { loadAssistant } from '../server/node/assistant.ts';
import { buildEdgeBundle } from '../server/edge/build.ts';
import type { EdgeBuildReport } from '../server/edge/bundle-report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const REQUIRED_AGREEMENT = 0.95;

let tmp: string;
let wrangler: ChildProcess | null = null;
let output = '';
let base = '';
let report: EdgeBuildReport;
let node: Awaited<ReturnType<typeof loadAssistant>>;
/** Why the edge could not be tested here, when workerd cannot run at all. */
let unavailable: string | null = null;

const cited = (r: Pick<AskResult, 'citations'>) => r.citations.map((c) => `${c.regulationId} ${c.label}`);

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** workerd's own check: does the runtime binary execute on this machine at all? */
function workerdProblem(): string | null {
  try {
    // The native binary once workerd's postinstall has run, else a node script with a shebang.
    const bin = join(require.resolve('workerd/package.json'), '..', 'bin', 'workerd');
    const run = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (run.status === 0) return null;
    return `workerd cannot run here: ${(run.stderr || run.stdout || run.error?.message || `exit ${run.status}`).trim().split('\n').slice(-3).join(' | ')}`;
  } catch (error) {
    return `workerd is not installed: ${(error as Error).message}`;
  }
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (wrangler?.exitCode !== null) throw new Error(`wrangler dev exited with ${wrangler?.exitCode}:\n${output.slice(-3000)}`);
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(20_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not become healthy in ${timeoutMs / 1000} s (last: ${last}):\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-edge-'));
  // The shared lexical-only test index and a private bundle: concurrent runs and the developer's own dist/ are untouched.
  report = await buildEdgeBundle({ indexDir: await sharedLexicalIndex(), outDir: join(tmp, 'dist'), measure: false });
  node = await loadAssistant(report.indexDir);

  unavailable = workerdProblem();
  if (unavailable) return;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const bin = require.resolve('wrangler/bin/wrangler.js');
  const args = [
    bin, 'dev', '--local', '--port', String(port), '--ip', '127.0.0.1', '--log-level', 'warn',
    '--assets', join(tmp, 'dist', 'assets'), '--persist-to', join(tmp, 'state'), '--show-interactive-dev-session=false',
    // Every question comes from one client: lift the per-client rate limit for this run.
    '--var', 'RATE_LIMIT_PER_MIN:100000', '--var', 'RATE_LIMIT_BURST:100000', '--var', 'LOG_REQUESTS:false',
  ];
  wrangler = spawn(process.execPath, args, {
    cwd: ROOT,
    // Own process group, so that afterAll ends wrangler and the workerd it started together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  wrangler.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  wrangler.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(150_000);
}, 300_000);

afterAll(async () => {
  const child = wrangler;
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (tmp) await rm(tmp, { recursive: true, force: true });
}, 30_000);

async function askEdge(input: AskInput): Promise<AskResult | { status: number; body: string }> {
  const response = await fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) return { status: response.status, body: (await response.text()).slice(0, 300) };
  return (await response.json()) as AskResult;
}

describe('the Worker under wrangler dev --local', () => {
  it('reports the index in /healthz, lexical-only with the reason, like Node', async ({ skip }) => {
    if (unavailable) skip(unavailable);
    const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', counts: node.health().counts, builtAt: node.health().builtAt, dense: false });
    expect(health.denseNote).toBe(node.health().denseNote);
  });

  it('serves the same widget, pages and reference API as the Node app, and never the raw index files', async ({ skip }) => {
    if (unavailable) skip(unavailable);
    const nodeApp = createApp(node, serverConfigFromEnv({ LOG_REQUESTS: 'false' }), { widget: await widgetBundle() });
    for (const path of ['/widget.js', '/styles.css', '/', '/api/regulations', '/api/duties?actor=数据主管部门']) {
      const [edge, local] = [await fetch(`${base}${path}`), await nodeApp.request(path)];
      expect(edge.status, path).toBe(200);
      expect(edge.headers.get('content-type'), path).toBe(local.headers.get('content-type'));
      expect(await edge.text(), path).toBe(await local.text());
    }
    for (const path of ['/index/manifest.json', '/index/units.json', '/manifest.json']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('stores feedback in D1 under the same schema and validation as SQLite on Node', async ({ skip }) => {
    if (unavailable) skip(unavailable);
    const post = (body: unknown) => fetch(`${base}/api/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await node.ask({ question: '谁应当明确数据专员？' });
    const feedback = {
      question: '谁应当明确数据专员？',
      answer: answer.answer,
      lang: 'zh',
      rating: 'down',
      comment: '应该是第十四条第三款',
      citations: answer.citations.map(({ regulationId, article, paragraph, label }) => ({ regulationId, article, paragraph, label })),
    };
    const [first, second] = [await post(feedback), await post({ ...feedback, rating: 'up', comment: undefined })];
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [(await first.json()) as { id: number }, (await second.json()) as { id: number }];
    expect(b.id).toBeGreaterThan(a.id);
    const bad = await post({ ...feedback, rating: 'meh' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: expect.any(String) } });
  });

  it(`cites the same clauses as the Node assistant for at least ${REQUIRED_AGREEMENT * 100}% of the seed questions`, async ({ skip }) => {
    if (unavailable) skip(unavailable);
    const questions: EvalQuestion[] = await loadSeed(join(ROOT, 'evals/datasets/seed-questions.jsonl'));
    const differences: string[] = [];
    const failures: string[] = [];
    for (const q of questions) {
      const input: AskInput = { question: q.question, history: q.history, regulationId: q.regulationId };
      const [edge, local] = [await askEdge(input), await node.ask(input)];
      if ('status' in edge) {
        failures.push(`${q.id} HTTP ${edge.status}: ${edge.body}`);
        continue;
      }
      const [e, n] = [cited(edge), cited(local)];
      if (e.join('\n') !== n.join('\n')) differences.push(`${q.id} ${q.question}\n    node: ${n.join('; ') || '(none)'}\n    edge: ${e.join('; ') || '(none)'}`);
    }
    const same = questions.length - differences.length - failures.length;
    console.log(
      `edge vs node citations: ${same}/${questions.length} the same (${((100 * same) / questions.length).toFixed(1)}%)` +
        (differences.length ? `\n  ${differences.join('\n  ')}` : '') +
        (failures.length ? `\nfailed requests:\n  ${failures.join('\n  ')}` : ''),
    );
    expect(failures).toEqual([]);
    expect(same / questions.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  }, 300_000);
});
