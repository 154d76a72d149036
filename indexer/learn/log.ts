// The question log: verified questions with the clauses that answer them, one JSON object per line.
// It is data the product learns from (the lay→statute translation table, the nearest-question
// signal, the answerability calibration), per corpus: `<corpus>/questions.jsonl` beside the statutes,
// or another file named by REGQA_QUESTION_LOG / --questions (the STARD benchmark's train.jsonl is
// such a log: its references name laws by title).
//
//   {"question": "商家收集我的个人信息，是不是得在我同意的范围内才能用？",
//    "gold": [{"regulationId": "guizhou-big-data", "article": 19}],
//    "source": "evals/datasets/seed-questions.jsonl dev seed-023", "addedAt": "2026-12-01"}
//
// `"curated": true` marks a question the team wrote from the clause text, not one a user asked.
//
// A reference names its regulation by id or by title (`law`), and an article by number with its 之N
// suffix (`sub`) and optionally a paragraph, or a section by id (`section`). An empty `gold` records
// a verified question the corpus does not answer. Pure: parsing and resolution; the caller reads the file.
import { z } from 'zod';
import { parseJsonl } from '../format/jsonl.ts';

const LogRefSchema = z
  .object({
    regulationId: z.string().min(1).optional(),
    /** The regulation's title, as the corpus spells it (STARD names laws this way). */
    law: z.string().min(1).optional(),
    article: z.number().int().positive().optional(),
    sub: z.number().int().nonnegative().optional(),
    paragraph: z.number().int().positive().optional(),
    /** A part that is not an article, by its id (the draft's public-comment `notice`). */
    section: z.string().min(1).optional(),
  })
  .refine((r) => (r.regulationId === undefined) !== (r.law === undefined), 'a reference names its regulation by regulationId or by law (title), not both')
  .refine((r) => (r.article === undefined) !== (r.section === undefined), 'a reference names an article or a section');

export const LogEntrySchema = z.object({
  question: z.string().trim().min(1),
  gold: z.array(LogRefSchema),
  /** Where the question comes from and who verified it; defaults to file:line. */
  source: z.string().min(1).optional(),
  /** When the entry was added: an ISO date or date-time. */
  addedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  /**
   * Written by the team from the clause's text (doc2query-style) rather than asked by a user. It teaches
   * the translation table and the nearest-question signal the words a clause is asked about, but it is
   * not a sample of what users ask, so it does not calibrate the answerability decision.
   */
  curated: z.boolean().optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export interface LogRef {
  regulationId: string;
  /** null for a section, named by `section`. */
  article: number | null;
  sub: number;
  paragraph: number | null;
  section: string | null;
}

/** A log entry with every reference resolved to a regulation id of the corpus. */
export interface LoggedQuestion {
  question: string;
  gold: LogRef[];
  source: string;
  /** Written by the team from the clause text, not asked by a user (see LogEntrySchema). */
  curated: boolean;
}

export class QuestionLogError extends Error {
  override name = 'QuestionLogError';
}

/** Parses JSON lines; a malformed line is an error naming the file and line, never skipped. */
export function parseLog(text: string, file: string): (LogEntry & { source: string })[] {
  return parseJsonl(text, LogEntrySchema, file, (m) => new QuestionLogError(m)).map(({ value, line }) => ({ ...value, source: value.source ?? `${file}:${line}` }));
}

/**
 * Resolves references against the corpus's regulations (by id, or by exact title). A reference to a
 * regulation the corpus does not hold is an error: learning from it would teach the wrong clauses.
 */
export function resolveLog(entries: readonly (LogEntry & { source: string })[], regulations: readonly { id: string; title: string }[], file: string): LoggedQuestion[] {
  const ids = new Set(regulations.map((r) => r.id));
  const byTitle = new Map<string, string>();
  for (const r of regulations) if (!byTitle.has(r.title)) byTitle.set(r.title, r.id);
  const unknown = new Set<string>();
  const resolved = entries.map((e) => ({
    question: e.question,
    source: e.source,
    curated: e.curated ?? false,
    gold: e.gold.flatMap((g): LogRef[] => {
      const id = g.regulationId !== undefined ? (ids.has(g.regulationId) ? g.regulationId : undefined) : byTitle.get(g.law!.trim());
      if (id === undefined) {
        unknown.add(g.regulationId ?? g.law!);
        return [];
      }
      return [{ regulationId: id, article: g.article ?? null, sub: g.sub ?? 0, paragraph: g.paragraph ?? null, section: g.section ?? null }];
    }),
  }));
  if (unknown.size > 0) {
    const names = [...unknown];
    throw new QuestionLogError(`${file}: regulations not in the corpus: ${names.slice(0, 5).join('、')}${names.length > 5 ? ` … (${names.length})` : ''}`);
  }
  return resolved;
}
