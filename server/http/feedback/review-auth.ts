// The review page's protection: an admin token compared in constant time, a signed session cookie
// (HttpOnly, SameSite=Strict, path /review), and a form token bound to the session on every decision,
// on top of hono's csrf() Origin check. Runtime-neutral: Web Crypto only.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import { sha256 } from 'hono/utils/crypto';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

const COOKIE = 'regqa_review';
const SESSION_MS = 8 * 60 * 60 * 1000;

export interface ReviewEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { formToken: string };
}

export const tokenMatches = (given: string, token: string) => timingSafeEqual(given, token);

/** The form token of a session: knowable only with the admin token, so a forged form cannot carry it. */
const formTokenOf = async (token: string, expires: string) => (await sha256(`${token}\0form\0${expires}`)) ?? '';

export async function startSession(c: Context, token: string): Promise<void> {
  const expires = String(Date.now() + SESSION_MS);
  await setSignedCookie(c, COOKIE, expires, token, {
    path: '/review',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_MS / 1000,
  });
}

export const endSession = (c: Context) => deleteCookie(c, COOKIE, { path: '/review' });

/** The session's expiry when the request carries a valid, unexpired session cookie. */
async function session(c: Context, token: string): Promise<string | null> {
  const expires = await getSignedCookie(c, token, COOKIE);
  return typeof expires === 'string' && Number(expires) > Date.now() ? expires : null;
}

/** Lets through requests with a session (setting `formToken`); `onMissing` answers the others. */
export function requireSession(token: string, onMissing: (c: Context<ReviewEnv>) => Response | Promise<Response>): MiddlewareHandler<ReviewEnv> {
  return async (c, next) => {
    const expires = await session(c, token);
    if (!expires) return onMissing(c);
    c.set('formToken', await formTokenOf(token, expires));
    await next();
  };
}

/** A state-changing form must carry its session's form token. */
export async function checkFormToken(c: Context<ReviewEnv>, given: unknown): Promise<void> {
  if (typeof given !== 'string' || !(await timingSafeEqual(given, c.get('formToken')))) throw new ApiError(403, 'review_login_required');
}
