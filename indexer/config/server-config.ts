// Server configuration, read from the environment in one place. Everything else receives a plain object,
// so the same app runs on Node (process.env) and on Workers (bindings).
import { z } from 'zod';
import { flag, parseEnv } from './env.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** Origins allowed to call /api/* from a browser; `*` allows any. Empty: same-origin only. */
  corsOrigins: string[];
  rateLimit: { perMinute: number; burst: number };
  maxConcurrent: number;
  /** Requests allowed to wait for a slot; beyond this the server answers 503 at once. */
  maxQueue: number;
  requestTimeoutMs: number;
  /** The longest a request may wait for a slot; a request that would wait longer is refused at once (503). */
  queueBudgetMs: number;
  /** Event-loop lag beyond which requests are refused (503) until the process has caught up. */
  shedLagMs: number;
  /** On SIGTERM: how long requests in progress may finish before every connection is closed. */
  shutdownGraceMs: number;
  logRequests: boolean;
  /** Enables /review; null leaves it off. */
  adminToken: string | null;
  /** The feedback database on Node (SQLite); `none` for no feedback. */
  feedbackDb: string | null;
}


const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(20),
  MAX_CONCURRENT: z.coerce.number().int().min(1).default(8),
  MAX_QUEUE: z.coerce.number().int().min(0).default(64),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  QUEUE_BUDGET_MS: z.coerce.number().int().min(10).default(1_000),
  SHED_LAG_MS: z.coerce.number().int().min(10).default(100),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(5_000),
  LOG_REQUESTS: flag.default(true),
  // Long enough that guessing it through the rate-limited login is hopeless.
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  FEEDBACK_DB: z.string().min(1).default('data/feedback.sqlite'),
});

export function serverConfigFromEnv(env: Record<string, string | undefined> = process.env): ServerConfig {
  const e = parseEnv(EnvSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    corsOrigins: e.CORS_ORIGINS,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MIN, burst: e.RATE_LIMIT_BURST },
    maxConcurrent: e.MAX_CONCURRENT,
    maxQueue: e.MAX_QUEUE,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    queueBudgetMs: e.QUEUE_BUDGET_MS,
    shedLagMs: e.SHED_LAG_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    logRequests: e.LOG_REQUESTS,
    adminToken: e.ADMIN_TOKEN ?? null,
    feedbackDb: e.FEEDBACK_DB === 'none' ? null : e.FEEDBACK_DB,
  };
}
