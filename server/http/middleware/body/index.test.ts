// The body reader over a web stream (the Workers path; the Node path is exercised on the real server by
// faults.test.ts): size limit, deadline, and the bytes handed on intact.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../context.ts';
import { ApiError, errorResponse } from '../../errors.ts';
import { readBody } from './index.ts';

function app(maxBytes: number, timeoutMs: number) {
  const hono = new Hono<AppEnv>();
  hono.use(readBody({ maxBytes, timeoutMs }));
  hono.post('/', (c) => c.text(new TextDecoder().decode(c.get('body'))));
  hono.onError((error, c) => errorResponse(c, error as ApiError));
  return hono;
}

/** A streamed body (no Content-Length): chunks with pauses in between, and optionally never ending. */
function stream(chunks: string[], pauseMs: number, end = true): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = chunks.shift();
      if (next === undefined) {
        if (end) controller.close();
        return new Promise(() => {});
      }
      await new Promise((r) => setTimeout(r, pauseMs));
      controller.enqueue(new TextEncoder().encode(next));
    },
  });
}

const post = (hono: Hono<AppEnv>, body: ReadableStream<Uint8Array> | string) =>
  hono.request('/', { method: 'POST', body, ...(typeof body === 'string' ? {} : { duplex: 'half' }) } as RequestInit);

describe('readBody', () => {
  it('hands on the whole body, however it is chunked', async () => {
    const res = await post(app(100, 1_000), stream(['数据', '专员', '?'], 5));
    expect(await res.text()).toBe('数据专员?');
  });

  it('cuts off a streamed body past the limit with 413 and Connection: close', async () => {
    const res = await post(app(10, 1_000), stream(['x'.repeat(8), 'x'.repeat(8)], 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('answers a stalled body with 408 at the deadline', async () => {
    const started = Date.now();
    const res = await post(app(100, 200), stream(['{"q'], 1, false));
    expect(res.status).toBe(408);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_timeout');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
