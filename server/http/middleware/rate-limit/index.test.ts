// The token buckets on their own, with a clock the test controls.
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './index.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 2, 100, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
    expect(buckets.take('b')).toBe(0);
    now += 1000;
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 1]);
    now += 60_000;
    // Refilled, but never beyond the burst.
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
  });

  it('says how long to wait', () => {
    const buckets = new TokenBuckets(2, 1, 100, () => 0);
    buckets.take('a');
    expect(buckets.take('a')).toBe(30);
  });

  it('forgets the least recently seen client beyond its capacity', () => {
    const buckets = new TokenBuckets(1, 1, 2, () => 0);
    buckets.take('a');
    buckets.take('b');
    buckets.take('c');
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('c')).toBe(60);
  });
});
