// HTTP benchmarks against the real server (node server/node/start.mjs, the bundle `npm start` serves, a child process on a
// loopback port): start-up time, throughput and latency with autocannon at several concurrencies, and the
// server's memory. The soak is soak.ts.
import type { AutocannonRequest } from 'autocannon';
import { STATUTES_CORPUS } from './corpora.ts';
import type { Fixtures } from './fixtures.ts';
import { askRequests, load, preflight, rssOf, type RunSummary } from './load.ts';
import { RssSampler, runMeasured, SERVER_ENTRY, startServer } from './proc.ts';
import { fmtBytes, fmtDuration, fmtMs, table, type SectionResult, type TargetCheck } from './report.ts';
import { median } from './stats.ts';

export interface HttpOptions {
  /** Seconds per autocannon run. */
  seconds: number;
}

const CONCURRENCIES = [1, 16, 64];
/** Load-test settings: rate limits out of the way, no per-request log line; everything else as shipped. */
const LOAD_ENV = { RATE_LIMIT_PER_MIN: '1000000000', RATE_LIMIT_BURST: '1000000000', LOG_REQUESTS: '0', MAX_QUEUE: '256' };
const READY_SPAWNS = 3;
/** Total load before the "after 60 s of load" memory reading. */
const LOAD_TOTAL_S = 60;
const MB = 1e6;

/** Start-up as a client sees it: spawn → first 200 from /healthz, a few times (the first may fill caches). */
async function readiness(indexDir: string) {
  const spawns: number[] = [];
  for (let i = 0; i < READY_SPAWNS; i++) {
    const server = await startServer({ indexDir, env: LOAD_ENV });
    spawns.push(server.readyMs);
    await server.stop();
  }
  return { spawns, medianMs: median(spawns) };
}

/** Where start-up goes: bare node, node with the tsx loader, then each step of startup-probe.ts. */
async function startupBreakdown(indexDir: string) {
  const node = await runMeasured(process.execPath, ['-e', '0'], { timeoutMs: 30_000 });
  const tsx = await runMeasured(process.execPath, ['--import', 'tsx', '-e', '0'], { timeoutMs: 30_000 });
  const probe = await runMeasured(process.execPath, ['--import', 'tsx', 'evals/bench/startup-probe.ts', indexDir], { timeoutMs: 120_000 });
  const steps = probe.code === 0 ? (JSON.parse(probe.stdout.trim().split('\n').at(-1)!) as { step: string; ms: number; rssBytes: number }[]) : [];
  return { nodeFloorMs: node.wallMs, tsxFloorMs: tsx.wallMs, steps };
}

