// HTTP benchmarks against the real server (node server/node/start.mjs, the bundle `npm start` serves, a child process on a
// loopback port): start-up time, throughput and latency with autocannon at several concurrencies, the
// server's memory, and a soak at the normal rate limits.
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { serverConfigFromEnv } from '../../indexer/config/server-config.ts';
import { loadSeed } from '../dataset.ts';
import { STATUTES_CORPUS } from './corpora.ts';
import type { Fixtures } from './fixtures.ts';
import { sleep } from './measure.ts';
import { procCpuMs, procMemory, RssSampler, runMeasured, SERVER_ENTRY, startServer, type RunningServer } from './proc.ts';
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

interface RunSummary {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
  cpu?: { serverCores: number; serverMsPerRequest: number; loadGeneratorCores: number };
}

function summarizeRun(label: string, r: AutocannonResult): RunSummary {
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count]));
  const requests = Object.values(statusCodes).reduce((s, n) => s + n, 0);
  return {
    label,
    connections: r.connections,
    seconds: r.duration,
    requests,
    rps: requests / r.duration,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
    statusCodes,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * One autocannon run. With the server's pid, also the CPU both sides used: the server's from /proc (all
 * its threads), the load generator's from this process. That tells a server that is saturated from one
 * that is starved of CPU by the load generator or by other work on the machine.
 */
async function load(url: string, requests: AutocannonRequest[], connections: number, seconds: number, label: string, serverPid?: number): Promise<RunSummary> {
  const serverBefore = serverPid ? await procCpuMs(serverPid) : null;
  const selfBefore = process.cpuUsage();
  // timeout: a request stuck for 10 s counts as an error rather than stalling the run.
  const result = await autocannon({ url, connections, duration: seconds, timeout: 10, requests, title: label });
  const self = process.cpuUsage(selfBefore);
  const serverAfter = serverPid ? await procCpuMs(serverPid) : null;
  const summary = summarizeRun(label, result);
  if (serverBefore !== null && serverAfter !== null) {
    const wallMs = result.duration * 1000;
    const serverMs = serverAfter - serverBefore;
    summary.cpu = {
      serverCores: serverMs / wallMs,
      serverMsPerRequest: serverMs / Math.max(1, summary.requests),
      loadGeneratorCores: (self.user + self.system) / 1000 / wallMs,
    };
  }
  return summary;
}

/** The seed questions as POST /api/ask requests; autocannon cycles through them on every connection. */
export async function askRequests(lang?: 'zh' | 'en'): Promise<AutocannonRequest[]> {
  return (await loadSeed()).filter((q) => !lang || q.lang === lang).map((q) => ({
    method: 'POST',
    path: '/api/ask',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: q.question, history: q.history, regulationId: q.regulationId, lang: q.lang }),
  }));
}

/** Asks each question once; a question the API refuses would make every run report errors, so it is dropped and reported. */
async function preflight(url: string, requests: AutocannonRequest[]) {
  const kept: AutocannonRequest[] = [];
  const dropped: { body: string; status: number }[] = [];
  for (const r of requests) {
    const res = await fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body as string, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    if (res.status === 200) kept.push(r);
    else dropped.push({ body: String(r.body), status: res.status });
  }
  return { kept, dropped };
}

async function rssOf(server: RunningServer): Promise<number> {
  return (await procMemory(server.pid))?.rssBytes ?? NaN;
}

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

export interface SoakOptions {
  seconds: number;
}

const SOAK_CONNECTIONS = 64;
const SOAK_WARMUP_S = 10;
/** Memory growth allowed over the soak, after warm-up. */
const SOAK_GROWTH_BOUND = 50 * MB;

interface SoakRun {
  warmup: RunSummary;
  soak: RunSummary;
  unexpected: number;
  memory: { afterWarmupBytes: number; peakBytes: number; afterBytes: number; restedBytes: number; quarters: number[]; growthBytes: number; lateGrowthBytes: number };
}

