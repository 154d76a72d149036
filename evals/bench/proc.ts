// Child processes for the benchmarks that must measure a real process (the server, the indexer CLI):
// memory from /proc, peak memory from GNU time, and the server's start-up as a client sees it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sleep } from './measure.ts';

/** Everything here talks to this address only. */
export const LOOPBACK = '127.0.0.1';
const GNU_TIME = '/usr/bin/time';

export interface ProcMemory {
  /** Resident set size now. */
  rssBytes: number;
  /** Peak resident set size since the process started. */
  hwmBytes: number;
}

/** VmRSS and VmHWM of a live process; null once it has exited (or off Linux). */
export async function procMemory(pid: number): Promise<ProcMemory | null> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM') };
}

/** Kernel clock ticks per second, for /proc/<pid>/stat times (100 on every mainstream Linux). */
let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system, all threads) a live process has used, in ms; null once it has exited. */
export async function procCpuMs(pid: number): Promise<number | null> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name (which is in parentheses and may contain spaces): state is field 3,
  // utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
}

/** Samples a process's RSS on an interval, keeping the largest and a timeline; bounded by `maxSamples`. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private samples = 0;
  private started = performance.now();
  peakBytes = 0;
  readonly timeline: { ms: number; rssBytes: number }[] = [];

  constructor(
    private readonly pid: number,
    private readonly everyMs = 250,
    private readonly maxSamples = 10_000,
  ) {}

  start(): this {
    this.started = performance.now();
    this.timer = setInterval(() => {
      if (++this.samples > this.maxSamples) return this.stop();
      void procMemory(this.pid).then((m) => {
        if (!m) return;
        this.timeline.push({ ms: performance.now() - this.started, rssBytes: m.rssBytes });
        if (m.rssBytes > this.peakBytes) this.peakBytes = m.rssBytes;
      });
    }, this.everyMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Forgets what was sampled so far: measurement starts now (e.g. after a warm-up). */
  reset(): void {
    this.started = performance.now();
    this.peakBytes = 0;
    this.timeline.length = 0;
  }

  /** The last sample at or before `ms` since the start (or the reset). */
  at(ms: number): number {
    return this.timeline.filter((s) => s.ms <= ms).at(-1)?.rssBytes ?? NaN;
  }
}

/** An unused TCP port on the loopback interface (the OS picks; we release it just before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** The last lines a child wrote, for error messages; bounded so a chatty child cannot fill memory. */
class Tail {
  private lines: string[] = [];
  constructor(private readonly keep = 40) {}
  push(chunk: Buffer): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (this.lines.length > this.keep) this.lines = this.lines.slice(-this.keep);
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Spawn → first 200 from /healthz, in milliseconds: start-up as a client experiences it. */
  readyMs: number;
  output: () => string;
  stop(): Promise<void>;
}

/** The shipped entry point (what `npm start` runs: the prebuilt bundle, built first when stale). */
export const SERVER_ENTRY = 'server/node/start.mjs';

export interface ServerOptions {
  indexDir: string;
  /** Added to the environment (rate limits, logging). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** Starts `node server/node/start.mjs --index DIR` on a free loopback port and waits for /healthz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER_ENTRY, '--index', options.indexDir], {
    env: { ...process.env, ...options.env, PORT: String(port), HOST: LOOPBACK },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new Tail();
  child.stdout!.on('data', (chunk: Buffer) => tail.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => tail.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = () => stopChild(child, exited);

  const deadline = started + (options.readyTimeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${tail}`);
    if (await healthy(url)) {
      return { url, pid: child.pid!, readyMs: performance.now() - started, output: () => tail.toString(), stop };
    }
    // Short enough not to inflate the measured start-up by much, long enough not to load the machine.
    await sleep(10);
  }
  await stop();
  throw new Error(`server not ready after ${options.readyTimeoutMs ?? 60_000} ms:\n${tail}`);
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM (the server closes gracefully), then SIGKILL if it has not exited within 5 s. Only our own child. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface TimedRun {
  code: number | null;
  wallMs: number;
  /** Peak RSS of the command (GNU time's "Maximum resident set size", else sampled VmHWM). */
  peakRssBytes: number;
  peakSource: 'gnu-time' | 'vmhwm-sampled';
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, measuring wall time and peak memory; killed after `timeoutMs`. */
export async function runMeasured(command: string, args: string[], options: { env?: Record<string, string>; timeoutMs: number }): Promise<TimedRun> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Bounded: the indexer prints a lint table and a line or two.
  child.stdout!.on('data', (c: Buffer) => (stdout = (stdout + c.toString('utf8')).slice(-100_000)));
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-100_000)));
  let sampledPeak = 0;
  const sampler = useTime
    ? null
    : setInterval(() => {
        void procMemory(child.pid!).then((m) => {
          if (m && m.hwmBytes > sampledPeak) sampledPeak = m.hwmBytes;
        });
      }, 20);
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const wallMs = performance.now() - started;
  clearTimeout(killer);
  if (sampler) clearInterval(sampler);
  const timePeak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN) * 1024;
  return {
    code,
    wallMs,
    peakRssBytes: useTime ? timePeak : sampledPeak,
    peakSource: useTime ? 'gnu-time' : 'vmhwm-sampled',
    stdout,
    stderr,
  };
}
