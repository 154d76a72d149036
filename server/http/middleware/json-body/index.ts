// Reads a JSON request body strictly, ahead of the zod validator: a wrong Content-Type, bytes that are
// not UTF-8, malformed JSON and JSON nested deeper than any request needs each get their own clear 400
// (the stock validator answers 415, silently replaces invalid bytes with U+FFFD, or says only "Malformed
// JSON"; deep nesting made JSON.stringify throw in the error path). It also picks up the body's `lang`
// so that validation messages come out in that language.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/** The deepest request body is {history: [{role, content}]}: three levels. */
export const MAX_JSON_DEPTH = 16;

export const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new ApiError(400, 'body_not_json');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(c.get('body'));
  } catch {
    throw new ApiError(400, 'invalid_utf8');
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw new ApiError(400, 'json_too_deep', { max: MAX_JSON_DEPTH });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  // The validator's own c.req.json() reads the cached text (Hono's json() parses bodyCache.text; a cached
  // `json` would make it stringify that, wrap it in a Response and parse it again).
  // At run time the cache holds promises, whatever its type says.
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
  const lang = (body as { lang?: unknown } | null)?.lang;
  if (lang === 'zh' || lang === 'en') c.set('language', lang);
  await next();
};

/** The deepest bracket nesting outside strings; malformed input is left to JSON.parse. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}
