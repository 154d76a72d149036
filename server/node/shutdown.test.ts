// The served process and signals (issue 14.4): `npm start` is one node process that drains requests in
// progress, closes idle and half-sent connections, and exits within the grace period on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from '../http/raw-client.ts';
import { buildTestIndex, type TestIndex } from '../http/test-server.ts';

/** What `npm start` runs. */
const SERVE = ['server/node/start.mjs'];
const GRACE_MS = 1_500;

let index: TestIndex;
beforeAll(async () => {
  index = await buildTestIndex();
}, 60_000);
afterAll(() => index?.remove());

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function serve(command: string, args: string[]): Promise<Served> {
  const child = spawn(command, [...args, '--index', index.dir], {
    env: { ...process.env, PORT: '0', LOG_REQUESTS: '0', SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not listening after 60 s:\n${out}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /listening on http:\/\/[\d.]+:(\d+)/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, exited });
      }
    });
  });
}

/** Milliseconds from SIGTERM to exit, or Infinity when still alive after `limitMs` (then it is killed). */
async function timeToExit(served: Served, limitMs: number): Promise<number> {
  const started = performance.now();
  let killed = false;
  served.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    killed = true;
    served.child.kill('SIGKILL');
  }, limitMs);
  await served.exited;
  clearTimeout(timer);
  return killed ? Infinity : performance.now() - started;
}

const refused = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('SIGTERM', () => {
  it('exits at once with an idle keep-alive connection and one still sending its headers', async () => {
    const served = await serve(process.execPath, SERVE);
    const idle = rawExchange(served.url, ['GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n'], 20_000);
    const slowHeaders = rawExchange(served.url, ['GET /healthz HTTP/1.1\r\nHo'], 20_000);
    await new Promise((r) => setTimeout(r, 300));
    // Before the fix the process stayed alive indefinitely; the bound leaves room for a loaded 2-core machine.
    expect(await timeToExit(served, 10_000)).toBeLessThan(6_000);
    expect((await idle).status).toBe(200);
    expect((await slowHeaders).ended).not.toBe('open');
  }, 90_000);

  it('lets a request in progress finish, then exits; a trickled body is cut off at the grace period', async () => {
    const served = await serve(process.execPath, SERVE);
    const head = 'POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const body = JSON.stringify({ question: '谁应当明确数据专员？' });
    const chunk = `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n`;
    const finishing = rawExchange(served.url, [head, 600, chunk, '0\r\n\r\n'], 20_000);
    const trickled = rawExchange(served.url, [head, ...Array.from({ length: 100 }, () => ['1\r\n \r\n', 200]).flat()], 30_000);
    await new Promise((r) => setTimeout(r, 300));
    const ms = await timeToExit(served, 15_000);
    expect((await finishing).status).toBe(200);
    expect(ms).toBeGreaterThan(GRACE_MS - 200);
    // The trickle would last 20 s: exiting well before that shows the grace period cut it off.
    expect(ms).toBeLessThan(GRACE_MS + 8_000);
    expect((await trickled).ended).not.toBe('open');
  }, 90_000);

  it('stops `npm start` and everything it started', async () => {
    const served = await serve('npm', ['start', '--silent', '--']);
    expect(await timeToExit(served, 10_000)).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await refused(served.url)).toBe(true);
  }, 90_000);
});
