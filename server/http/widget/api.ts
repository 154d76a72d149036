// The widget's calls to the assistant's API: a streamed answer, and feedback on an answer.
import type { z } from '@hono/zod-openapi';
import type { AskResult } from '../../core/types.ts';
import type { FeedbackBody } from '../feedback/routes.ts';
import type { AskBody } from '../schemas.ts';
import { sseEvents } from './sse.ts';

export type FailureKind = 'network' | 'not-allowed' | 'server' | 'stopped';

export class AskFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message = '',
  ) {
    super(message);
  }
}

/** The API's request schemas (types only: erased from the bundle). */
export type AskRequest = z.input<typeof AskBody>;

/** Asks with server-sent events; `onText` receives the answer so far after every chunk. */
export async function streamAsk(apiBase: string, request: AskRequest, signal: AbortSignal, onText: (text: string) => void): Promise<AskResult> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    throw await failureOf(apiBase, error, signal);
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AskFailure('server', body?.error?.message ?? '');
  }
  let answer = '';
  try {
    for await (const { event, data } of sseEvents(res.body)) {
      if (event === 'answer') {
        answer += (JSON.parse(data) as { text: string }).text;
        onText(answer);
      } else if (event === 'citations') {
        return { answer, ...(JSON.parse(data) as Omit<AskResult, 'answer'>) };
      }
    }
  } catch (error) {
    throw await failureOf(apiBase, error, signal);
  }
  throw new AskFailure('server');
}

/**
 * fetch reports a refused cross-origin call exactly as it reports a network failure. A no-cors request
 * tells them apart: it reaches a server that is up whatever its CORS settings, so when it succeeds the
 * API is up and this site is the one not allowed. It asks for the widget script, the one response
 * other sites may load (Cross-Origin-Resource-Policy: cross-origin), which the browser has cached.
 */
async function failureOf(apiBase: string, error: unknown, signal: AbortSignal): Promise<AskFailure> {
  if (signal.aborted) return new AskFailure('stopped');
  if (!(error instanceof TypeError)) return new AskFailure('server');
  if (new URL(apiBase, location.href).origin === location.origin) return new AskFailure('network');
  try {
    await fetch(`${apiBase}/widget.js`, { mode: 'no-cors' });
    return new AskFailure('not-allowed');
  } catch {
    return new AskFailure('network');
  }
}

export type FeedbackRequest = z.input<typeof FeedbackBody>;

export async function postFeedback(apiBase: string, feedback: FeedbackRequest): Promise<boolean> {
  try {
    const res = await fetch(`${apiBase}/api/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(feedback) });
    return res.ok;
  } catch {
    return false;
  }
}
