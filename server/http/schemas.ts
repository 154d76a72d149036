// The zod schemas of the HTTP edge: they validate requests and generate /openapi.json. Each constraint
// names the error code it fails with (see errors.ts), so messages come out in the asker's language.
import { z } from '@hono/zod-openapi';
import { ArticleSchema, parseArticleKey, RegulationSchema, RegulationStatusSchema, type ArticleId } from '../../indexer/statute/model.ts';
import { AskResultSchema, CitationSchema, MatchedTermSchema, DutyGroupSchema, DutyListSchema, DutySchema, HealthSchema, RegulationSummarySchema } from '../core/index.ts';
import type { ErrorCode } from './errors.ts';

export const LIMITS = {
  question: 2000,
  historyTurns: 20,
  turnContent: 4000,
  query: 500,
  actor: 100,
  k: 50,
  bodyBytes: 64 * 1024,
} as const;

/** ASCII control characters other than \t and \n, and lone surrogates (which JSON's \u escapes can smuggle in). */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]|\p{Cs}/u;
const clean = (s: string) => !FORBIDDEN_CHARS.test(s);

const fails = (code: ErrorCode) => ({ error: code });

/** Text typed by a person: not blank, bounded, no control characters. */
function typedText(max: number, codes: { empty: ErrorCode; long: ErrorCode; chars: ErrorCode }) {
  return z
    .string()
    .refine((s) => s.trim() !== '', fails(codes.empty))
    .max(max, fails(codes.long))
    .refine(clean, fails(codes.chars));
}

const RegulationId = z.string().min(1).max(200).openapi({ example: 'guizhou-big-data' });
const Lang = z.enum(['zh', 'en'], fails('lang_invalid'));

// ---- requests ----

const Turn = z
  .object(
    {
      role: z.enum(['user', 'assistant'], fails('history_invalid')),
      content: z.string(fails('history_invalid')).max(LIMITS.turnContent, fails('history_invalid')).refine(clean, fails('history_invalid')),
    },
    fails('history_invalid'),
  )
  .openapi('Turn');

export const AskBody = z
  .object(
    {
      question: typedText(LIMITS.question, { empty: 'question_empty', long: 'question_too_long', chars: 'question_invalid_chars' }).openapi({
        example: '谁应当明确数据专员？',
      }),
      history: z.array(Turn).max(LIMITS.historyTurns, fails('history_too_long')).optional(),
      regulationId: RegulationId.optional(),
      lang: Lang.optional(),
    },
    fails('body_not_object'),
  )
  .openapi('AskRequest');

export const SearchQuery = z.object({
  q: typedText(LIMITS.query, { empty: 'query_empty', long: 'query_too_long', chars: 'query_invalid_chars' }).openapi({ example: '数据专员' }),
  k: z.coerce
    .number(fails('k_invalid'))
    .int(fails('k_invalid'))
    .min(1, fails('k_invalid'))
    .max(LIMITS.k, fails('k_invalid'))
    .default(10)
    .openapi({ example: 10 }),
  regulationId: RegulationId.optional(),
});

export const DutiesQuery = z.object({
  actor: typedText(LIMITS.actor, { empty: 'actor_empty', long: 'actor_too_long', chars: 'actor_invalid_chars' }).openapi({ example: '数据主管部门' }),
  regulationId: RegulationId.optional(),
});

export const RegulationParams = z.object({
  id: RegulationId.openapi({ param: { name: 'id', in: 'path' } }),
});

/** 14, or 133-1 for 第一百三十三条之一. Range is checked against the regulation, not here. */
const ARTICLE_NO = /^\d+(?:-[1-9]\d?)?$/;

export const ArticleParams = RegulationParams.extend({
  n: z
    .string()
    .regex(ARTICLE_NO, fails('article_invalid'))
    .openapi({ param: { name: 'n', in: 'path' }, example: '14', description: 'Article number; 133-1 is 第一百三十三条之一.' }),
});

export function articleNo(param: string): ArticleId {
  return parseArticleKey(param);
}

// ---- responses ----

export const ErrorBody = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'question_empty' }), message: z.string().openapi({ example: '问题不能为空。' }) }) })
  .openapi('Error');

const Status = RegulationStatusSchema;

/**
 * A shared schema (statute model, core wire types) under its OpenAPI name. Rebuilt from its shape with
 * this module's z: zod 4 gives a schema its methods when it is created, so one created before
 * @hono/zod-openapi loaded has no .openapi of its own.
 */
const named = <S extends z.ZodRawShape>(schema: { shape: S }, name: string) => z.object(schema.shape).openapi(name);

export const Citation = named(CitationSchema, 'Citation');

export const AskResponse = named(AskResultSchema.extend({ citations: z.array(Citation), matches: z.array(named(MatchedTermSchema, 'MatchedTerm')).optional() }), 'AskResponse');

export const SearchResponse = z.array(Citation).openapi('SearchResponse');

export const RegulationSummary = named(RegulationSummarySchema, 'RegulationSummary');

export const RegulationsResponse = z.object({ regulations: z.array(RegulationSummary) }).openapi('RegulationList');

export const Article = named(ArticleSchema, 'Article');

export const Regulation = named(RegulationSchema.extend({ articles: z.array(Article) }), 'Regulation');

export const ArticleResponse = z
  .object({ regulationId: z.string(), regulationTitle: z.string(), status: Status, article: Article })
  .openapi('ArticleResponse');

const Duty = named(DutySchema, 'Duty');

export const DutyList = named(DutyListSchema.extend({ groups: z.array(DutyGroupSchema.extend({ duties: z.array(Duty) })) }), 'DutyList');

export const Health = named(
  HealthSchema.extend({
    status: z.enum(['ok', 'unhealthy']),
    pool: z
      .object({
        inUse: z.number().int(),
        queued: z.number().int(),
        max: z.number().int(),
        queueLimit: z.number().int(),
        lagMs: z.number(),
        healthy: z.boolean(),
      })
      .openapi({ description: 'Requests in progress and waiting; unhealthy (503) when a new request could not be served now' }),
  }),
  'Health',
);
