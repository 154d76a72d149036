// `npm run bench -- --only serving`: the product as a user starts it (`npm start`), today's (a git
// worktree of the baseline commit) and this one, measured in the same run: spawn → first 200 from
// /healthz, memory of the whole process tree when warm, POST /api/ask throughput at 16 connections, and
// under a 256-connection overload the time to first byte of a fresh connection (GET /healthz), plus the
// long fuzz (20k cases) against both. The throughput rounds alternate between the two servers.
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { baselineCheckout, DEFAULT_BASELINE } from './baseline.ts';
import type { Fixtures } from './fixtures.ts';
import { fuzzCases, runFuzz } from './fuzz.ts';
import { askRequests } from './load.ts';
import { sleep } from './measure.ts';
import { freePort, LOOPBACK, procMemory } from './proc.ts';
import { fmtBytes, fmtMs, table, type SectionResult, type TargetCheck } from './report.ts';
import { STATUTES_CORPUS } from './corpora.ts';
import { median, percentile } from './stats.ts';

export interface ServingOptions {
  baseline?: string;
  fuzzCases: number;
  overloadSeconds: number;
}

/** Rate limits out of the way (all load comes from one address), everything else as shipped. */
const ENV = { RATE_LIMIT_PER_MIN: '1000000000', RATE_LIMIT_BURST: '1000000000', LOG_REQUESTS: '0' };
const SPAWNS = 3;
/** Seconds for autocannon to open its 256 connections before the fresh-connection probes start. */
const OVERLOAD_RAMP_S = 3;
const MB = 1e6;

interface Served {
  url: string;
  pid: number;
  readyMs: number;
  stop(): Promise<void>;
}

