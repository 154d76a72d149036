// The app on Node's HTTP server, for `npm start` and the tests alike: @hono/node-server's request
// listener on node:http, plus what only the Node side can do.
//
// - Requests that never reach the app (Node's parser rejects them: raw UTF-8 in the URL, bad header
//   syntax, oversized headers, headers too slow; or @hono/node-server refuses them: no Host, `\` in the
//   path, `OPTIONS *`; or `Expect: bogus`) get the API's error envelope in both languages, since no
//   language could be negotiated.
// - The event loop's lag is measured for load shedding (the app refuses work when the process is behind).
// - A keep-alive connection told to come back later is not read again until then.
// - shutdown(): stop accepting, close idle and half-sent connections at once, let requests in progress
//   finish within a grace period, then close everything.
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Hono } from 'hono';
import type { ServerConfig } from '../../indexer/config/server-config.ts';
import type { AppEnv } from '../http/context.ts';
import { messageOf, type ErrorCode } from '../http/errors.ts';

/** Node's own deadline for a whole request sits just past the app's, which answers first with JSON. */
const NODE_TIMEOUT_MARGIN_MS = 1_000;
/** Headers are small: a client that takes longer than this to send them is not a browser. */
const HEADERS_TIMEOUT_MS = 10_000;
/** How long a connection told to come back later goes unread: the admission's and rate limit's shortest Retry-After. */
const REFUSAL_PAUSE_MS = 1_000;
const COME_BACK_LATER = new Set([429, 503]);

export interface NodeServer {
  port: number;
  /** Refuses new connections, closes idle and half-sent ones now and busy ones after their response or after `graceMs`. */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * How far behind the event loop is: the smallest of the lags of the last few ticks of a 20 ms timer and
 * of how late the pending tick already is. The smallest, as in CoDel: one long task (the dictionary
 * load, one big request) makes one late tick, a standing backlog of sockets makes every tick late, and
 * only the backlog is a reason to shed load. The pending tick counts so that a long burst of requests
 * is cut short while it runs, not only after.
 */
export function lagMonitor(everyMs = 20, ticks = 3): { lagMs: () => number; stop: () => void } {
  let expected = performance.now() + everyMs;
  const recent = new Array<number>(ticks).fill(0);
  let next = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    recent[next++ % ticks] = Math.max(0, now - expected);
    expected = now + everyMs;
  }, everyMs);
  timer.unref();
  return { lagMs: () => Math.max(0, Math.min(...recent, performance.now() - expected)), stop: () => clearInterval(timer) };
}

export function serveApp(
  app: Hono<AppEnv>,
  config: Pick<ServerConfig, 'port' | 'host' | 'requestTimeoutMs'>,
): Promise<NodeServer> {
  const listener = getRequestListener(app.fetch, {
    errorHandler: () => new Response(envelope('malformed_request'), { status: 400, headers: JSON_HEADERS }),
  });
  const requestTimeout = config.requestTimeoutMs + NODE_TIMEOUT_MARGIN_MS;
  const server = createServer(
    // No Host is answered by @hono/node-server's request check (with the envelope), not by Node's bare 400.
    { requestTimeout, headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout), requireHostHeader: false },
    listener,
  );
  // Sockets with a request in progress; the others (idle keep-alive, headers still arriving) close at once on shutdown.
  const busy = new Set<Socket>();
  const sockets = new Set<Socket>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    busy.add(req.socket);
    res.once('close', () => {
      busy.delete(req.socket);
      if (closing) req.socket.destroy();
      else holdOffAfterRefusal(req.socket, res);
    });
    if (closing) res.setHeader('Connection', 'close');
  });
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(417, { ...JSON_HEADERS, Connection: 'close' }).end(envelope('expectation_failed'));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, code]: [number, ErrorCode] =
      error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large'] : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'body_timeout'] : [400, 'malformed_request'];
    socket.end(rawResponse(status, code));
  });

  return new Promise<NodeServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        shutdown: (graceMs) =>
          new Promise<void>((done) => {
            closing = true;
            server.close(() => done());
            for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
            setTimeout(() => {
              for (const socket of sockets) socket.destroy();
            }, graceMs).unref();
          }),
      });
    });
  });
}

/**
 * A keep-alive connection refused with 503 or 429 (both say Retry-After) is not read again for
 * REFUSAL_PAUSE_MS: a client that retries at once would otherwise cost a parse and a refusal per
 * event-loop turn, and a few hundred of them make turns long enough to starve new connections, which
 * Node accepts one per turn (libuv#3696). Its next request waits in the kernel's buffer, costing nothing.
 */
function holdOffAfterRefusal(socket: Socket, res: ServerResponse): void {
  if (!COME_BACK_LATER.has(res.statusCode) || socket.destroyed) return;
  socket.pause();
  setTimeout(() => {
    if (!socket.destroyed) socket.resume();
  }, REFUSAL_PAUSE_MS).unref();
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function envelope(code: ErrorCode): string {
  return JSON.stringify({ error: { code, message: `${messageOf(code, 'zh')} ${messageOf(code, 'en')}` } });
}

function rawResponse(status: number, code: ErrorCode): string {
  const body = envelope(code);
  const head = [`HTTP/1.1 ${status} ${REASONS[status]}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}
