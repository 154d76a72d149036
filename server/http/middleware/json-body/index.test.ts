import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from './index.ts';

const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

describe('nestingDepth', () => {
  it('equals the depth of the parsed value for any JSON, brackets inside strings aside', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => nestingDepth(JSON.stringify(value)) === depthOf(value)));
  });

  it('ignores brackets in strings and escaped quotes', () => {
    expect(nestingDepth('{"a":"[[[{\\"[[","b":[1]}')).toBe(2);
  });
});
