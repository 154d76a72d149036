// Reads the request body in full, within a size limit and the request's deadline, before the request
// takes a concurrency slot: a stalled or trickled upload costs a socket and at most `maxBytes`, never a
// slot, and is cut off with 408 when the deadline passes. Replaces hono/body-limit, which also makes
// @hono/node-server build a whole web Request for every request; on Node the bytes come straight from
// the IncomingMessage.
//
// Every early answer says `Connection: close`: the rest of the body is never read, so the connection
// cannot carry another request.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, NodeIncoming } from '../../context.ts';
import { ApiError } from '../../errors.ts';

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readBody(options: { maxBytes: number; timeoutMs: number }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deadline = Date.now() + options.timeoutMs;
    c.set('deadline', deadline);
    if (NO_BODY.has(c.req.method)) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > options.maxBytes) throw refuse(c, new ApiError(413, 'payload_too_large'));
    try {
      c.set('body', await bytesOf(c, options.maxBytes, deadline));
    } catch (error) {
      throw error instanceof ApiError ? refuse(c, error) : error;
    }
    await next();
  };
}

function refuse(c: Context<AppEnv>, error: ApiError): ApiError {
  c.header('Connection', 'close');
  return error;
}

function bytesOf(c: Context<AppEnv>, maxBytes: number, deadline: number): Promise<Uint8Array> {
  const incoming = c.env?.incoming;
  if (incoming && typeof incoming.on === 'function') return fromNode(incoming, maxBytes, deadline);
  return fromStream(c.req.raw.body, maxBytes, deadline);
}

function fromNode(incoming: NodeIncoming, maxBytes: number, deadline: number): Promise<Uint8Array> {
  if (incoming.readableEnded) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array) => {
      size += chunk.length;
      if (size > maxBytes) return finish(new ApiError(413, 'payload_too_large'));
      chunks.push(chunk);
    };
    const onEnd = () => finish(concat(chunks, size));
    const onAbort = () => finish(new ApiError(400, 'body_aborted'));
    const timer = setTimeout(() => finish(new ApiError(408, 'body_timeout')), Math.max(0, deadline - Date.now()));
    function finish(outcome: Uint8Array | ApiError) {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('close', onAbort);
      incoming.off('error', onAbort);
      if (outcome instanceof ApiError) {
        // The rest of the body is not wanted; the response closes the connection.
        incoming.pause();
        reject(outcome);
      } else resolve(outcome);
    }
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('close', onAbort);
    incoming.on('error', onAbort);
  });
}

async function fromStream(body: ReadableStream<Uint8Array> | null, maxBytes: number, deadline: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError(408, 'body_timeout')), Math.max(0, deadline - Date.now()));
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), late]);
      if (done) return concat(chunks, size);
      size += value.length;
      if (size > maxBytes) throw new ApiError(413, 'payload_too_large');
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error instanceof ApiError ? error : new ApiError(400, 'body_aborted');
  } finally {
    clearTimeout(timer);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
