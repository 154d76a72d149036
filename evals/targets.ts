// What an eval runs against: the assistant in this process (one per retriever mode), or a running
// server over HTTP (POST /api/ask, GET /api/search). Both answer and rank the same way.
import { z } from 'zod';
import type { AskInput, AskResult, Assistant, Citation, IndexData, RetrieverMode, TuningOverrides } from '../server/core/index.ts';
import { loadIndexData } from '../server/node/index.ts';
import { trainTranslation } from '../indexer/learn/train.ts';
import { crossValidated, type FoldDecisions } from './cv.ts';

export type CitedClause = Pick<Citation, 'regulationId' | 'article' | 'sub' | 'paragraph' | 'label'>;
export type Answer = Pick<AskResult, 'found' | 'answer'> & { citations: CitedClause[] };

export interface EvalTarget {
  /** hybrid / bm25 / dense / baseline / http */
  name: string;
  /** The answer and the time one request took (waits for a rate limit excluded). */
  ask(input: AskInput): Promise<{ result: Answer; ms: number }>;
  /** The ranked retrieval list for a question on its own (no history); absent when only citations can be judged. */
  search?(question: string, k: number, regulationId?: string): Promise<CitedClause[]>;
}

/** A request the eval cannot honour (as opposed to a bug): reported as a message, without a stack. */
export class EvalConfigError extends Error {
  override name = 'EvalConfigError';
}

export const RETRIEVERS = ['hybrid', 'bm25', 'dense', 'baseline'] as const satisfies readonly RetrieverMode[];

export function inProcessTarget(name: string, assistant: Pick<Assistant, 'ask' | 'search'>): EvalTarget {
  return {
    name,
    async ask(input) {
      const started = performance.now();
      const result = await assistant.ask(input);
      return { result, ms: performance.now() - started };
    },
    search: (q, k, regulationId) => assistant.search(q, k, regulationId),
  };
}

export interface LoadedTargets {
  targets: EvalTarget[];
  /** The first assistant loaded, for the catalogue and health. */
  assistant: Assistant;
  dense: boolean;
  denseNote: string | null;
}

/**
 * Each mechanism the full system can run without, `--ablate` names them: a tuning override (a weight
 * set to 0) or the index data without it (the calibrated decision: the coverage threshold decides).
 */
export const ABLATIONS: Record<string, { tuning: (d: IndexData) => TuningOverrides; data?: (d: IndexData) => IndexData }> = {
  translation: { tuning: () => ({ learned: { translationWeight: 0 } }) },
  reverse: { tuning: () => ({ learned: { reverseWeight: 0 } }) },
  neighbours: { tuning: () => ({ learned: { neighbourWeight: 0, regulationWeight: 0, repeatWeight: 0 } }) },
  pivot: { tuning: () => ({ learned: { pivotWeight: 0 } }) },
  // The coverage threshold decides; the weights the index fitted on its log stay.
  decision: { data: (d) => ({ ...d, decision: null }), tuning: (d) => ({ learned: d.decision?.fusion }) },
  // The log without the team's curated questions: tables retrained on what users asked alone.
  curated: { data: withoutCurated, tuning: () => ({}) },
  // English words reached through the log's lay words (signal → 信号): the glossary without them.
  lay: { data: (d) => ({ ...d, glossary: withoutLay(d.glossary) }), tuning: () => ({}) },
};

function withoutLay({ lay: _, ...glossary }: IndexData['glossary']): IndexData['glossary'] {
  return glossary;
}

function withoutCurated(d: IndexData): IndexData {
  const questions = d.learned.questions.filter((q) => !q.curated);
  return { ...d, learned: { ...d.learned, questions, ...trainTranslation(questions, d.learned.unitWords) } };
}
export type Ablation = keyof typeof ABLATIONS;

export interface InProcessOptions {
  /** Retriever modes; default the full system (hybrid), bm25 and dense when the index has vectors, and the baseline. */
  modes?: readonly RetrieverMode[];
  /** Mechanisms to switch off one at a time, each an extra system `no-<name>` beside the first mode. */
  ablate?: readonly Ablation[];
  tuning?: TuningOverrides;
  /**
   * The answerability model refitted without each fold (when the index has one), so the questions it
   * was fitted on are judged out of fold too; without it they meet the model that learned them.
   */
  foldDecisions?: (loaded: LoadedIndex) => Promise<FoldDecisions | null>;
}

type LoadedIndex = Awaited<ReturnType<typeof loadIndexData>>;

/**
 * One system per retriever mode (and per ablation) over the same index. A system answers every
 * question the index learned from with a model retrained without that question's fold (cv.ts), so
 * the log never grades itself (nor, with `foldDecisions`, the answerability fit); without a log every
 * question goes to the index as built.
 */
