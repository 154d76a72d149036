// Eval datasets → one question shape. The seed set names regulations by id; STARD names them by
// title, which is resolved against the index being evaluated. Validation is strict: a malformed
// line is an error with its line number, never a silently skipped question.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonl as parseLines } from '../indexer/format/jsonl.ts';
import type { Lang, Turn } from '../server/core/types.ts';

/** One gold (or acceptable) reference at article level, with the paragraph when the dataset gives it. */
export interface GoldRef {
  regulationId: string;
  /** null for a non-article section (the draft's notice), named by `section`. */
  article: number | null;
  /** 之N suffix, 0 when none. */
  sub: number;
  paragraph: number | null;
  /** Section id (e.g. "notice") when article is null. */
  section: string | null;
}

export interface EvalQuestion {
  id: string;
  /** dev / test for the seed set; train for STARD. */
  split: string;
  kind: string;
  lang: Lang;
  question: string;
  history?: Turn[];
  regulationId?: string;
  /** Empty: the corpus does not answer it (no-answer / missing-article questions). */
  gold: GoldRef[];
  /** Further clauses a correct answer may cite without being wrong. */
  acceptable: GoldRef[];
}

const TurnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });

const SeedRefSchema = z
  .object({
    regulationId: z.string().min(1),
    article: z.number().int().positive().nullable(),
    sub: z.number().int().nonnegative().optional(),
    paragraph: z.number().int().positive().optional(),
    section: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => (r.article === null) === (r.section !== undefined), 'a reference names either an article or a section');

export const SeedQuestionSchema = z
  .object({
    id: z.string().min(1),
    // lay: everyday questions written blind from the clause text, in no log; decided on like dev.
    split: z.enum(['dev', 'test', 'lay']),
    kind: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    question: z.string().min(1),
    history: z.array(TurnSchema).optional(),
    regulationId: z.string().min(1).optional(),
    gold: z.array(SeedRefSchema),
    acceptable: z.array(SeedRefSchema).optional(),
  })
  .strict();

export const StardQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  gold: z
    .array(
      z.object({
        law: z.string().min(1),
        article: z.number().int().positive(),
        label: z.string().min(1),
        sub: z.number().int().positive().optional(),
      }),
    )
    .min(1),
});

export const StardLawsSchema = z.array(z.object({ file: z.string(), title: z.string(), articles: z.number().int() }));

export const SEED_PATH = 'evals/datasets/seed-questions.jsonl';
/** Lay questions written from the clause text by writers who saw no seed or logged question (split lay). */
export const LAY_PATH = 'evals/datasets/lay-questions.jsonl';

/** Parses JSON lines with a schema; errors carry file and line number. */
export const parseJsonl = <T>(text: string, schema: z.ZodType<T>, file: string): T[] => parseLines(text, schema, file).map((r) => r.value);

function seedRef(r: z.infer<typeof SeedRefSchema>): GoldRef {
  return { regulationId: r.regulationId, article: r.article, sub: r.sub ?? 0, paragraph: r.paragraph ?? null, section: r.section ?? null };
}

export async function loadSeed(path = SEED_PATH): Promise<EvalQuestion[]> {
  const rows = parseJsonl(await readFile(path, 'utf8'), SeedQuestionSchema, path);
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`${path}: duplicate question id ${r.id}`);
    ids.add(r.id);
  }
  return rows.map((r) => ({
    id: r.id,
    split: r.split,
    kind: r.kind,
    lang: r.lang,
    question: r.question,
    ...(r.history ? { history: r.history } : {}),
    ...(r.regulationId ? { regulationId: r.regulationId } : {}),
    gold: r.gold.map(seedRef),
    acceptable: (r.acceptable ?? []).map(seedRef),
  }));
}

/**
 * STARD questions, with each gold law title mapped to a regulation id by `idOfTitle` (the index's own
 * titles, so the mapping follows whatever the indexer derived). An unknown title is an error: scoring
 * against a law the index does not hold would silently lower every number.
 */
export async function loadStard(dir: string, idOfTitle: (title: string) => string | undefined): Promise<EvalQuestion[]> {
  const file = join(dir, 'train.jsonl');
  const rows = parseJsonl(await readFile(file, 'utf8'), StardQuestionSchema, file);
  const unknown = new Set<string>();
  const questions = rows.map((r): EvalQuestion => {
    const gold: GoldRef[] = [];
    for (const g of r.gold) {
      const regulationId = idOfTitle(g.law);
      if (!regulationId) {
        unknown.add(g.law);
        continue;
      }
      gold.push({ regulationId, article: g.article, sub: g.sub ?? 0, paragraph: null, section: null });
    }
    return { id: r.id, split: 'train', kind: 'stard', lang: 'zh', question: r.question, gold, acceptable: [] };
  });
  if (unknown.size) throw new Error(`${file}: gold laws missing from the index: ${[...unknown].slice(0, 5).join('、')}${unknown.size > 5 ? ' …' : ''}`);
  return questions;
}

export const OFFTOPIC_PATH = 'evals/datasets/offtopic.jsonl';

/** Everyday questions the project corpus does not cover, many sharing rare words with its statutes. */
export const OfftopicSchema = z
  .object({ id: z.string().min(1), split: z.enum(['dev', 'test']), lang: z.enum(['zh', 'en']), sharesStatuteWords: z.boolean(), question: z.string().min(1) })
  .strict();
export type OfftopicQuestion = z.infer<typeof OfftopicSchema>;

export async function loadOfftopic(path = OFFTOPIC_PATH): Promise<OfftopicQuestion[]> {
  return parseJsonl(await readFile(path, 'utf8'), OfftopicSchema, path);
}

/**
 * Out-of-corpus questions for the project corpus, as eval questions without gold: the off-topic set
 * (split offtopic-dev, which fits the answerability model, and offtopic-test, which never does) and
 * STARD's questions held out from that fit (other laws; split offtopic-test). `heldOutStard` picks them.
 */
export async function loadOutOfCorpus(stardDir: string | null, heldOutStard: (question: string) => boolean): Promise<EvalQuestion[]> {
  const offtopic = (await loadOfftopic()).map(
    (q): EvalQuestion => ({ id: q.id, split: `offtopic-${q.split}`, kind: q.sharesStatuteWords ? 'off-topic-rare' : 'off-topic', lang: q.lang, question: q.question, gold: [], acceptable: [] }),
  );
  if (!stardDir) return offtopic;
  const file = join(stardDir, 'train.jsonl');
  const stard = parseJsonl(await readFile(file, 'utf8'), StardQuestionSchema, file)
    .filter((r) => heldOutStard(r.question))
    .map((r): EvalQuestion => ({ id: r.id, split: 'offtopic-test', kind: 'other-law', lang: 'zh', question: r.question, gold: [], acceptable: [] }));
  return [...offtopic, ...stard];
}
