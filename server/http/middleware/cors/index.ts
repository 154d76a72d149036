// CORS for the API: preflights are hono/cors's; every other response gets its headers set in place once
// the handler has made it. hono/cors appends `Vary: Origin` through c.header() after the handler, which
// turns @hono/node-server's lightweight response into a full web Response whose body is then streamed
// out (at 16 connections on POST /api/ask, ~6% of the server's CPU).
import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';

export function cors(origins: readonly string[]): MiddlewareHandler {
  const any = origins.includes('*');
  const preflight = honoCors({
    origin: any ? '*' : [...origins],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'Accept', 'Accept-Language'],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    if (any) {
      headers.set('Access-Control-Allow-Origin', '*');
      return;
    }
    const origin = c.req.header('origin');
    if (origin && origins.includes(origin)) headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin');
  };
}
