// The Hono environment shared by every module of the HTTP edge.
import type { Lang } from '../core/types.ts';

export interface AppEnv {
  /** On Node, @hono/node-server passes the raw request; on Workers this is the bindings object. */
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
  Variables: {
    /** The language of messages for this request: body `lang`, else `?lang=`, else Accept-Language, else zh. */
    language: Lang;
  };
}
