// The answer as server-sent events, for clients that asked with Accept: text/event-stream or ?stream=1.
//
//   event: answer     data: {"text": "…"}                         one per sentence; concatenated they are the answer
//   event: citations  data: {"found", "lang", "citations": […], "matches"?}   the AskResponse fields other than answer
//   event: done       data: {}
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AskResult } from '../core/types.ts';

export const SSE_EVENTS_DOC =
  'With `Accept: text/event-stream` or `?stream=1`: events `answer` (data `{"text"}`, one per sentence, concatenated they are the answer), ' +
  'then `citations` (data `{"found","lang","citations","matches"?}`), then `done` (data `{}`).';

/**
 * The answer in streamable pieces, split after sentence-ending punctuation (and newlines), keeping every
 * character so the pieces join back to the answer (unlike the statute text's `sentences`, which trims).
 */
function answerChunks(text: string): string[] {
  return text.split(/(?<=[。！？；\n])(?!\n)|(?<=\D[.!?;])(?=\s)(?!\n)/).filter((s) => s !== '');
}

export function streamAnswer(c: Context, result: AskResult): Response {
  return streamSSE(c, async (stream) => {
    for (const text of answerChunks(result.answer)) await stream.writeSSE({ event: 'answer', data: JSON.stringify({ text }) });
    const { answer: _, ...rest } = result;
    await stream.writeSSE({ event: 'citations', data: JSON.stringify(rest) });
    await stream.writeSSE({ event: 'done', data: '{}' });
  });
}

export const wantsStream = (c: Context) =>
  c.req.query('stream') === '1' || (c.req.header('accept') ?? '').includes('text/event-stream');
