// Reads a JSON request body strictly, ahead of the zod validator: a wrong Content-Type, bytes that are
// not UTF-8 and malformed JSON each get their own clear 400 (the stock validator answers 415, silently
// replaces invalid bytes with U+FFFD, or says only "Malformed JSON"). It also picks up the body's `lang`
// so that validation messages come out in that language.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

export const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new ApiError(400, 'body_not_json');
  // Cached by Hono: the validator's own c.req.json() reuses these bytes.
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_utf8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  const lang = (body as { lang?: unknown } | null)?.lang;
  if (lang === 'zh' || lang === 'en') c.set('language', lang);
  await next();
};
