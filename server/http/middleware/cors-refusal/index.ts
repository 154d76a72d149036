// Tells the admin when a site that is not in CORS_ORIGINS tries to use the API: the browser only says
// "network error" to its visitors, so the server's log is where the fix (add the origin) is found.
// One line per origin per hour, so a busy embedding site cannot flood the log.
import type { MiddlewareHandler } from 'hono';

const QUIET_MS = 60 * 60 * 1000;
const MAX_ORIGINS = 1000;

export function corsRefusalLog(allowed: readonly string[], log: (line: string) => void = (line) => console.warn(line)): MiddlewareHandler {
  const lastLogged = new Map<string, number>();
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !allowed.includes('*') && !allowed.includes(origin) && origin !== new URL(c.req.url).origin) {
      const now = Date.now();
      if ((lastLogged.get(origin) ?? -Infinity) < now - QUIET_MS) {
        if (lastLogged.size >= MAX_ORIGINS) lastLogged.clear();
        lastLogged.set(origin, now);
        log(JSON.stringify({ event: 'cors_refused', origin, path: c.req.path, fix: `add ${origin} to CORS_ORIGINS to let this site use the assistant` }));
      }
    }
    await next();
  };
}
