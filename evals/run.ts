// Runs questions against a target and records, per question, what the metrics need plus enough to
// read a miss. Questions run one at a time so that latency is the latency of one request.
import type { EvalQuestion } from './dataset.ts';
import { dedupe, firstGoldRank, type Outcome } from './metrics.ts';
import type { Catalogue } from './refs.ts';
import type { EvalTarget } from './targets.ts';

export interface QuestionResult extends Outcome {
  id: string;
  /** Where `ranked` came from: the target's search (ranking metrics over k items), or its citations. */
  rankingSource: 'search' | 'citations';
  /** 1-based rank of the first gold article in `ranked`, null when absent or no gold. */
  goldRank: number | null;
}

export interface RunOptions {
  k: number;
  catalogue: Catalogue;
  /** Skip the ranking call (calibration needs only answers). */
  answersOnly?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Ranking: the target's search over the question (and its regulation scope) when the target can
 * search and the question stands alone; a follow-up's meaning depends on its history, which search
 * does not take, so follow-ups — and lookups, whose article reference bypasses ranking — are ranked
 * by their answer's citations.
 */
export async function runQuestion(q: EvalQuestion, target: EvalTarget, options: RunOptions): Promise<QuestionResult> {
  const { catalogue, k } = options;
  const gold = q.gold.map((g) => ({ key: catalogue.goldKey(g), paragraph: g.paragraph }));
  const allowed = dedupe([...gold.map((g) => g.key), ...q.acceptable.map((g) => catalogue.goldKey(g))]);
  const base = { id: q.id, split: q.split, kind: q.kind, lang: q.lang, gold, allowed };
  try {
    const { result, ms: latencyMs } = await target.ask({ question: q.question, history: q.history, regulationId: q.regulationId });
    const cited = result.citations.map((c) => catalogue.cited(c));
    let ranked = dedupe(cited.map((c) => c.key));
    let rankingSource: QuestionResult['rankingSource'] = 'citations';
    if (!options.answersOnly && target.search && !q.history?.length && gold.length > 0) {
      const hits = await target.search(q.question, k, q.regulationId);
      if (hits.length > 0) {
        ranked = dedupe(hits.map((c) => catalogue.cited(c).key));
        rankingSource = 'search';
      }
    }
    ranked = ranked.slice(0, k);
    return { ...base, found: result.found, cited, ranked, rankingSource, goldRank: firstGoldRank(ranked, gold.map((g) => g.key)), latencyMs };
  } catch (error) {
    return { ...base, found: false, cited: [], ranked: [], rankingSource: 'citations', goldRank: null, latencyMs: 0, error: (error as Error).message };
  }
}

export async function runQuestions(questions: readonly EvalQuestion[], target: EvalTarget, options: RunOptions): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const q of questions) {
    results.push(await runQuestion(q, target, options));
    options.onProgress?.(results.length, questions.length);
    // A server that is down fails every question the same way: stop at the first three.
    if (results.length === 3 && results.every((r) => r.error)) throw new Error(`${target.name}: the first questions all failed: ${results[0]!.error}`);
  }
  return results;
}