async function npmStart(cwd: string, indexDir: string): Promise<Served> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--index', indexDir], { cwd, env: { ...process.env, ...ENV, PORT: String(port), HOST: LOOPBACK }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    const tree = await descendants(child.pid!);
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(8_000)]);
    // Whatever npm left behind (today's tsx → node) is ours to end, by pid.
    for (const pid of tree) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  while (performance.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`npm start in ${cwd} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return { url, pid: child.pid!, readyMs: performance.now() - started, stop };
    } catch {
      // not yet
    }
    await sleep(10);
  }
  await stop();
  throw new Error(`npm start in ${cwd} not ready after 120 s`);
}

/** Every process below `pid`, from /proc. */
async function descendants(pid: number): Promise<number[]> {
  const out: number[] = [];
  const visit = async (p: number) => {
    let children: number[] = [];
    try {
      const tasks = await readFile(`/proc/${p}/task/${p}/children`, 'utf8');
      children = tasks.split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return;
    }
    for (const c of children) {
      out.push(c);
      await visit(c);
    }
  };
  await visit(pid);
  return out;
}

async function treeRss(pid: number): Promise<{ bytes: number; processes: number }> {
  const pids = [pid, ...(await descendants(pid))];
  const rss = await Promise.all(pids.map(async (p) => (await procMemory(p))?.rssBytes ?? 0));
  return { bytes: rss.reduce((s, n) => s + n, 0), processes: pids.length };
}

async function askAll(url: string, requests: AutocannonRequest[]): Promise<number> {
  let ok = 0;
  for (const r of requests) {
    const res = await fetch(url + r.path, { method: 'POST', headers: r.headers, body: r.body as string });
    await res.arrayBuffer();
    if (res.status === 200) ok++;
  }
  return ok;
}

/**
 * Fresh connections during an overload: 256 connections hammer POST /api/ask; once they are all open
 * and busy (the issue's "256 open connections"), a separate process opens a new connection every 100 ms
 * (GET /healthz) and times the first byte, until 2 s before the load ends.
 */
async function overload(url: string, requests: AutocannonRequest[], seconds: number) {
  const loaded = autocannon({ url, connections: 256, duration: seconds, timeout: 30, requests });
  await sleep(OVERLOAD_RAMP_S * 1000);
  const probe = spawn(process.execPath, ['--import', 'tsx', 'evals/bench/ttfb-probe.ts', url, String(seconds - OVERLOAD_RAMP_S - 2)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  probe.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const probed = new Promise<void>((resolve) => probe.once('exit', () => resolve()));
  const result = await loaded;
  await probed;
  const samples = JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as { ms: number; status: number }[];
  const answered = samples.map((s) => s.ms).filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  return { probes: samples.length, unanswered: samples.length - answered.length, p50: percentile(answered, 50), p99: percentile(answered, 99), max: answered.at(-1) ?? NaN, codes, loadRps: result.requests.average };
}

/** c=16 rounds per server, alternating between the two, so that a noisy neighbour's minute hits both. */
const THROUGHPUT_ROUNDS = 3;
const ROUND_S = 10;

interface Started {
  label: string;
  served: Served;
  spawns: number[];
  firstAnswerMs: number;
  warm: { bytes: number; processes: number };
}

/** Start-up ×SPAWNS (each stopped again), then one server left running, asked everything once, its memory warm. */
async function startUp(label: string, cwd: string, indexDir: string, requests: AutocannonRequest[], log: (line: string) => void): Promise<Started> {
  log(`serving: ${label}: start-up ×${SPAWNS}`);
  const spawns: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const served = await npmStart(cwd, indexDir);
    spawns.push(served.readyMs);
    await served.stop();
  }
  const served = await npmStart(cwd, indexDir);
  const firstAnswerStarted = performance.now();
  await askAll(served.url, requests.slice(0, 1));
  const firstAnswerMs = performance.now() - firstAnswerStarted;
  await askAll(served.url, requests);
  return { label, served, spawns, firstAnswerMs, warm: await treeRss(served.pid) };
}

interface Throughput {
  /** Median over the rounds. */
  rps: number;
  rounds: number[];
  errors: number;
  /** Median of the rounds' p99 latency. */
  p99: number;
}

async function throughput(servers: Started[], requests: AutocannonRequest[], log: (line: string) => void): Promise<Throughput[]> {
  const runs: AutocannonResult[][] = servers.map(() => []);
  for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
    for (const [i, s] of servers.entries()) {
      log(`serving: ${s.label}: 16 connections, ${ROUND_S} s (round ${round + 1} of ${THROUGHPUT_ROUNDS})`);
      runs[i]!.push(await autocannon({ url: s.served.url, connections: 16, duration: ROUND_S, timeout: 10, requests }));
    }
  }
  return runs.map((rs) => ({
    rps: median(rs.map((r) => r.requests.average)),
    rounds: rs.map((r) => r.requests.average),
    errors: rs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
    p99: median(rs.map((r) => r.latency.p99)),
  }));
}

/** The overload probes and the long fuzz, against one running server. */
async function stress(s: Started, requests: AutocannonRequest[], options: ServingOptions, log: (line: string) => void) {
  log(`serving: ${s.label}: 256 connections, ${options.overloadSeconds} s, fresh-connection probes`);
  const over = await overload(s.served.url, requests, options.overloadSeconds);
  log(`serving: ${s.label}: fuzz, ${options.fuzzCases} cases`);
  const fuzz = await runFuzz(s.served.url, fuzzCases(20261201, options.fuzzCases));
  return {
    overload: over,
    fuzz: { cases: fuzz.cases, failures: fuzz.failures.length, fiveHundreds: Object.entries(fuzz.statuses).filter(([st]) => Number(st) >= 500).reduce((n, [, c]) => n + c, 0), examples: fuzz.failures.slice(0, 3) },
  };
}

async function measureBoth(sides: { label: string; cwd: string; indexDir: string }[], requests: AutocannonRequest[], options: ServingOptions, log: (line: string) => void) {
  const started: Started[] = [];
  try {
    for (const side of sides) started.push(await startUp(side.label, side.cwd, side.indexDir, requests, log));
    const c16 = await throughput(started, requests, log);
    const rows = [];
    for (const [i, s] of started.entries()) {
      rows.push({ label: s.label, readyMs: median(s.spawns), spawns: s.spawns, firstAnswerMs: s.firstAnswerMs, warmRssBytes: s.warm.bytes, processes: s.warm.processes, c16: c16[i]!, ...(await stress(s, requests, options, log)) });
    }
    return rows;
  } finally {
    for (const s of started) await s.served.stop();
  }
}

export async function runServing(fixtures: Fixtures, options: ServingOptions, log = console.error): Promise<SectionResult> {
  const baseline = await baselineCheckout(options.baseline ?? DEFAULT_BASELINE);
  const indexDir = await fixtures.lexicalIndex(STATUTES_CORPUS, 'statutes');
  const requests = await askRequests();
  const rows = await measureBoth(
    [
      { label: `today (${baseline.rev})`, cwd: baseline.dir, indexDir: baseline.indexDir },
      { label: 'this build', cwd: process.cwd(), indexDir },
    ],
    requests,
    options,
    log,
  );
  const [before, after] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const targets: TargetCheck[] = [
    { name: 'npm start ready (spawn → first 200 /healthz), vs today in the same run', target: '≤ 0.6×', measured: `${fmtMs(after.readyMs)} vs ${fmtMs(before.readyMs)} ms (${(after.readyMs / before.readyMs).toFixed(2)}×)`, met: after.readyMs <= 0.6 * before.readyMs, note: `first answer after ready: ${fmtMs(after.firstAnswerMs)} ms (the dictionary load, if the warm-up has not run yet)` },
    { name: 'RSS warm, whole process tree', target: '≤ 300 MB', measured: `${fmtBytes(after.warmRssBytes)} (today ${fmtBytes(before.warmRssBytes)})`, met: after.warmRssBytes <= 300 * MB },
    { name: 'POST /api/ask at 16 connections, vs today in the same run', target: '≥ 2×, 0 errors', measured: `${after.c16.rps.toFixed(0)} vs ${before.c16.rps.toFixed(0)} req/s (${(after.c16.rps / before.c16.rps).toFixed(2)}×; medians of ${THROUGHPUT_ROUNDS} alternating ${ROUND_S}-s rounds: ${after.c16.rounds.map((r) => r.toFixed(0)).join(', ')} vs ${before.c16.rounds.map((r) => r.toFixed(0)).join(', ')}), ${after.c16.errors} errors`, met: after.c16.rps >= 2 * before.c16.rps && after.c16.errors === 0 },
    { name: 'fresh connection under 256-connection load: p99 time to first byte', target: 'answer or fast refusal', measured: `${fmtMs(after.overload.p99)} ms (today ${fmtMs(before.overload.p99)} ms)`, met: after.overload.unanswered === 0 && after.overload.p99 < 1_000 },
    { name: `fuzz ${options.fuzzCases} cases: 5xx or errors without the envelope`, target: '0', measured: `${after.fuzz.failures} (today ${before.fuzz.failures})`, met: after.fuzz.failures === 0 },
  ];
  const markdown = [
    `### Serving: \`npm start\`, today (${baseline.rev}) and this build, same run, lexical-only two-statute index`,
    table(
      ['', 'ready (ms, median of 3)', 'first answer (ms)', 'processes', 'RSS warm', `req/s c=16 (median of ${THROUGHPUT_ROUNDS})`, 'p99 c=16 (ms)', 'fresh conn. TTFB p50 / p99 / max under 256 conns (ms)', '256-conn load: 200 / 503 / other', 'fuzz failures'],
      rows.map((r) => [
        r.label,
        fmtMs(r.readyMs),
        fmtMs(r.firstAnswerMs),
        String(r.processes),
        fmtBytes(r.warmRssBytes),
        r.c16.rps.toFixed(0),
        String(r.c16.p99),
        `${fmtMs(r.overload.p50)} / ${fmtMs(r.overload.p99)} / ${fmtMs(r.overload.max)}${r.overload.unanswered ? ` (${r.overload.unanswered} unanswered)` : ''}`,
        `${r.overload.codes['200'] ?? 0} / ${r.overload.codes['503'] ?? 0} / ${Object.entries(r.overload.codes).filter(([c]) => c !== '200' && c !== '503').reduce((n, [, c]) => n + c, 0)}`,
        `${r.fuzz.failures} of ${r.fuzz.cases} (${r.fuzz.fiveHundreds} 5xx)`,
      ]),
    ),
  ].join('\n');
  return { markdown, targets, data: { baseline: baseline.rev, rows } };
}
