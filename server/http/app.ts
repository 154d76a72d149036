// The whole HTTP surface as one Hono app: protective middleware, the JSON API, the pages and the widget.
// Runtime-neutral (no Node imports): server/main.ts serves it on Node, a Workers entry can export it.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { languageDetector } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import type { ServerConfig } from '../../indexer/config/server-config.ts';
import type { Assistant, Lang } from '../core/types.ts';
import { apiRoutes } from './api.ts';
import { assetRoutes } from './assets.ts';
import { concurrencyLimit } from './concurrency.ts';
import type { AppEnv } from './context.ts';
import { docsRoutes, type DocsAssets } from './docs.ts';
import { dutiesPageRoutes } from './duties-page.ts';
import { ApiError, errorResponse, rejectedInput, validationError } from './errors.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { reviewRoutes, type ReviewOptions } from './feedback/review-page.ts';
import type { FeedbackStore } from './feedback/store.ts';
import { corsRefusalLog } from './middleware/cors-refusal/index.ts';
import { pageRoutes } from './pages.ts';
import { rateLimit } from './rate-limit.ts';
import { requestLog } from './request-log.ts';
import { LIMITS } from './schemas.ts';
import type { WidgetBundle } from './widget/bundle.ts';

/** What the runtime provides beyond the assistant: built assets and stores (absent ones switch their routes off). */
export interface AppExtras {
  widget?: WidgetBundle;
  docsAssets?: DocsAssets;
  feedback?: FeedbackStore;
  questionLog?: ReviewOptions['questionLog'];
}

export function createApp(assistant: Assistant, config: ServerConfig, extras: AppExtras = {}): Hono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error.issues, await rejectedInput(c, result.target)));
    },
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
    cors({
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'Accept', 'Accept-Language'],
      maxAge: 600,
    }),
    rateLimit(config.rateLimit),
    // Checks Content-Length before a byte is read; a chunked body is cut off as soon as it passes the limit.
    bodyLimit({
      maxSize: LIMITS.bodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
    // Outside the concurrency cap, so that time spent queueing counts against the deadline too.
    timeout(config.requestTimeoutMs, () => new ApiError(504, 'timeout')),
    concurrencyLimit({ max: config.maxConcurrent, queue: config.maxQueue, maxWaitMs: config.requestTimeoutMs }),
  );

  app.route('/', apiRoutes(assistant));
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

  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    // Never echo internals to the client; the log has the details.
    console.error(JSON.stringify({ error: error.message, stack: error.stack, method: c.req.method, path: c.req.path }));
    return errorResponse(c, new ApiError(500, 'internal'));
  });
  return app;
}