export async function loadInProcessTargets(indexDir: string, options: InProcessOptions = {}): Promise<LoadedTargets> {
  const warnings: string[] = [];
  const loaded = await loadIndexData(indexDir);
  const decisions = (await options.foldDecisions?.(loaded)) ?? undefined;
  const system = async (name: string, mode: RetrieverMode, tuning: TuningOverrides, warn: (line: string) => void, data = (d: IndexData) => d) => {
    const served = data(loaded.data);
    // A system without the decision (no-decision) is not handed one back.
    const { full, pick } = await crossValidated({ ...loaded, data: served }, { mode, tuning, warn }, served.decision ? decisions : undefined);
    return { full, target: inProcessTarget(name, { ask: (input) => pick(input.question).ask(input), search: (q, k, r) => pick(q).search(q, k, r) }) };
  };
  const tuning = options.tuning ?? {};
  const first = await system(options.modes?.[0] ?? 'hybrid', options.modes?.[0] ?? 'hybrid', tuning, (line) => warnings.push(line));
  const health = first.full.health();
  const wanted: RetrieverMode[] = options.modes ? [...options.modes] : health.dense ? ['hybrid', 'bm25', 'dense', 'baseline'] : ['hybrid', 'baseline'];
  if (!health.dense && wanted.includes('dense')) throw new EvalConfigError(`--retriever dense needs vectors, but the index is lexical-only: ${health.denseNote ?? 'no dense index'}`);
  const targets: EvalTarget[] = [first.target];
  for (const name of options.ablate ?? []) {
    const ablation = ABLATIONS[name]!;
    const off = ablation.tuning(loaded.data);
    targets.push((await system(`no-${name}`, wanted[0]!, { ...tuning, ...off, learned: { ...tuning.learned, ...off.learned } }, () => {}, ablation.data)).target);
  }
  for (const mode of wanted.slice(1)) targets.push((await system(mode, mode, tuning, () => {})).target);
  for (const w of new Set(warnings)) console.warn(w);
  return { targets, assistant: first.full, dense: health.dense, denseNote: health.denseNote };
}

const HttpCitationSchema = z.object({
  regulationId: z.string(),
  article: z.number().nullable(),
  sub: z.number(),
  paragraph: z.number().nullable(),
  label: z.string(),
});

const HttpAskSchema = z.object({ answer: z.string(), found: z.boolean(), citations: z.array(HttpCitationSchema) });
const HttpSearchSchema = z.array(HttpCitationSchema);

/** The server caps k (LIMITS.k in server/http/schemas.ts). */
const HTTP_MAX_K = 50;

export interface HttpOptions {
  timeoutMs?: number;
  /** Give up after this many 429 answers in a row for one request. */
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A running server: POST /api/ask with {question, history, regulationId} and GET /api/search?q&k&regulationId.
 * A 429 is waited out (Retry-After) and retried; that wait is not counted as latency.
 */
export function httpTarget(baseUrl: string, options: HttpOptions = {}): EvalTarget {
  const { timeoutMs = 30_000, maxRateLimitRetries = 20, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)) } = options;

  async function request<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<{ value: T; ms: number }> {
    const what = `${init.method ?? 'GET'} ${url}`;
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      const ms = performance.now() - started;
      if (res.status === 429 && attempt < maxRateLimitRetries) {
        await sleep(1000 * Math.max(1, Number(res.headers.get('retry-after')) || 1));
        continue;
      }
      if (!res.ok) throw new Error(`${what} → ${res.status}: ${text.slice(0, 200)}`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${what} → not JSON: ${text.slice(0, 200)}`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${what} → unexpected response (${issue?.path.join('.')}: ${issue?.message})`);
      }
      return { value: parsed.data, ms };
    }
  }

  return {
    name: 'http',
    async ask(input) {
      const body = { question: input.question, history: input.history ?? [], ...(input.regulationId ? { regulationId: input.regulationId } : {}) };
      const { value, ms } = await request(
        new URL('/api/ask', baseUrl).toString(),
        { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) },
        HttpAskSchema,
      );
      return { result: value, ms };
    },
    async search(question, k, regulationId) {
      const url = new URL('/api/search', baseUrl);
      url.searchParams.set('q', question);
      url.searchParams.set('k', String(Math.min(k, HTTP_MAX_K)));
      if (regulationId) url.searchParams.set('regulationId', regulationId);
      const { value } = await request(url.toString(), { headers: { accept: 'application/json' } }, HttpSearchSchema);
      return value;
    },
  };
}
