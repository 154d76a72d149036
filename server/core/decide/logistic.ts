// Logistic regression, small and deterministic: standardised features, L2-penalised weighted log-loss
// minimised by Newton's method (IRLS). With a dozen features and a few thousand examples it converges
// in a handful of steps; the same examples always give the same weights. Pure and edge-safe.

export interface Example {
  x: readonly number[];
  /** 1: in the corpus (answer), 0: not covered (decline). */
  y: 0 | 1;
  /** Example weight (class balancing); 1 by default. */
  weight?: number;
}

export interface LogisticModel {
  /** Per feature: the training mean and standard deviation used to standardise it. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface FitOptions {
  /** L2 penalty on the (standardised) weights, not on the bias. */
  l2: number;
  iterations: number;
}

export const FIT_DEFAULTS: FitOptions = { l2: 1, iterations: 25 };

export function fitLogistic(examples: readonly Example[], options: Partial<FitOptions> = {}): LogisticModel {
  const { l2, iterations } = { ...FIT_DEFAULTS, ...options };
  const d = examples[0]?.x.length ?? 0;
  if (examples.length === 0 || !examples.some((e) => e.y === 1) || !examples.some((e) => e.y === 0)) throw new Error('logistic regression needs examples of both classes');
  const totalWeight = examples.reduce((s, e) => s + (e.weight ?? 1), 0);
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((s, e) => s + (e.weight ?? 1) * e.x[j]!, 0) / totalWeight);
  const scale = mean.map((m, j) => Math.sqrt(examples.reduce((s, e) => s + (e.weight ?? 1) * (e.x[j]! - m) ** 2, 0) / totalWeight) || 1);
  const rows = examples.map((e) => [...e.x.map((v, j) => (v - mean[j]!) / scale[j]!), 1]);
  // Parameters: d weights, then the bias.
  let beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = beta.map((b, j) => (j < d ? l2 * b : 0));
    const hessian = Array.from({ length: d + 1 }, (_, i) => Array.from({ length: d + 1 }, (_, j) => (i === j && i < d ? l2 : 0)));
    examples.forEach((e, n) => {
      const row = rows[n]!;
      const p = sigmoid(dot(beta, row));
      const w = e.weight ?? 1;
      for (let i = 0; i <= d; i++) {
        gradient[i]! += w * (p - e.y) * row[i]!;
        for (let j = 0; j <= d; j++) hessian[i]![j]! += w * p * (1 - p) * row[i]! * row[j]!;
      }
    });
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { mean, scale, weights: beta.slice(0, d), bias: beta[d]! };
}

/** Probability that the question is in the corpus. */
export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j]! * (x[j]! - model.mean[j]!)) / model.scale[j]!;
  return sigmoid(z);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

/** Gaussian elimination with partial pivoting; the Hessian is positive definite thanks to the penalty. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}
