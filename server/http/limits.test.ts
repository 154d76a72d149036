// The rate limiter and the concurrency cap on their own, with a clock and handlers the test controls.
import { Hono } from 'hono';
import { timeout } from 'hono/timeout';
import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from './concurrency.ts';
import type { AppEnv } from './context.ts';
import { ApiError, errorResponse } from './errors.ts';
import { TokenBuckets } from './rate-limit.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 2, 100, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
    expect(buckets.take('b')).toBe(0);
    now += 1000;
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 1]);
    now += 60_000;
    // Refilled, but never beyond the burst.
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
  });

  it('says how long to wait', () => {
    const buckets = new TokenBuckets(2, 1, 100, () => 0);
    buckets.take('a');
    expect(buckets.take('a')).toBe(30);
  });

  it('forgets the least recently seen client beyond its capacity', () => {
    const buckets = new TokenBuckets(1, 1, 2, () => 0);
    buckets.take('a');
    buckets.take('b');
    buckets.take('c');
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('c')).toBe(60);
  });
});

describe('concurrencyLimit', () => {
  function appWith(options: { max: number; queue: number; maxWaitMs: number; timeoutMs?: number }) {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const app = new Hono<AppEnv>();
    if (options.timeoutMs) app.use(timeout(options.timeoutMs, () => new ApiError(504, 'timeout')));
    app.use(concurrencyLimit(options));
    app.get('/:name', async (c) => {
      const name = c.req.param('name');
      started.push(name);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      return c.text(name);
    });
    app.onError((error, c) => errorResponse(c, error as ApiError));
    const finish = async (name: string) => {
      await expect.poll(() => gates.has(name)).toBe(true);
      gates.get(name)!();
    };
    return { app, started, finish };
  }

  it('queues what does not fit, in order, and refuses what does not fit in the queue with 503', async () => {
    const { app, started, finish } = appWith({ max: 1, queue: 1, maxWaitMs: 10_000 });
    const first = app.request('/first');
    const second = app.request('/second');
    const third = await app.request('/third');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(await third.json()).toEqual({ error: { code: 'overloaded', message: '服务器繁忙，请稍后再试。' } });
    expect(started).toEqual(['first']);
    await finish('first');
    expect(await (await first).text()).toBe('first');
    await finish('second');
    expect(await (await second).text()).toBe('second');
    expect(started).toEqual(['first', 'second']);
  });

  it('drops a request that timed out while queued instead of running it late', async () => {
    const { app, started, finish } = appWith({ max: 1, queue: 1, maxWaitMs: 50, timeoutMs: 50 });
    const first = app.request('/first');
    const late = await app.request('/late');
    expect(late.status).toBe(504);
    expect(await late.json()).toEqual({ error: { code: 'timeout', message: '处理超时，请稍后再试。' } });
    // hono/timeout answered `first` already; its handler still holds the slot until it really ends.
    expect((await first).status).toBe(504);
    await finish('first');
    await new Promise((resolve) => setImmediate(resolve));
    const next = app.request('/next');
    await finish('next');
    expect((await next).status).toBe(200);
    expect(started).toEqual(['first', 'next']);
  });
});
