// Child-process entry: fresh clients during a load test. Every `everyMs` it opens a new connection
// (without waiting for the previous one, so a slow answer cannot hide the next), sends GET /healthz and
// records the time to the first byte of the answer (any status). In its own process so that the load
// generator's busy event loop does not delay it. Prints one JSON line.
// Usage: node --import tsx evals/bench/ttfb-probe.ts URL SECONDS [everyMs]
import { rawExchange } from '../../server/http/raw-client.ts';

const [url, seconds, every = '100'] = process.argv.slice(2);
if (!url || !seconds) throw new Error('usage: ttfb-probe.ts URL SECONDS [everyMs]');
const until = performance.now() + Number(seconds) * 1000;
const probes: Promise<{ ms: number; status: number }>[] = [];
while (performance.now() < until) {
  probes.push(
    rawExchange(url, ['GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'], 60_000).then((reply) => ({ ms: reply.firstByteMs, status: reply.status })),
  );
  await new Promise((r) => setTimeout(r, Number(every)));
}
console.log(JSON.stringify(await Promise.all(probes)));
