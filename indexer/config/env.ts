// The conventions every command's environment shares: one boolean flag schema, one way to report a
// bad value, the STARD benchmark's location and the rule for when an index is rebuilt. Imports only
// zod, so the edge (server config) and the scale worker (paths) can use it without the indexer.
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/** 1/true/yes and 0/false/no (empty: false). */
export const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`invalid configuration ${first?.path.join('.')}: ${first?.message}`);
  }
  return parsed.data;
}

/**
 * The command-line flags that stand for a setting of the environment, the same in every command
 * (npm run index, npm start, npm run build:edge): a flag given wins over the variable.
 */
export const FLAG_ENV = {
  corpus: 'CORPUS_DIR',
  out: 'INDEX_DIR',
  index: 'INDEX_DIR',
  model: 'REGQA_MODEL',
  'model-dir': 'REGQA_MODEL_DIR',
  offline: 'REGQA_OFFLINE',
  questions: 'REGQA_QUESTION_LOG',
} as const;

export type SettingFlags = Partial<Record<keyof typeof FLAG_ENV, string | boolean | undefined>>;

/** The environment with the given flags written over it (a boolean flag set is "1"). */
export function envWithFlags(flags: SettingFlags, env: Env = process.env): Env {
  const out = { ...env };
  for (const [name, variable] of Object.entries(FLAG_ENV)) {
    const value = flags[name as keyof typeof FLAG_ENV];
    if (typeof value === 'string' && value !== '') out[variable] = value;
    else if (value === true) out[variable] = '1';
  }
  return out;
}

/** The STARD benchmark folder (corpus/, laws.json, train.jsonl): STARD_DIR, or the shared copy beside the clone. */
export function stardDir(env: Env = process.env): string {
  return env.STARD_DIR ?? '../shared/benchmarks/stard';
}

/**
 * Whether a command keeps the index in step with a corpus: always for the default index; an index named
 * explicitly (INDEX_DIR, --index) is served as built — it may hold another corpus, such as STARD —
 * unless CORPUS_DIR names the corpus to keep it in step with.
 */
export function keepsIndexInStep(env: Env): boolean {
  return env.INDEX_DIR === undefined || env.CORPUS_DIR !== undefined;
}
