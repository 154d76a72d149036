// The Hono environment shared by every module of the HTTP edge.
import type { Lang } from '../core/types.ts';

/** The parts of Node's IncomingMessage the edge uses; on Workers there is none. */
export interface NodeIncoming {
  socket?: { remoteAddress?: string };
  readableEnded?: boolean;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  off(event: 'end' | 'close' | 'error', listener: () => void): unknown;
  pause(): unknown;
}

export interface AppEnv {
  /** On Node, @hono/node-server passes the raw request; on Workers this is the bindings object. */
  Bindings: { incoming?: NodeIncoming };
  Variables: {
    /** The language of messages for this request: body `lang`, else `?lang=`, else Accept-Language, else zh. */
    language: Lang;
    /** When this request must be answered by (ms since the epoch): body, queue and handler share it. */
    deadline: number;
    /** The request body, read in full (within the size limit and the deadline) before any work starts. */
    body: Uint8Array;
  };
}