export async function runHttp(fixtures: Fixtures, options: HttpOptions, log = console.error): Promise<SectionResult> {
  const indexDir = await fixtures.lexicalIndex(STATUTES_CORPUS, 'statutes');
  log('http: start-up');
  const ready = await readiness(indexDir);
  const breakdown = await startupBreakdown(indexDir);

  const server = await startServer({ indexDir, env: LOAD_ENV });
  const sampler = new RssSampler(server.pid).start();
  let requests: AutocannonRequest[];
  let dropped: { body: string; status: number }[];
  let warmup: RunSummary;
  let memory: { idleBytes: number; afterWarmupBytes: number; afterLoadBytes: number; peakBytes: number; loadSeconds: number };
  const runs: RunSummary[] = [];
  try {
    const idleBytes = await rssOf(server);
    ({ kept: requests, dropped } = await preflight(server.url, await askRequests()));
    log(`http: warm-up (${requests.length} questions, ${dropped.length} dropped)`);
    warmup = await load(server.url, requests, 16, 5, 'warm-up');
    const afterWarmupBytes = await rssOf(server);
    for (const c of CONCURRENCIES) {
      log(`http: ${c} connections, ${options.seconds} s`);
      runs.push(await load(server.url, requests, c, options.seconds, `c=${c}`, server.pid));
    }
    const rest = LOAD_TOTAL_S - CONCURRENCIES.length * options.seconds;
    if (rest > 0) {
      log(`http: sustained 16 connections, ${rest} s (memory after ${LOAD_TOTAL_S} s of load)`);
      runs.push(await load(server.url, requests, 16, rest, 'c=16 sustained', server.pid));
    }
    memory = { idleBytes, afterWarmupBytes, afterLoadBytes: await rssOf(server), peakBytes: sampler.peakBytes, loadSeconds: Math.max(LOAD_TOTAL_S, CONCURRENCIES.length * options.seconds) };
    // English questions take another path (the glossary bridge): the same load with Chinese questions
    // only shows how much they weigh on throughput.
    const zh = (await preflight(server.url, await askRequests('zh'))).kept;
    log(`http: 16 connections, ${zh.length} Chinese questions only`);
    runs.push(await load(server.url, zh, 16, options.seconds, 'c=16, zh questions only', server.pid));
  } finally {
    sampler.stop();
    await server.stop();
  }

  const c16 = runs.find((r) => r.label === 'c=16')!;
  const failures = (r: RunSummary) => r.errors + r.timeouts + r.non2xx;
  const allFailures = runs.reduce((s, r) => s + failures(r), 0);
  const worstRss = Math.max(memory.afterWarmupBytes, memory.afterLoadBytes);
  const targets: TargetCheck[] = [
    {
      name: 'HTTP throughput at 16 connections (POST /api/ask)',
      target: '≥ 500 req/s, 0 errors',
      measured: `${c16.rps.toFixed(0)} req/s, ${failures(c16)} errors`,
      met: c16.rps >= 500 && failures(c16) === 0,
      note: `server CPU ${fmtMs(c16.cpu?.serverMsPerRequest ?? NaN)} ms per request, ${c16.cpu?.serverCores.toFixed(2)} cores busy (one JS thread + GC helpers); autocannon ${c16.cpu?.loadGeneratorCores.toFixed(2)} cores; Chinese questions only: ${runs.find((r) => r.label.includes('zh'))?.rps.toFixed(0)} req/s`,
    },
    { name: 'HTTP errors (non-2xx, socket errors, timeouts), all runs', target: '0', measured: String(allFailures), met: allFailures === 0 },
    {
      name: 'server RSS after warm-up / after 60 s of load',
      target: '≤ 300 MB',
      measured: `${fmtBytes(memory.afterWarmupBytes)} / ${fmtBytes(memory.afterLoadBytes)} (peak ${fmtBytes(memory.peakBytes)})`,
      met: worstRss <= 300 * MB,
      note: `idle after start ${fmtBytes(memory.idleBytes)}`,
    },
    {
      name: 'server ready after start (spawn → first 200 from /healthz)',
      target: '≤ 2 s',
      measured: `${fmtDuration(ready.medianMs)} (median of ${ready.spawns.length})`,
      met: ready.medianMs <= 2000,
      note: `node + tsx loader alone ${fmtDuration(breakdown.tsxFloorMs)}; steps in the start-up table`,
    },
  ];
  const markdown = [
    `### HTTP: POST /api/ask, ${requests.length} rotating seed questions, lexical-only index, autocannon on the same machine`,
    table(
      ['Run', 'Connections', 'Seconds', 'Requests', 'Req/s', 'p50 (ms)', 'p90 (ms)', 'p99 (ms)', 'Max (ms)', 'Errors', 'Server CPU (cores)', 'Server CPU per request (ms)', 'autocannon CPU (cores)'],
      runs.map((r) => [
        r.label,
        String(r.connections),
        r.seconds.toFixed(1),
        String(r.requests),
        r.rps.toFixed(0),
        String(r.latency.p50),
        String(r.latency.p90),
        String(r.latency.p99),
        String(r.latency.max),
        String(failures(r)),
        r.cpu ? r.cpu.serverCores.toFixed(2) : '–',
        r.cpu ? fmtMs(r.cpu.serverMsPerRequest) : '–',
        r.cpu ? r.cpu.loadGeneratorCores.toFixed(2) : '–',
      ]),
    ),
    '',
    table(
      ['Server memory (RSS)', SERVER_ENTRY],
      [
        ['after start (idle)', fmtBytes(memory.idleBytes)],
        ['after warm-up', fmtBytes(memory.afterWarmupBytes)],
        [`after ${memory.loadSeconds} s of load`, fmtBytes(memory.afterLoadBytes)],
        ['peak during load', fmtBytes(memory.peakBytes)],
      ],
    ),
    '',
    table(
      ['Start-up: spawn → first 200 /healthz', 'ms'],
      [
        [`${SERVER_ENTRY} (median of ${READY_SPAWNS}: ${ready.spawns.map(fmtMs).join(', ')})`, fmtMs(ready.medianMs)],
        ['floor: `node -e 0`', fmtMs(breakdown.nodeFloorMs)],
        ['floor: `node --import tsx -e 0`', fmtMs(breakdown.tsxFloorMs)],
      ],
    ),
    '',
    table(
      ['Start-up step (startup-probe.ts)', 'ms', 'RSS after'],
      breakdown.steps.map((s) => [s.step, fmtMs(s.ms), fmtBytes(s.rssBytes)]),
    ),
  ].join('\n');
  return { markdown, targets, data: { env: LOAD_ENV, readiness: { ...ready, breakdown }, dropped, warmup, runs, memory } };
}
