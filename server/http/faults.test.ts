// Issue 14 on the real server, raw sockets where no HTTP client would behave so: stalled and trickled
// uploads, a 413 on a keep-alive connection, requests that never reach the app, deep JSON, client aborts,
// rate limits on the data pages, and what /healthz reveals.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postBytes, rawExchange } from './raw-client.ts';
import { buildTestIndex, startServer, testConfig, type TestIndex, type TestServer } from './test-server.ts';

let index: TestIndex;
beforeAll(async () => {
  index = await buildTestIndex();
}, 60_000);
afterAll(() => index?.remove());

async function withServer<T>(overrides: Parameters<typeof testConfig>[0], run: (server: TestServer) => Promise<T>): Promise<T> {
  const server = await startServer(index.assistant, testConfig(overrides));
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

const QUESTION = JSON.stringify({ question: '谁应当明确数据专员？' });
const envelope = (body: string) => JSON.parse(body) as { error: { code: string; message: string } };

describe('slow and stalled uploads', () => {
  it('never keep a concurrency slot: stalled bodies get 408 and the API keeps answering', async () => {
    await withServer({ requestTimeoutMs: 600, maxConcurrent: 2, maxQueue: 2 }, async (server) => {
      const head = 'POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
      const stalled = await Promise.all(Array.from({ length: 6 }, () => rawExchange(server.url, [head + QUESTION.slice(0, 16)], 4_000)));
      for (const reply of stalled) {
        expect(reply.status).toBe(408);
        expect(envelope(reply.body).error.code).toBe('body_timeout');
        expect(reply.headers.connection).toBe('close');
      }
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUESTION });
        expect(res.status).toBe(200);
      }
      const health = await (await fetch(`${server.url}/healthz`)).json();
      expect(health.pool).toMatchObject({ inUse: 0, queued: 0, max: 2, healthy: true });
    });
  }, 20_000);

  it('bounds a trickled chunked body by the request timeout', async () => {
    await withServer({ requestTimeoutMs: 600 }, async (server) => {
      const head = 'POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
      const steps = [head, ...Array.from({ length: 40 }, () => ['1\r\n \r\n', 150]).flat()];
      const reply = await rawExchange(server.url, steps, 5_000);
      expect(reply.status).toBe(408);
      expect(reply.firstByteMs).toBeLessThan(2_000);
      expect(envelope(reply.body).error.code).toBe('body_timeout');
    });
  }, 10_000);

  it('logs a client that gives up mid-upload as a 4xx line, not a 500 with a stack trace', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lines = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await withServer({ logRequests: true }, async (server) => {
        const head = 'POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
        await rawExchange(server.url, [head + QUESTION.slice(0, 20), 100], 150);
        await expect.poll(() => lines.mock.calls.length).toBeGreaterThan(0);
      });
      const logged = lines.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(logged[0]).toMatchObject({ path: '/api/ask', status: 400 });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      lines.mockRestore();
    }
  });
});

describe('error responses', () => {
  it('closes the connection cleanly after a 413 instead of advertising keep-alive and resetting', async () => {
    await withServer({}, async (server) => {
      const head = 'POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n';
      const reply = await rawExchange(server.url, [head + 'x'.repeat(60_000), 50, 'x'.repeat(60_000)], 3_000);
      expect(reply.status).toBe(413);
      expect(reply.headers.connection).toBe('close');
      expect(reply.ended).toBe('closed');
    });
  });

  it('answers a 5,000-level nested body with a 400 envelope and no error log', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await withServer({}, async (server) => {
        const deep = `{"question":"数据","history":${'['.repeat(5000)}${']'.repeat(5000)}}`;
        const reply = await rawExchange(server.url, [postBytes('/api/ask', deep)]);
        expect(reply.status).toBe(400);
        expect(envelope(reply.body).error.code).toBe('json_too_deep');
        const inField = `{"question":${'['.repeat(5000)}${']'.repeat(5000)}}`;
        expect((await rawExchange(server.url, [postBytes('/api/ask', inField)])).status).toBe(400);
      });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it.each([
    ['a backslash in the path', 'GET /api\\regulations HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 400],
    ['no Host header', 'GET /api/regulations HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
    ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 400],
    ['Expect: bogus', 'POST /api/ask HTTP/1.1\r\nHost: localhost\r\nExpect: bogus\r\nContent-Length: 2\r\n\r\n{}', 417],
  ])('answers %s with the JSON envelope', async (_name, bytes, status) => {
    await withServer({}, async (server) => {
      const reply = await rawExchange(server.url, [bytes]);
      expect(reply.status).toBe(status);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(envelope(reply.body).error.message).toMatch(/[\u4e00-\u9fff].* [A-Z]/);
    });
  });

  it('rate-limits the pages that serve the same data as the API', async () => {
    await withServer({ rateLimit: { perMinute: 1, burst: 2 } }, async (server) => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/duties?actor=${encodeURIComponent('数据主管部门')}`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    });
  });
});

describe('/healthz', () => {
  it('never shows where the server is installed', async () => {
    const { EmbedderUnavailable, loadEmbedder } = await import('../../indexer/build/embed.ts');
    const { createAssistant } = await import('../core/index.ts');
    const { loadIndexData } = await import('../node/assistant.ts');
    const { jiebaCoined, jiebaSegmenter } = await import('../../indexer/build/segment.ts');
    const modelDir = await mkdtemp(join(tmpdir(), 'regqa-no-model-'));
    let note = '';
    try {
      await loadEmbedder({ id: 'missing/model', dir: modelDir, offline: true, quantized: true, pooling: 'mean', queryInstruction: '', batchSize: 1 });
    } catch (error) {
      if (!(error instanceof EmbedderUnavailable)) throw error;
      note = error.reason;
    } finally {
      await rm(modelDir, { recursive: true, force: true });
    }
    expect(note).toContain(modelDir);
    const { data } = await loadIndexData(index.dir);
    const assistant = createAssistant({ index: data, segment: jiebaSegmenter(data.dictionary), coined: jiebaCoined, dense: null, denseNote: note });
    const server = await startServer(assistant, testConfig());
    try {
      const text = await (await fetch(`${server.url}/healthz`)).text();
      expect(text).toContain('missing/model');
      expect(text).not.toContain(tmpdir());
      expect(text).not.toContain(process.cwd());
    } finally {
      await server.close();
    }
  }, 30_000);
});
