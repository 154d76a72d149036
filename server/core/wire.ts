// The shapes the core answers with, as zod schemas: the one definition behind the TypeScript types
// (types.ts infers them) and the HTTP API's response schemas (server/http/schemas.ts names them for
// /openapi.json). Plain zod, so the core stays edge-safe.
import { z } from 'zod';
import { MODALITIES } from '../../indexer/language/zh/modality.ts';
import { RegulationBaseSchema, RegulationStatusSchema, SectionRefSchema } from '../../indexer/statute/model.ts';

export const LangSchema = z.enum(['zh', 'en']);

export const CitationSchema = z.object({
  regulationId: z.string(),
  regulationTitle: z.string(),
  article: z.number().int().nullable().describe('null for a non-article section such as the notice of a draft'),
  /** 之N: 1 for 第一百三十三条之一, 0 when none (and for sections). */
  sub: z.number().int().describe('之N suffix of the article: 1 for 第一百三十三条之一, 0 when none'),
  paragraph: z.number().int().nullable(),
  /** 第十四条第三款 / 第十四条 / 公告 */
  label: z.string(),
  text: z.string(),
  score: z.number(),
});

/** A Chinese word of the cited clauses an English question was matched by, with its CC-CEDICT gloss. */
export const MatchedTermSchema = z.object({
  term: z.string(),
  gloss: z.string().describe('From CC-CEDICT (CC BY-SA 4.0); parts joined by + when the dictionary lacks the word'),
});

export const AskResultSchema = z.object({
  answer: z.string().describe('A short answer; [1], [2] mark which citation (1-based) each statement rests on; then the list of sources by label'),
  found: z.boolean(),
  lang: LangSchema,
  citations: z.array(CitationSchema),
  matches: z.array(MatchedTermSchema).optional().describe('English answers: the Chinese words of the cited clauses the question was matched by, with their English gloss'),
});

export const DutySchema = z.object({
  regulationId: z.string(),
  regulationTitle: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().nullable(),
  label: z.string(),
  /** The actor as written in the clause: 县级以上人民政府数据主管部门. */
  actor: z.string(),
  /** Which level of government the duty binds: 省级 / 市州 / 市级 / 县级以上 / 各级 / 未指明. */
  level: z.string(),
  modality: z.enum(MODALITIES),
  /** What the actor must / may / must not do. */
  action: z.string(),
  /** The full clause. */
  text: z.string(),
});

export const DutyGroupSchema = z.object({ regulationId: z.string(), regulationTitle: z.string(), status: RegulationStatusSchema, duties: z.array(DutySchema) });

export const DutyListSchema = z.object({
  /** The actor as asked, normalised. */
  actor: z.string(),
  /** Actor phrases in the corpus that matched (数据主管部门 → 省人民政府数据主管部门, …). */
  matchedActors: z.array(z.string()),
  groups: z.array(DutyGroupSchema),
});

export const RegulationSummarySchema = RegulationBaseSchema.extend({ articles: z.number().int(), sections: z.array(SectionRefSchema) });

export const HealthSchema = z.object({
  builtAt: z.string(),
  counts: z.object({ regulations: z.number().int(), articles: z.number().int(), units: z.number().int() }),
  dense: z.boolean(),
  /** Why dense retrieval is off, in one line; null when on. */
  denseNote: z.string().nullable(),
  model: z.string().nullable(),
});
