// serve.ts on a real server over a raw keep-alive socket: a connection told to come back later is not
// read again until then, while other connections are served as usual.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, startServer, testConfig, type TestIndex, type TestServer } from '../http/test-server.ts';

let index: TestIndex;
let server: TestServer;
beforeAll(async () => {
  index = await buildTestIndex();
  server = await startServer(index.assistant, testConfig({ rateLimit: { perMinute: 1, burst: 1 } }));
}, 60_000);
afterAll(async () => {
  await server?.close();
  await index?.remove();
});

const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`;

/** A keep-alive connection on which each request is sent only after the previous response arrived. */
function keepAlive(url: string): Promise<{ ask(path: string): Promise<{ status: number; ms: number }>; close(): void }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname, () => resolve({ ask, close: () => socket.destroy() }));
    socket.once('error', reject);
    let pending: ((head: string) => void) | null = null;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(buffered)?.[1] ?? 0);
      if (end >= 0 && buffered.length >= end + 4 + length) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4 + length);
        pending?.(head);
      }
    });
    function ask(path: string) {
      const started = performance.now();
      return new Promise<{ status: number; ms: number }>((done) => {
        pending = (head) => done({ status: Number(head.split(' ')[1]), ms: performance.now() - started });
        socket.write(GET(path));
      });
    }
  });
}

describe('a connection refused with Retry-After', () => {
  it('is not read again for a second; other connections are answered meanwhile', async () => {
    const client = await keepAlive(server.url);
    try {
      expect((await client.ask('/api/regulations')).status).toBe(200);
      const refused = await client.ask('/api/regulations');
      expect(refused.status).toBe(429);
      const next = client.ask('/healthz');
      const second = await keepAlive(server.url);
      const other = await second.ask('/healthz');
      second.close();
      expect(other.status).toBe(200);
      const held = await next;
      expect(held.status).toBe(200);
      // Another connection was answered while this one waited out the pause.
      expect(held.ms).toBeGreaterThan(900);
      expect(held.ms).toBeGreaterThan(other.ms);
    } finally {
      client.close();
    }
  }, 30_000);
});
