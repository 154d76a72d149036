import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LexicalBuilder } from './build.ts';
import type { LexicalIndex } from './index.ts';
import { LEXICAL_FORMAT, loadLexical, serialiseLexical } from './serialise.ts';

const FIELDS = ['words', 'bigrams'];
const token = fc.oneof(fc.constantFrom('数据', '部门', '罚款', 'a', 'bb', '𠀀'), fc.string({ minLength: 1, maxLength: 4 }));
const corpus = fc.array(fc.tuple(fc.array(token, { maxLength: 300 }), fc.array(token, { maxLength: 5 })), { maxLength: 60 });

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

function build(docs: string[][][]): LexicalIndex {
  const builder = new LexicalBuilder(FIELDS);
  for (const d of docs) builder.add(d);
  return builder.finish();
}

describe('lexical index artefact', () => {
  it('round-trips: the loaded index has the same statistics and answers every query the same', () => {
    fc.assert(
      fc.property(corpus, fc.array(token, { minLength: 1, maxLength: 6 }), (docs, terms) => {
        const built = build(docs);
        const bytes = serialiseLexical(built);
        const loaded = loadLexical(bytes);
        expect(loaded.documentCount).toBe(docs.length);
        expect(sameBytes(serialiseLexical(loaded), bytes)).toBe(true);
        for (const field of FIELDS) {
          expect(loaded.averageLength(field)).toBe(built.averageLength(field));
          for (const term of terms) expect(loaded.documentFrequency(field, term)).toBe(built.documentFrequency(field, term));
        }
        const query = FIELDS.map((field) => ({ field, terms: terms.map((term) => ({ term, weight: 1 })) }));
        expect(loaded.search(query, { k: 10 })).toEqual(built.search(query, { k: 10 }));
      }),
      { numRuns: 150 },
    );
  });

  it('loads from a view at any byte offset (a slice of a larger buffer)', () => {
    const bytes = serialiseLexical(build([[['数据', '部门'], ['数据']], [['罚款'], []]]));
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const loaded = loadLexical(padded.subarray(3));
    expect(loaded.search([{ field: 'words', terms: [{ term: '罚款', weight: 1 }] }], { k: 5 }).map((h) => h.doc)).toEqual([1]);
  });

  it('refuses damaged or foreign bytes with a message, not a crash', () => {
    const bytes = serialiseLexical(build([[['数据', '部门', '部门'], ['数据']], [['罚款'], []]]));
    expect(() => loadLexical(new TextEncoder().encode('{"not":"an index"}'))).toThrow(/invalid lexical index: not a lexical index/);
    expect(() => loadLexical(bytes.subarray(0, 40))).toThrow(/invalid lexical index/);
    expect(() => loadLexical(bytes.subarray(0, bytes.length - 8))).toThrow(/invalid lexical index: section .* outside the file/);
    const future = bytes.slice();
    new DataView(future.buffer).setUint32(4, LEXICAL_FORMAT + 1, true);
    expect(() => loadLexical(future)).toThrow(/format 2, this build reads 1/);
    // A document length changed: the per-field totals no longer agree.
    const damaged = bytes.slice();
    damaged[damaged.length - 1] = 0xff;
    expect(() => loadLexical(damaged)).toThrow(/invalid lexical index/);
  });
});
