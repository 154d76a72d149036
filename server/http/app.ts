// The whole HTTP surface as one Hono app: protective middleware, the JSON API, the pages and the widget.
// Runtime-neutral (no Node imports): server/main.ts serves it on Node, a Workers entry can export it.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { every } from 'hono/combine';
import { languageDetector } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import type { ServerConfig } from '../../indexer/config/server-config.ts';
import type { Assistant, Lang } from '../core/types.ts';
import { apiRoutes } from './api.ts';
import { assetRoutes } from './assets.ts';
import type { AppEnv } from './context.ts';
import { docsRoutes, type DocsAssets } from './docs.ts';
import { dutiesPageRoutes } from './duties-page.ts';
import { ApiError, errorResponse, rejectedInput, validationError } from './errors.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { reviewRoutes, type ReviewOptions } from './feedback/review-page.ts';
import type { FeedbackStore } from './feedback/store.ts';
import { cors } from './middleware/cors/index.ts';
import { corsRefusalLog } from './middleware/cors-refusal/index.ts';
import { Admission } from './middleware/admission/index.ts';
import { readBody } from './middleware/body/index.ts';
import { allowedMethods } from './methods.ts';
import { pageRoutes } from './pages.ts';
import { rateLimit } from './middleware/rate-limit/index.ts';
import { requestLog } from './middleware/request-log/index.ts';
import { LIMITS } from './schemas.ts';
import type { WidgetBundle } from './widget/bundle.ts';

/** Routes that compute from the index (API and the pages that serve the same data): rate-limited and admitted. */
const DATA_ROUTES = /^\/(?:api\/|duties$|regulations(?:$|\/))/;

/** What the runtime provides beyond the assistant: built assets and stores (absent ones switch their routes off). */
export interface AppExtras {
  widget?: WidgetBundle;
  docsAssets?: DocsAssets;
  feedback?: FeedbackStore;
  questionLog?: ReviewOptions['questionLog'];
  /** How far behind the event loop is, in ms (Node measures it; elsewhere 0). */
  lagMs?: () => number;
  /** Defers work to the next event-loop turn (Node: setImmediate), so that one turn cannot starve new connections. */
  nextTurn?: (run: () => void) => void;
}

export function createApp(assistant: Assistant, config: ServerConfig, extras: AppExtras = {}): Hono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error.issues, await rejectedInput(c, result.target)));
    },
  });
  const admission = new Admission({
    max: config.maxConcurrent,
    queue: config.maxQueue,
    budgetMs: config.queueBudgetMs,
    shedLagMs: config.shedLagMs,
    timeoutMs: config.requestTimeoutMs,
    lagMs: extras.lagMs,
    nextTurn: extras.nextTurn,
  });
  if (config.logRequests) app.use(requestLog());
  app.use(
    languageDetector({ supportedLanguages: ['zh', 'en'] satisfies Lang[], fallbackLanguage: 'zh', order: ['querystring', 'header'], caches: false }),
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
      // Routes that need a different value (the embeddable widget's CORP) set it themselves.
      overwrite: false,
    }),
  );
  app.use(
    '/api/*',
    corsRefusalLog(config.corsOrigins),
    cors(config.corsOrigins),
  );
  const guarded = every(rateLimit(config.rateLimit), readBody({ maxBytes: LIMITS.bodyBytes, timeoutMs: config.requestTimeoutMs }), admission.middleware);
  app.use((c, next) => (DATA_ROUTES.test(c.req.path) && c.req.method !== 'OPTIONS' ? guarded(c, next) : next()));

  app.route('/', apiRoutes(assistant, () => admission.status()));
  app.route('/', pageRoutes(assistant));
  app.route('/', dutiesPageRoutes(assistant));
  app.route('/', assetRoutes(extras.widget));
  app.route('/', docsRoutes(extras.docsAssets));
  app.route('/', feedbackRoutes(extras.feedback));
  if (config.adminToken && extras.feedback) {
    app.route('/', reviewRoutes({ assistant, store: extras.feedback, adminToken: config.adminToken, questionLog: extras.questionLog }));
  }
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'regqa',
      version: '0.1.0',
      description: 'Questions answered from Chinese regulations, citing the exact clauses. Errors are {"error":{"code","message"}}.',
    },
  });

  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length === 0) return errorResponse(c, new ApiError(404, 'not_found'));
    c.header('Allow', allowed.join(', '));
    return errorResponse(c, new ApiError(405, 'method_not_allowed', { value: allowed.join(', ') }));
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    // Never echo internals to the client; the log gets one line: the message and where it was thrown.
    console.error(JSON.stringify({ error: error.message, at: error.stack?.split('\n')[1]?.trim(), method: c.req.method, path: c.req.path }));
    return errorResponse(c, new ApiError(500, 'internal'));
  });
  return app;
}
