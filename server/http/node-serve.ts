// The app on Node's HTTP server (@hono/node-server), for `npm start` and the tests alike.
//
// Requests that Node's own parser rejects (raw UTF-8 in the URL, bad header syntax, oversized headers)
// never reach the app; Node would answer them with an empty 400. They get the API's error envelope too,
// in both languages, since no language could be negotiated.
import { serve } from '@hono/node-server';
import type { AddressInfo, Socket } from 'node:net';
import type { Hono } from 'hono';
import { messageOf, type ErrorCode } from './errors.ts';
import type { AppEnv } from './context.ts';

export function serveApp(app: Hono<AppEnv>, options: { port: number; hostname: string }, onListening: (info: AddressInfo) => void) {
  const server = serve({ fetch: app.fetch, ...options }, onListening);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    socket.end(error.code === 'HPE_HEADER_OVERFLOW' ? rawError(431, 'headers_too_large') : rawError(400, 'malformed_request'));
  });
  return server;
}

function rawError(status: 400 | 431, code: ErrorCode): string {
  const body = JSON.stringify({ error: { code, message: `${messageOf(code, 'zh')} ${messageOf(code, 'en')}` } });
  const reason = status === 400 ? 'Bad Request' : 'Request Header Fields Too Large';
  const head = [`HTTP/1.1 ${status} ${reason}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}
