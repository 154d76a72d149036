// Timing loops for in-process benchmarks. Every loop is bounded twice, by a pass count and by a
// wall-clock budget, so a pathological slowdown ends the benchmark with fewer samples instead of hanging.
import { performance } from 'node:perf_hooks';

export interface LoopLimits {
  /** Untimed passes first: JIT compilation and caches (query embeddings included) settle. */
  warmupPasses: number;
  /** Timed passes over all items. */
  passes: number;
  /** Stop starting new items once this much time has gone into the warm-up, and again into the timed passes. */
  budgetMs: number;
}

export interface Timed {
  /** One sample per call, in milliseconds. */
  samples: number[];
  /** Timed passes actually completed; fewer than asked when the budget ran out. */
  passes: number;
  truncated: boolean;
}

/** Calls `fn` for every item, pass after pass, and times each call. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, limits: LoopLimits): Promise<Timed> {
  let started = performance.now();
  const overBudget = () => performance.now() - started > limits.budgetMs;
  warmup: for (let pass = 0; pass < limits.warmupPasses; pass++) {
    for (const item of items) {
      if (overBudget()) break warmup;
      await fn(item);
    }
  }
  // The timed passes get a budget of their own, so a slow warm-up cannot leave them without samples.
  started = performance.now();
  const samples: number[] = [];
  let passes = 0;
  let truncated = false;
  for (let pass = 0; pass < limits.passes; pass++) {
    for (const item of items) {
      if (overBudget()) {
        truncated = true;
        break;
      }
      const t0 = performance.now();
      await fn(item);
      samples.push(performance.now() - t0);
    }
    if (truncated) break;
    passes++;
  }
  return { samples, passes, truncated };
}

/** Wall time of one call, for things done once (a build, a load). */
export async function timeOnce<R>(fn: () => R | Promise<R>): Promise<{ ms: number; value: R }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
