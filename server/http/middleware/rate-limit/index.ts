// Per-client token buckets: each client may burst up to `burst` requests, refilled at `perMinute`.
// State lives in memory, so on Workers it is per isolate — a brake on one abusive client, not a quota.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context.ts';
import { clientAddress } from '../../client.ts';
import { ApiError } from '../../errors.ts';

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    /** Beyond this many clients the least recently seen is forgotten (it comes back with a full bucket). */
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when granted, else the whole seconds until one is available. */
  take(key: string): number {
    const now = this.now();
    const previous = this.buckets.get(key);
    const bucket: Bucket = previous
      ? { tokens: Math.min(this.burst, previous.tokens + (now - previous.at) * this.perMs), at: now }
      : { tokens: this.burst, at: now };
    // Delete and re-insert so that the Map's order is least recently seen first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }
}

export function rateLimit(options: { perMinute: number; burst: number }): MiddlewareHandler<AppEnv> {
  const buckets = new TokenBuckets(options.perMinute, options.burst);
  return async (c, next) => {
    const wait = buckets.take(clientAddress(c));
    if (wait > 0) throw new ApiError(429, 'rate_limited', { seconds: wait }, wait);
    await next();
  };
}
