// Load runs with autocannon against a server on loopback, shared by the HTTP, soak and serving sections:
// the seed questions as requests, a preflight that drops any the API refuses, and one run's summary with
// the CPU both sides used.
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { loadSeed } from '../dataset.ts';
import { procCpuMs, procMemory, type RunningServer } from './proc.ts';

export interface RunSummary {
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
export async function load(url: string, requests: AutocannonRequest[], connections: number, seconds: number, label: string, serverPid?: number): Promise<RunSummary> {
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
export async function preflight(url: string, requests: AutocannonRequest[]) {
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

export async function rssOf(server: RunningServer): Promise<number> {
  return (await procMemory(server.pid))?.rssBytes ?? NaN;
}
