// A cap on requests in progress, with a bounded queue in front: a burst waits its turn instead of piling
// work (and memory) onto the process, and what does not fit in the queue is refused at once with 503.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

/** What a client is told to wait after a 503: long enough for a slot to free up in the usual case. */
const RETRY_AFTER_S = 1;

export function concurrencyLimit(options: { max: number; queue: number; maxWaitMs: number }): MiddlewareHandler<AppEnv> {
  let active = 0;
  const waiting: { since: number; resume: (granted: boolean) => void }[] = [];

  const release = () => {
    // Hand the slot straight to the oldest waiter that is still within its deadline; hono/timeout has
    // already answered the older ones, so running their handlers now would be wasted work.
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const granted = Date.now() - next.since <= options.maxWaitMs;
      next.resume(granted);
      if (granted) return;
    }
    active--;
  };

  return async (c, next) => {
    if (active < options.max) active++;
    else if (waiting.length >= options.queue) throw new ApiError(503, 'overloaded', {}, RETRY_AFTER_S);
    else {
      const granted = await new Promise<boolean>((resume) => waiting.push({ since: Date.now(), resume }));
      if (!granted) throw new ApiError(504, 'timeout');
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
