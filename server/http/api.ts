// The JSON API under /api and /healthz, declared with createRoute so that /openapi.json is generated from
// the same schemas that validate the requests.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { articleLabel } from '../../indexer/statute/numerals.ts';

import type { Assistant } from '../core/types.ts';
import type { AppEnv } from './context.ts';
import { dutiesCsv } from './csv.ts';
import { ApiError } from './errors.ts';
import type { PoolStatus } from './middleware/admission/index.ts';
import { jsonBody } from './middleware/json-body/index.ts';
import { optionalRegulation, requireRegulation } from './lookup.ts';
import * as S from './schemas.ts';
import { SSE_EVENTS_DOC, streamAnswer, wantsStream } from './sse.ts';

/** Chinese numerals are written up to 9999 (formatNumeral); a larger article number is quoted as given. */
const LARGEST_NUMERAL = 9999;

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input; the message says what to fix, in Chinese or (lang "en" / Accept-Language) English',
  404: 'Unknown regulation or article (an article number past the last one included)',
  413: 'Request body over 64 KiB',
  429: 'Rate limited; see Retry-After',
  503: 'Too many requests in progress; see Retry-After',
  504: 'The request took too long',
} as const;

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

function errors(...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]) {
  return Object.fromEntries(
    [...statuses, 429, 503, 504].map((status) => [status, json(S.ErrorBody, ERROR_DESCRIPTIONS[status as keyof typeof ERROR_DESCRIPTIONS])]),
  );
}

const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Answer a question, citing the clauses it rests on',
  description: SSE_EVENTS_DOC,
  middleware: [jsonBody] as const,
  request: {
    query: z.object({ stream: z.enum(['1']).optional() }),
    body: { required: true, content: { 'application/json': { schema: S.AskBody } } },
  },
  responses: {
    200: {
      description: 'The answer, as JSON or as server-sent events',
      content: {
        'application/json': { schema: S.AskResponse },
        'text/event-stream': { schema: z.string().openapi({ description: SSE_EVENTS_DOC }) },
      },
    },
    ...errors(400, 404, 413),
  },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Clauses ranked by relevance to a query',
  request: { query: S.SearchQuery },
  responses: { 200: json(S.SearchResponse, 'Ranked clauses, in the citation shape'), ...errors(400, 404) },
});

const regulationsRoute = createRoute({
  method: 'get',
  path: '/api/regulations',
  summary: 'The regulations in the index',
  responses: { 200: json(S.RegulationsResponse, 'One summary per regulation'), ...errors() },
});

const regulationRoute = createRoute({
  method: 'get',
  path: '/api/regulations/{id}',
  summary: 'The full structured text of one regulation',
  request: { params: S.RegulationParams },
  responses: { 200: json(S.Regulation, 'Chapters, articles, paragraphs and sections'), ...errors(404) },
});

const articleRoute = createRoute({
  method: 'get',
  path: '/api/regulations/{id}/articles/{n}',
  summary: 'One article',
  request: { params: S.ArticleParams },
  responses: { 200: json(S.ArticleResponse, 'The article with its paragraphs'), ...errors(400, 404) },
});

const dutiesRoute = createRoute({
  method: 'get',
  path: '/api/duties',
  summary: 'Every duty of an actor (数据主管部门, 通信管理部门, …), grouped by regulation',
  request: { query: S.DutiesQuery },
  responses: { 200: json(S.DutyList, 'The duties of the matched actors'), ...errors(400, 404) },
});

const dutiesCsvRoute = createRoute({
  method: 'get',
  path: '/api/duties.csv',
  summary: 'The same duty list as CSV (UTF-8 with BOM, for Excel)',
  request: { query: S.DutiesQuery },
  responses: {
    200: { description: 'CSV: 法规, 状态, 条款, 主体, 层级, 情态, 职责, 条文', content: { 'text/csv': { schema: z.string() } } },
    ...errors(400, 404),
  },
});

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Index status',
  responses: {
    200: json(S.Health, 'When the index was built, its counts, whether dense retrieval is on, and the request pool'),
    503: json(S.Health, 'The same, when a new request could not be served now'),
  },
});

export function apiRoutes(assistant: Assistant, pool: () => PoolStatus): OpenAPIHono<AppEnv> {
  const regulation = (id: string) => requireRegulation(assistant, id);
  const scope = (id: string | undefined) => optionalRegulation(assistant, id);

  return new OpenAPIHono<AppEnv>()
    .openapi(askRoute, async (c) => {
      const input = c.req.valid('json');
      scope(input.regulationId);
      const result = await assistant.ask(input);
      return wantsStream(c) ? streamAnswer(c, result) : c.json(result, 200);
    })
    .openapi(searchRoute, async (c) => {
      const { q, k, regulationId } = c.req.valid('query');
      return c.json(await assistant.search(q, k, scope(regulationId)), 200);
    })
    .openapi(regulationsRoute, (c) => c.json({ regulations: assistant.regulations() }, 200))
    .openapi(regulationRoute, (c) => c.json(regulation(c.req.valid('param').id), 200))
    .openapi(articleRoute, (c) => {
      const { id, n } = c.req.valid('param');
      const reg = regulation(id);
      const no = S.articleNo(n);
      // 0 is no article number at all; a number past the last is an article the text does not have (404).
      if (no.n < 1) throw new ApiError(400, 'article_invalid', { value: n });
      const article = reg.articles.find((a) => a.no.n === no.n && a.no.sub === no.sub);
      const last = Math.max(...reg.articles.map((a) => a.no.n));
      if (!article) throw new ApiError(404, 'article_not_found', { value: n, title: reg.title, label: no.n <= LARGEST_NUMERAL ? articleLabel(no.n, no.sub) : `第${n}条`, ...(no.n > last && { max: last }) });
      return c.json({ regulationId: reg.id, regulationTitle: reg.title, status: reg.status, article }, 200);
    })
    .openapi(dutiesRoute, (c) => {
      const { actor, regulationId } = c.req.valid('query');
      return c.json(assistant.duties(actor, scope(regulationId)), 200);
    })
    .openapi(dutiesCsvRoute, (c) => {
      const { actor, regulationId } = c.req.valid('query');
      c.header('Content-Disposition', `attachment; filename="duties.csv"; filename*=UTF-8''${encodeURIComponent(`职责-${actor}.csv`)}`);
      return c.body(dutiesCsv(assistant.duties(actor, scope(regulationId))), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    })
    .openapi(healthRoute, (c) => {
      const health = assistant.health();
      const status = pool();
      const body = { ...health, denseNote: health.denseNote && withoutPaths(health.denseNote), pool: status };
      return status.healthy ? c.json({ ...body, status: 'ok' as const }, 200) : c.json({ ...body, status: 'unhealthy' as const }, 503);
    });
}

/** Notes may quote a file path (a model folder); where the server is installed is nobody's business. */
export function withoutPaths(text: string): string {
  return text.replace(/(?<![\w.])(?:[A-Za-z]:)?(?:[\\/][^\s\\/'"`()]+)+[\\/]?/g, (path) => `…/${path.split(/[\\/]/).filter(Boolean).at(-1) ?? ''}`);
}
