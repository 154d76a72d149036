// The JSON report (metrics per system and compact per-question results) and writing both reports.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalQuestion } from '../dataset.ts';
import { breakdown, summarize, type Metrics } from '../metrics.ts';
import type { Catalogue } from '../refs.ts';
import type { QuestionResult } from '../run.ts';
import type { RunInfo, SystemRun } from './run-info.ts';

/** Metrics per system (all, per split, kind, language) and compact per-question results. */
export function jsonReport(info: RunInfo, runs: readonly SystemRun[], questions: readonly EvalQuestion[], catalogue: Catalogue) {
  const group = (results: QuestionResult[], field: 'split' | 'kind' | 'lang') => Object.fromEntries(breakdown(results, field).map((g) => [g.group, round(g.metrics)]));
  return {
    ...info,
    systems: runs.map((r) => ({
      name: r.name,
      metrics: round(summarize(r.results)),
      bySplit: group(r.results, 'split'),
      byKind: group(r.results, 'kind'),
      byLang: group(r.results, 'lang'),
    })),
    // Per question (the text is in the dataset, under the same id): gold once; for the first system
    // what it cited, the rank of the first gold article, its top 5 where the top is wrong, latency;
    // for the others whether they answered and the rank.
    questions: questions.map((q) => {
      const byRun = runs.map((run) => [run.name, run.results.find((x) => x.id === q.id)] as const);
      return {
        id: q.id,
        split: q.split,
        kind: q.kind,
        gold: q.gold.map((g) => catalogue.goldKey(g) + (g.paragraph ? `/${g.paragraph}` : '')),
        runs: Object.fromEntries(
          byRun.map(([name, r], i) => {
            if (!r) return [name, null];
            const brief = { found: r.found, rank: r.goldRank, ...(r.error ? { error: r.error } : {}) };
            if (i > 0) return [name, brief];
            return [
              name,
              {
                ...brief,
                cited: r.cited.map((c) => c.key + (c.paragraph ? `/${c.paragraph}` : '')),
                ...(r.gold.length > 0 && r.goldRank !== 1 && r.rankingSource === 'search' ? { top: r.ranked.slice(0, 5) } : {}),
                ms: Math.round(r.latencyMs * 10) / 10,
              },
            ];
          }),
        ),
      };
    }),
  };
}

function round(m: Metrics): Metrics {
  const out = { ...m } as Record<string, number | null>;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number' && !Number.isInteger(v)) out[k] = Math.round(v * 10000) / 10000;
  return out as unknown as Metrics;
}

export async function writeReports(dir: string, base: string, files: { json: unknown; markdown: string }): Promise<{ json: string; markdown: string; jsonBytes: number }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${base}.json`);
  const markdown = join(dir, `${base}.md`);
  const text = stringifyReport(files.json);
  await writeFile(json, text);
  await writeFile(markdown, files.markdown);
  return { json, markdown, jsonBytes: Buffer.byteLength(text) };
}

/** Indented JSON with one question per line: small, and diffs line up with questions. */
export function stringifyReport(report: unknown): string {
  if (!report || typeof report !== 'object' || !Array.isArray((report as { questions?: unknown }).questions)) return JSON.stringify(report, null, 1) + '\n';
  const { questions, ...rest } = report as { questions: unknown[] };
  // Objects of plain values (a metrics block) on one line each.
  const head = JSON.stringify(rest, null, 1)
    .replace(/\{\n(?:\s+"[^"\n]+": (?:"(?:[^"\\\n]|\\.)*"|-?[\d.e+-]+|true|false|null),?\n)+\s*\}/g, (block) => block.replace(/\n\s*/g, ' ').replace('{ ', '{').replace(' }', '}'))
    .replace(/\n}$/, '');
  return `${head},\n "questions": [\n${questions.map((q) => `  ${JSON.stringify(q)}`).join(',\n')}\n ]\n}\n`;
}
