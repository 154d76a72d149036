// The assistant: question → understand → conversation → retrieve → decide → answer, with citations.
// Edge-safe: segmentation and dense search are injected, everything else is plain TypeScript. This
// file only wires the stages; each lives in its own folder with its own tests.
import type { Coined, Segment } from '../../indexer/language/tokens.ts';
import { summaries, health } from './answer/catalogue.ts';
import { citationOf } from './answer/citation.ts';
import { composeAnswer, notFoundAnswer } from './answer/compose.ts';
import { dutyIndex } from './answer/duty-index.ts';
import { matchedTerms } from './answer/gloss.ts';
import { lookup } from './answer/lookup.ts';
import { judge, type Judgement } from './decide/answerable.ts';
import type { IndexData } from './index-data.ts';
import { indexView } from './index-view.ts';
import { guardedDense } from './retrieve/rank.ts';
import { retriever, type Retrieval } from './retrieve/retrieval.ts';
import { questionWords, type DenseSearch, type RetrieverMode } from './retrieve/types.ts';
import { resolveTuning, type Tuning, type TuningOverrides } from './tuning.ts';
import type { AskInput, AskResult, Assistant, Citation } from './types.ts';

export interface AssistantOptions {
  index: IndexData;
  segment: Segment;
  /** Whether the segmenter coined a word (its dictionaries lack it). */
  coined: Coined;
  /** null: lexical-only (no vectors in the index, or the model failed to load). */
  dense: DenseSearch | null;
  /** Why dense retrieval is unavailable now, when it is. */
  denseNote?: string | null;
  warn?: (line: string) => void;
  /** Default: hybrid with a dense search, bm25 without. */
  mode?: RetrieverMode;
  /** Overrides of DEFAULT_TUNING and of the index's fitted weights (tuning.ts documents each value). */
  tuning?: TuningOverrides;
}

export type CoreAssistant = Assistant & {
  /** The retrieval behind an answer, for diagnostics and the evals' ranking metrics. */
  retrieve(input: AskInput): Promise<Retrieval>;
  /** The answerability decision and its features (null for a lookup by reference), for calibration. */
  judge(input: AskInput): Promise<Judgement | null>;
};

export function createAssistant(options: AssistantOptions): CoreAssistant {
  const tuning: Tuning = resolveTuning(options.index.decision?.fusion ?? null, options.tuning);
  const mode: RetrieverMode = options.mode ?? (options.dense ? 'hybrid' : 'bm25');
  const view = indexView(options.index);
  const dense = guardedDense(options.dense, tuning.denseCandidates, options.warn ?? console.warn);
  const { retrieve, select, learned } = retriever(view, options.segment, options.coined, dense, tuning, mode);
  const duties = dutyIndex(view);

  const decide = (retrieval: Retrieval) => {
    const selection = select(retrieval.hits, questionWords(retrieval.query), retrieval.parsed.kind, retrieval.query.required);
    return { selection, judgement: judge(view, learned, retrieval, selection, view.data.decision, tuning.foundThreshold) };
  };

  async function ask(input: AskInput): Promise<AskResult> {
    const retrieval = await retrieve(input);
    const { parsed, scope, query } = retrieval;
    const lang = parsed.lang;
    if (parsed.refs.length) return lookup(view, parsed.text, parsed.refs, scope, lang);
    const { selection, judgement } = decide(retrieval);
    if (!judgement.found) {
      return { answer: notFoundAnswer(lang, view.data.regulations.map((r) => r.title)), found: false, lang, citations: [] };
    }
    const clauses = selection.cited.map(({ hit, unit }) => ({ citation: citationOf(view, unit, hit.score), status: view.regulation(hit.regulationId)!.status }));
    const focus = query.words.map((w) => w.term);
    const answer = composeAnswer({ kind: parsed.kind, question: parsed.text, lang, focus, actor: parsed.actor, clauses });
    const citations = clauses.map((c) => c.citation);
    if (lang === 'zh') return { answer, found: true, lang, citations };
    return { answer, found: true, lang, citations, matches: matchedTerms(focus, citations.map((c) => c.text), view.data.glossary) };
  }

  async function search(q: string, k: number, regulationId?: string): Promise<Citation[]> {
    const { hits } = await retrieve({ question: q, regulationId });
    return hits.slice(0, k).map((h) => citationOf(view, h.paragraphUnit ?? h.unit, h.score));
  }

  return {
    ask,
    search,
    retrieve,
    async judge(input) {
      const retrieval = await retrieve(input);
      return retrieval.parsed.refs.length ? null : decide(retrieval).judgement;
    },
    duties: duties.of,
    allDuties: duties.all,
    regulations: () => summaries(view),
    regulation: (id) => view.regulation(id),
    health: () => health(view, { wired: options.dense !== null, failure: dense.failure(), note: options.denseNote ?? null }),
  };
}
