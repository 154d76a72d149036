// Summary statistics for benchmark samples. Pure and dependency-free so that it can be unit-tested and
// so that every table in the report is computed the same way.

/**
 * Nearest-rank percentile of an ascending array: the smallest sample with at least p% of the samples at
 * or below it. Reported latencies are therefore always ones that were actually observed (no
 * interpolation between two requests). NaN for an empty array.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface Summary {
  n: number;
  mean: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The summary every latency table uses. Samples need not be sorted; the input is not modified. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = n === 0 ? NaN : sorted.reduce((s, x) => s + x, 0) / n;
  return {
    n,
    mean,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[n - 1] ?? NaN,
  };
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/**
 * Mean recall@k of approximate neighbour lists against exact ones: per query, the share of the true k
 * nearest that the approximate top k contains. Lists longer than k are cut; a truth list shorter than k
 * (tiny corpus) is scored against its own length.
 */
export function recallAtK(truth: readonly (readonly number[])[], found: readonly (readonly number[])[], k: number): number {
  if (truth.length !== found.length) throw new Error(`recall needs one result per query: ${truth.length} truths, ${found.length} results`);
  if (truth.length === 0) return NaN;
  let sum = 0;
  truth.forEach((t, q) => {
    const want = t.slice(0, k);
    if (want.length === 0) {
      sum += 1;
      return;
    }
    const got = new Set(found[q]!.slice(0, k));
    sum += want.filter((id) => got.has(id)).length / want.length;
  });
  return sum / truth.length;
}

/** Least-squares slope of log(y) over log(x): how a cost grows with size (1 = linear, 0 = flat). */
export function growthExponent(points: readonly { x: number; y: number }[]): number {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (usable.length < 2) return NaN;
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? NaN : num / den;
}
