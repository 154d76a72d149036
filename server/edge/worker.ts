// Cloudflare Workers entry: the same Hono app as on Node (server/http/app.ts), over the edge bundle.
//
// Nothing is loaded at isolate start-up (Workers allow 1 s of it): the first request reads the bundle
// through the ASSETS binding, instantiates jieba-wasm from the compiled module wrangler bundled, and
// loads jieba's dictionary (~0.5–1 s CPU, once per isolate); later requests reuse all of it.
import { add_word, cut, cut_for_search, initSync } from 'jieba-wasm/web';
import { serverConfigFromEnv } from '../../indexer/config/server-config.ts';
import { createApp } from '../http/app.ts';
import { openFeedbackStore } from '../http/feedback/store.ts';
import { assetsReader, loadEdgeAssistant } from './assistant.ts';
import { d1Database, type D1Database } from './feedback-d1.ts';
import jiebaModule from './dist/jieba_rs_wasm_bg.wasm';
import widgetText from './dist/widget.js.txt';
import type { Ai, ExecutionContext, Fetcher, VectorizeIndex } from './workers-types.ts';

export interface Env {
  /** The edge bundle (server/edge/dist/assets), never served directly: run_worker_first = true. */
  ASSETS: Fetcher;
  /** Workers AI, for query embeddings when the index model is served there (staging/production). */
  AI?: Ai;
  /** A Vectorize index holding this build's vectors (optional; see vectorize.ts). */
  VECTORIZE?: VectorizeIndex;
  /** A D1 database for feedback (optional). */
  FEEDBACK?: D1Database;
  /** [vars]: CORS_ORIGINS, RATE_LIMIT_PER_MIN, RATE_LIMIT_BURST, MAX_CONCURRENT, MAX_QUEUE, REQUEST_TIMEOUT_MS, LOG_REQUESTS. */
  [name: string]: unknown;
}

const jieba = { add_word, cut, cut_for_search };
type App = ReturnType<typeof createApp>;
let ready: Promise<App> | null = null;

async function start(env: Env): Promise<App> {
  const started = Date.now();
  initSync({ module: jiebaModule });
  const assistant = await loadEdgeAssistant({ read: assetsReader(env.ASSETS), jieba, ai: env.AI, vectorize: env.VECTORIZE });
  // jieba-rs loads its dictionary on first use: pay for it here, not in the first question.
  cut_for_search('预热', true);
  const health = assistant.health();
  console.log(
    JSON.stringify({
      event: 'ready',
      ms: Date.now() - started,
      index: assistant.manifest.buildId,
      units: health.counts.units,
      dense: health.dense ? health.model : `off: ${health.denseNote}`,
    }),
  );
  const newline = widgetText.indexOf('\n');
  const widget = { etag: widgetText.slice(0, newline), js: widgetText.slice(newline + 1) };
  // Feedback needs a D1 binding ([[d1_databases]] binding = "FEEDBACK"); without one /api/feedback answers 503.
  const feedback = env.FEEDBACK ? await openFeedbackStore(d1Database(env.FEEDBACK)) : undefined;
  return createApp(assistant, serverConfigFromEnv(stringVars(env)), { widget, feedback });
}

/** The string bindings ([vars] and secrets), the only ones the server configuration reads. */
function stringVars(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    ready ??= start(env).catch((error: unknown) => {
      ready = null; // the next request tries again
      throw error;
    });
    let app: App;
    try {
      app = await ready;
    } catch (error) {
      console.error(JSON.stringify({ event: 'start_failed', error: (error as Error).message }));
      return Response.json(
        { error: { code: 'unavailable', message: 'The assistant is starting or its index could not be loaded; try again shortly.' } },
        { status: 503, headers: { 'Retry-After': '5' } },
      );
    }
    return app.fetch(request, env, ctx);
  },
};
