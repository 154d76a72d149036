// The calibrated answerability model (decision.json): a logistic regression over the decision
// features (server/core/decide/features.ts computes them), fitted offline on labelled questions
// (npm run eval -- --fit-decision) and stored beside the corpus, from where the build copies it into
// the index. Pure and edge-safe.
import { z } from 'zod';

/** The features in model order; a model fitted on other features is refused. */
export const FEATURES = ['coverage', 'known', 'translation', 'namesRegulation', 'frame', 'english', 'bridged', 'words', 'domain', 'dense'] as const;
export type FeatureName = (typeof FEATURES)[number];

/** The file beside the corpus (and the artefact in the index). */
export const DECISION_FILE = 'decision.json';

/** 2: the domain feature sums its words' log-odds (over √n) where 1 averaged them: a v1 model misreads it. */
export const DECISION_VERSION = 2;

const DomainTableSchema = z.object({
  /** Word → log-odds of the corpus's domain against out-of-corpus questions. */
  words: z.record(z.string(), z.number()),
  /** The log-odds of a word neither side has seen. */
  unseen: z.number(),
});
export type DomainTable = z.infer<typeof DomainTableSchema>;

export const DecisionModelSchema = z.object({
  version: z.literal(DECISION_VERSION),
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  domain: DomainTableSchema,
  /** The learned signals' weights chosen by cross-validation on this corpus's log (tuning.learned). */
  fusion: z.object({ translationWeight: z.number(), reverseWeight: z.number(), neighbourWeight: z.number(), regulationWeight: z.number() }),
  /** Answer when the probability of "the corpus covers it" reaches this. */
  threshold: z.number().min(0).max(1),
  /** How it was fitted: when, on how many questions of each kind, and the fit's own cross-validated rates. */
  fitted: z.object({ at: z.string(), positives: z.number().int(), negatives: z.record(z.string(), z.number().int()), notes: z.string() }),
});
export type DecisionModel = z.infer<typeof DecisionModelSchema>;

/** Parses decision.json (the artefact holds `null` when the corpus has no model); refuses other features. */
export function parseDecisionModel(json: string, file: string): DecisionModel | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: invalid JSON: ${(error as Error).message}`);
  }
  if (raw === null) return null;
  const version = (raw as { version?: unknown }).version;
  if (version !== DECISION_VERSION) {
    throw new Error(`${file}: decision model version ${String(version)}, this build reads ${DECISION_VERSION} (its features mean something else now): delete it and refit (npm run eval -- --fit-decision)`);
  }
  const parsed = DecisionModelSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.') || '(file)'}: ${parsed.error.issues[0]?.message}`);
  const model = parsed.data;
  const n = FEATURES.length;
  if (model.features.join() !== FEATURES.join() || [model.mean, model.scale, model.weights].some((v) => v.length !== n)) {
    // The fit builds an index first, which would read this very file: it has to go before the refit.
    throw new Error(`${file}: fitted on features ${model.features.join(',')}, not ${FEATURES.join(',')}: delete it and refit (npm run eval -- --fit-decision)`);
  }
  return model;
}
