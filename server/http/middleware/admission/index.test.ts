// Admission control on its own, with handlers the test controls.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../context.ts';
import { ApiError, errorResponse } from '../../errors.ts';
import { Admission, type AdmissionOptions } from './index.ts';

describe('Admission', () => {
  function appWith(options: Partial<AdmissionOptions> & { max: number; queue: number }) {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const admission = new Admission({ budgetMs: 10_000, shedLagMs: 10_000, timeoutMs: 10_000, ...options });
    const app = new Hono<AppEnv>();
    app.use(admission.middleware);
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
    return { app, admission, started, finish };
  }

  it('queues what does not fit, in order, and refuses what does not fit in the queue with 503', async () => {
    const { app, admission, started, finish } = appWith({ max: 1, queue: 1 });
    const first = app.request('/first');
    const second = app.request('/second');
    await expect.poll(() => admission.status().queued).toBe(1);
    const third = await app.request('/third');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(await third.json()).toEqual({ error: { code: 'overloaded', message: '服务器繁忙，请稍后再试。' } });
    expect(admission.status()).toMatchObject({ inUse: 1, queued: 1, healthy: false });
    expect(started).toEqual(['first']);
    await finish('first');
    expect(await (await first).text()).toBe('first');
    await finish('second');
    expect(await (await second).text()).toBe('second');
    expect(started).toEqual(['first', 'second']);
    expect(admission.status()).toMatchObject({ inUse: 0, queued: 0, healthy: true });
  });

  it('gives the slot of a request that ran past its deadline back exactly once', async () => {
    const { app, admission, finish } = appWith({ max: 1, queue: 4, timeoutMs: 50 });
    const stuck = await app.request('/stuck');
    expect(stuck.status).toBe(504);
    expect(admission.status().inUse).toBe(0);
    const next = app.request('/next');
    await finish('next');
    expect((await next).status).toBe(200);
    // The stuck handler finishing late must not free a slot a second time.
    await finish('stuck');
    await new Promise((resolve) => setImmediate(resolve));
    expect(admission.status().inUse).toBe(0);
    // One slot, still exactly one: a second request waits for the first.
    const a = app.request('/a');
    await expect.poll(() => admission.status().inUse).toBe(1);
    const b = app.request('/b');
    await expect.poll(() => admission.status().queued).toBe(1);
    await finish('a');
    expect((await a).status).toBe(200);
    void b;
  });

  it('refuses at once when the queue wait would exceed the budget, or the process is behind', async () => {
    let lag = 0;
    const { app, finish } = appWith({ max: 1, queue: 10, budgetMs: 30, shedLagMs: 30, lagMs: () => lag });
    const first = app.request('/first');
    const waited = Date.now();
    const queued = await app.request('/queued');
    expect(queued.status).toBe(503);
    expect(Date.now() - waited).toBeLessThan(1_000);
    await finish('first');
    expect((await first).status).toBe(200);
    lag = 31;
    expect((await app.request('/shed')).status).toBe(503);
  });

  it('runs a turn budget of work per event-loop turn and the rest in later turns, so I/O is polled in between', async () => {
    const admission = new Admission({ max: 2, queue: 100, budgetMs: 10_000, shedLagMs: 10_000, timeoutMs: 10_000, turnBudgetMs: 5, nextTurn: (run) => setImmediate(run) });
    const app = new Hono<AppEnv>();
    app.use(admission.middleware);
    const events: string[] = [];
    app.get('/:n', (c) => {
      events.push(c.req.param('n'));
      // Synchronous work, as the lexical answer pipeline is: nothing else runs until it returns.
      const until = performance.now() + 3;
      while (performance.now() < until);
      return c.text('ok');
    });
    const replies = Array.from({ length: 20 }, (_, i) => app.request(`/${i}`));
    // Stands for what the loop polls between turns (a new connection, /healthz).
    setImmediate(() => events.push('poll'));
    expect((await Promise.all(replies)).map((r) => r.status)).toEqual(Array(20).fill(200));
    // Without turns all 20 run before anything else can (one turn of 60 ms); with them the first turn
    // runs the two admitted at once and the next turn a budget's worth, then the loop gets its turn.
    const poll = events.indexOf('poll');
    expect(poll).toBeGreaterThan(0);
    expect(poll).toBeLessThanOrEqual(6);
    expect(events.filter((e) => e !== 'poll')).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });
});
