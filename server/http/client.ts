// Who is asking, for rate limits and logs.
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * The peer address of the socket on Node, Cloudflare's CF-Connecting-IP on Workers. X-Forwarded-For is
 * never read: without a trusted proxy in front it says whatever the client wants, which would let anyone
 * pick a fresh rate-limit bucket per request.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const incoming = c.env?.incoming;
  if (incoming) return incoming.socket?.remoteAddress ?? 'unknown';
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}
