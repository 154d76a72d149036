// POST /api/feedback: a citizen's thumbs up or down on an answer, with an optional comment. Stored for
// officials to review (review-page.ts); nothing here trains anything.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { jsonBody } from '../middleware/json-body/index.ts';
import { ErrorBody, LIMITS } from '../schemas.ts';
import type { FeedbackStore } from './store.ts';

const CitedRef = z.object({
  regulationId: z.string().min(1).max(200),
  article: z.number().int().min(1).nullable(),
  paragraph: z.number().int().min(1).nullable(),
  label: z.string().max(100),
});

export const FeedbackBody = z
  .object({
    question: z.string().trim().min(1).max(LIMITS.question),
    answer: z.string().max(LIMITS.turnContent),
    lang: z.enum(['zh', 'en']),
    rating: z.enum(['up', 'down']),
    comment: z.string().trim().max(2000).optional(),
    citations: z.array(CitedRef).max(20),
  })
  .openapi('FeedbackRequest');

const feedbackRoute = createRoute({
  method: 'post',
  path: '/api/feedback',
  summary: 'Record a thumbs up or down on an answer, with an optional comment, for officials to review',
  middleware: [jsonBody] as const,
  request: { body: { required: true, content: { 'application/json': { schema: FeedbackBody } } } },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: z.object({ id: z.number().int() }).openapi('FeedbackStored') } } },
    400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorBody } } },
    503: { description: 'Feedback is not configured on this server', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function feedbackRoutes(store: FeedbackStore | undefined): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>().openapi(feedbackRoute, async (c) => {
    if (!store) throw new ApiError(503, 'feedback_unavailable');
    const body = c.req.valid('json');
    const id = await store.add({ ...body, comment: body.comment || undefined });
    return c.json({ id }, 201);
  });
}