async function soakOnce(indexDir: string, seconds: number, requests: AutocannonRequest[], log: (line: string) => void): Promise<SoakRun> {
  const server = await startServer({ indexDir });
  const sampler = new RssSampler(server.pid, 1000).start();
  try {
    log(`soak: warm-up ${SOAK_WARMUP_S} s`);
    const warmup = await load(server.url, requests, SOAK_CONNECTIONS, SOAK_WARMUP_S, 'soak warm-up');
    const afterWarmupBytes = await rssOf(server);
    sampler.reset();
    log(`soak: ${seconds} s at ${SOAK_CONNECTIONS} connections`);
    const soak = await load(server.url, requests, SOAK_CONNECTIONS, seconds, 'soak', server.pid);
    const afterBytes = await rssOf(server);
    // Anything the server keeps per request (buckets, queues, logs) would show up as memory not returned.
    await sleep(5_000);
    const restedBytes = await rssOf(server);
    sampler.stop();
    const quarters = [1, 2, 3, 4].map((q) => sampler.at((q * seconds * 1000) / 4));
    const unexpected = Object.entries(soak.statusCodes).filter(([code]) => code !== '200' && code !== '429').reduce((s, [, n]) => s + n, 0) + soak.errors + soak.timeouts;
    return {
      warmup,
      soak,
      unexpected,
      memory: {
        afterWarmupBytes,
        peakBytes: sampler.peakBytes,
        afterBytes,
        restedBytes,
        quarters,
        growthBytes: Math.max(afterBytes, sampler.peakBytes) - afterWarmupBytes,
        // Second half only: a heap that has finished sizing itself stops growing; a leak does not.
        lateGrowthBytes: afterBytes - (quarters[1] ?? NaN),
      },
    };
  } finally {
    sampler.stop();
    await server.stop();
  }
}

/**
 * A minute at 64 connections with the shipped configuration (rate limit, request log, concurrency cap):
 * all traffic comes from one loopback client, so nearly everything past the burst is an intended 429.
 * Passes when nothing else goes wrong and memory stays flat.
 */
export async function runSoak(fixtures: Fixtures, options: SoakOptions, log = console.error): Promise<SectionResult> {
  const indexDir = await fixtures.lexicalIndex(STATUTES_CORPUS, 'statutes');
  const requests = await askRequests();
  const run = await soakOnce(indexDir, options.seconds, requests, log);
  const codes = (r: RunSummary) => Object.entries(r.statusCodes).map(([c, n]) => `${c}: ${n}`).join(', ');
  const targets: TargetCheck[] = [
    {
      name: `soak ${options.seconds} s at ${SOAK_CONNECTIONS} connections, shipped rate limits`,
      target: '0 errors besides 429',
      measured: `${run.unexpected} (${codes(run.soak)}); p99 ${run.soak.latency.p99} ms`,
      met: run.unexpected === 0,
    },
    {
      name: 'soak memory growth after warm-up (max(peak, final) RSS − RSS after warm-up)',
      target: `< ${fmtBytes(SOAK_GROWTH_BOUND)}`,
      measured: fmtBytes(run.memory.growthBytes),
      met: run.memory.growthBytes < SOAK_GROWTH_BOUND,
      note: `second half of the soak: ${fmtBytes(run.memory.lateGrowthBytes)}; 5 s after: ${fmtBytes(run.memory.restedBytes)}`,
    },
  ];
  const shippedConfig = serverConfigFromEnv({});
  const markdown = [
    `### Soak: ${options.seconds} s, ${SOAK_CONNECTIONS} connections, shipped configuration (rate limit ${shippedConfig.rateLimit.perMinute}/min, burst ${shippedConfig.rateLimit.burst}; at most ${shippedConfig.maxConcurrent} in progress; request log ${shippedConfig.logRequests ? 'on' : 'off'})`,
    table(
      ['Requests', 'Req/s', '200', '429', 'Other', 'p50 (ms)', 'p99 (ms)', 'Max (ms)', 'Server CPU (cores)'],
      [
        [
          String(run.soak.requests),
          run.soak.rps.toFixed(0),
          String(run.soak.statusCodes['200'] ?? 0),
          String(run.soak.statusCodes['429'] ?? 0),
          String(run.unexpected),
          String(run.soak.latency.p50),
          String(run.soak.latency.p99),
          String(run.soak.latency.max),
          run.soak.cpu ? run.soak.cpu.serverCores.toFixed(2) : '–',
        ],
      ],
    ),
    '',
    table(
      ['RSS after warm-up', ...[1, 2, 3, 4].map((q) => `at ${(q * options.seconds) / 4} s`), 'Peak', '5 s after', 'Growth'],
      [[fmtBytes(run.memory.afterWarmupBytes), ...run.memory.quarters.map(fmtBytes), fmtBytes(run.memory.peakBytes), fmtBytes(run.memory.restedBytes), fmtBytes(run.memory.growthBytes)]],
    ),
  ].join('\n');
  return { markdown, targets, data: { connections: SOAK_CONNECTIONS, warmupSeconds: SOAK_WARMUP_S, growthBoundBytes: SOAK_GROWTH_BOUND, config: shippedConfig, ...run } };
}
