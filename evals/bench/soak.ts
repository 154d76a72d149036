// The soak: a minute at 64 connections with the shipped configuration, and whether memory stays flat.
import type { AutocannonRequest } from 'autocannon';
import { serverConfigFromEnv } from '../../indexer/config/server-config.ts';
import { STATUTES_CORPUS } from './corpora.ts';
import type { Fixtures } from './fixtures.ts';
import { askRequests, load, rssOf, type RunSummary } from './load.ts';
import { sleep } from './measure.ts';
import { RssSampler, startServer } from './proc.ts';
import { fmtBytes, table, type SectionResult, type TargetCheck } from './report.ts';

const MB = 1e6;

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
