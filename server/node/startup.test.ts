// Process-level behaviour of `npm start` on a bad index, and of a model that fails at query time.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/build/build.ts';
import { indexConfigFromEnv } from '../../indexer/config/index-config.ts';
import { jiebaCoined, jiebaSegmenter } from '../../indexer/build/segment.ts';
import { createAssistant } from '../core/assistant.ts';
import { loadIndexData } from './assistant.ts';

let tmp: string;
let versionDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-startup-'));
  const built = await buildIndex({ config: { ...indexConfigFromEnv({}), corpusDir: 'corpus', outDir: tmp, model: null } });
  if (built.status === 'failed') throw new Error('build failed');
  versionDir = built.dir;
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function start(indexDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--index', indexDir], {
      env: { ...process.env, PORT: '0', LOG_REQUESTS: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the server refuses a bad index instead of serving wrong answers', () => {
  it('names the corrupted file and the fix, without a stack trace', async () => {
    const file = join(versionDir, 'lexical.bin');
    const original = await readFile(file);
    await writeFile(file, original.subarray(0, original.length - 10));
    try {
      const { code, stderr } = await start(tmp);
      expect(code).toBe(1);
      expect(stderr).toContain('lexical.bin');
      expect(stderr).toContain('npm run index');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await writeFile(file, original);
    }
  }, 40_000);

  it('refuses an index of another schema version', async () => {
    const file = join(versionDir, 'manifest.json');
    const original = await readFile(file, 'utf8');
    await writeFile(file, JSON.stringify({ ...JSON.parse(original), schemaVersion: 0 }));
    try {
      const { code, stderr } = await start(tmp);
      expect(code).toBe(1);
      expect(stderr).toMatch(/schema version 0/);
    } finally {
      await writeFile(file, original);
    }
  }, 40_000);
});

describe('an embedding model that fails at query time', () => {
  it('degrades to lexical-only with a logged warning and keeps answering', async () => {
    const { data } = await loadIndexData(tmp);
    const warnings: string[] = [];
    let calls = 0;
    const assistant = createAssistant({
      index: { ...data, info: { ...data.info, dense: true } },
      segment: jiebaSegmenter(data.dictionary),
      coined: jiebaCoined,
      dense: async () => {
        calls++;
        throw new Error('ONNX session crashed');
      },
      warn: (line) => warnings.push(line),
    });
    const first = await assistant.ask({ question: '谁应当明确数据专员？' });
    const second = await assistant.ask({ question: '什么是公共数据？' });
    expect(first.found && second.found).toBe(true);
    expect(first.citations.map((c) => c.article)).toContain(14);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ONNX session crashed.*lexical-only/);
    // The failure is remembered: no further model calls, and health says why.
    expect(calls).toBe(1);
    expect(assistant.health()).toMatchObject({ dense: false, denseNote: expect.stringContaining('ONNX session crashed') });
  });
});
