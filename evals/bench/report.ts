// Benchmark output: markdown tables for the terminal (ready to paste into the README) and one JSON file
// per day under evals/reports/, where sections from separate `--only` runs accumulate.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Summary } from './stats.ts';

export type SectionName = 'latency' | 'http' | 'build' | 'scale' | 'engine' | 'soak' | 'serving';

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
  /** Why it was missed, or what the number depends on. */
  note?: string;
}

export interface SectionResult {
  /** Markdown: headings and tables. */
  markdown: string;
  targets: TargetCheck[];
  /** Everything measured, JSON-serialisable. */
  data: unknown;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** 1-minute load average when the run started: > cores means other work competed for the CPU. */
  loadAverageAtStart: number;
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

// ---- formatting ----

/** Milliseconds as a bare number for "(ms)" columns, with precision where it matters. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** A duration with its unit, for prose and target cells: "850 ms", "14.6 s", "3.2 min". */
export function fmtDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return `${fmtMs(ms)} ms`;
}

export function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes < 0) return `−${fmtBytes(-bytes)}`;
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return n.toLocaleString('en-US');
}

/** p50 / p95 / p99 cells of a latency summary, in milliseconds. */
export function latencyCells(s: Summary): string[] {
  return [fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99)];
}

/** A GitHub-flavoured markdown table; numeric-looking columns are right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => /^[-–+]?[\d.,]+(\s?[a-zA-Z%×]+)?$|^–$/.test(r[c] ?? '')));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, c) => (numeric[c] ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function targetsTable(targets: TargetCheck[]): string {
  return table(
    ['Target', 'Goal', 'Measured', 'Met', 'Note'],
    targets.map((t) => [t.name, t.target, t.measured, t.met ? 'yes' : '**no**', t.note ?? '']),
  );
}

// ---- persistence ----

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface BenchReport {
  date: string;
  machine: MachineInfo;
  /** Per section: the command that produced it, when, and what it measured. */
  sections: Partial<Record<SectionName, { command: string; finishedAt: string; machine: MachineInfo; targets: TargetCheck[]; data: unknown }>>;
}

/**
 * Writes evals/reports/bench-<date>.json. A file from earlier today is merged into, so that running
 * `--only http` after a full run replaces the http section and keeps the others.
 */
export async function saveReport(dir: string, command: string, machine: MachineInfo, results: Partial<Record<SectionName, SectionResult>>): Promise<string> {
  const file = join(dir, `bench-${today()}.json`);
  let report: BenchReport = { date: today(), machine, sections: {} };
  try {
    const previous = JSON.parse(await readFile(file, 'utf8')) as BenchReport;
    if (previous.date === report.date && previous.sections) report = { ...previous, machine };
  } catch {
    // No report yet today (or an unreadable one): start afresh.
  }
  for (const [name, result] of Object.entries(results) as [SectionName, SectionResult][]) {
    report.sections[name] = { command, finishedAt: new Date().toISOString(), machine, targets: result.targets, data: result.data };
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
