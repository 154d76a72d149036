// One JSON line per request, written when the response is ready (errors included).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context.ts';
import { clientAddress } from '../../client.ts';

export function requestLog(write: (line: string) => void = (line) => console.log(line)): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    write(
      JSON.stringify({
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        client: clientAddress(c),
      }),
    );
  };
}
