// The lexical index as one binary artefact. Loading makes typed-array views into the bytes (no
// copy, no parsing of postings); only a small JSON header describes where each section lies.
//
//   "RQLX" | u32 format | u32 header bytes | header JSON | padding to 8 | sections, each 8-aligned
//
// Numbers are little-endian (the views use the platform's order, so a big-endian platform is refused).
import { z } from 'zod';
import { lengthNorms } from './bm25.ts';
import { LexicalIndex, type IndexedField } from './index.ts';
import { blocksOf } from './postings.ts';

const MAGIC = [0x52, 0x51, 0x4c, 0x58];
export const LEXICAL_FORMAT = 1;

const SECTIONS = {
  dictBytes: Uint8Array,
  dictOffsets: Uint32Array,
  df: Uint32Array,
  start: Uint32Array,
  bytes: Uint8Array,
  skipStart: Uint32Array,
  skipDoc: Uint32Array,
  skipOffset: Uint32Array,
  blockMax: Float64Array,
  lengths: Uint32Array,
} as const;
type SectionName = keyof typeof SECTIONS;
const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const Header = z.object({
  documents: z.number().int().nonnegative(),
  k1: z.number().positive(),
  b: z.number().min(0).max(1),
  fields: z.array(
    z.object({
      name: z.string().min(1),
      totalLength: z.number().int().nonnegative(),
      /** Per section: [byte offset, element count]. */
      sections: z.record(z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]), Span),
    }),
  ).min(1),
});
type Header = z.infer<typeof Header>;

function sectionsOf(f: IndexedField): Record<SectionName, ArrayBufferView & { length: number }> {
  const p = f.postings;
  return { dictBytes: f.dict.bytes, dictOffsets: f.dict.offsets, df: p.df, start: p.start, bytes: p.bytes, skipStart: p.skipStart, skipDoc: p.skipDoc, skipOffset: p.skipOffset, blockMax: p.blockMax, lengths: f.lengths };
}

const align8 = (n: number) => (n + 7) & ~7;

export function serialiseLexical(index: LexicalIndex): Uint8Array {
  const fields = [...index.fields.entries()].map(([name, f]) => ({ name, f, arrays: sectionsOf(f) }));
  // Offsets depend on the header's length, which depends on the offsets' digits: lay out the
  // sections relative to a generously rounded header size, then check it fitted.
  const relative: Header['fields'] = [];
  let size = 0;
  for (const { name, f, arrays } of fields) {
    const sections = {} as Record<SectionName, [number, number]>;
    for (const s of SECTION_NAMES) {
      sections[s] = [size, arrays[s].length];
      size = align8(size + arrays[s].byteLength);
    }
    relative.push({ name, totalLength: f.totalLength, sections });
  }
  const draft = (base: number): Header => ({
    documents: index.documentCount,
    k1: index.params.k1,
    b: index.params.b,
    fields: relative.map((f) => ({ ...f, sections: Object.fromEntries(SECTION_NAMES.map((s) => [s, [f.sections[s]![0] + base, f.sections[s]![1]]])) as Record<SectionName, [number, number]> })),
  });
  const encoder = new TextEncoder();
  const base = align8(12 + encoder.encode(JSON.stringify(draft(2 ** 40))).length);
  const header = encoder.encode(JSON.stringify(draft(base)));
  if (12 + header.length > base) throw new Error('lexical header outgrew its reserved space');
  const out = new Uint8Array(base + size);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, LEXICAL_FORMAT, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  fields.forEach(({ arrays }, i) => {
    for (const s of SECTION_NAMES) {
      const a = arrays[s];
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), relative[i]!.sections[s]![0] + base);
    }
  });
  return out;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function fail(why: string): never {
  throw new Error(`invalid lexical index: ${why}`);
}

export function loadLexical(input: Uint8Array): LexicalIndex {
  if (!littleEndian) fail('this platform is big-endian');
  // Typed-array views need aligned offsets; a view at an odd offset is copied once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) fail('not a lexical index (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== LEXICAL_FORMAT) fail(`format ${format}, this build reads ${LEXICAL_FORMAT}`);
  const headerBytes = view.getUint32(8, true);
  if (12 + headerBytes > bytes.length) fail('truncated header');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerBytes)));
  } catch {
    fail('unreadable header (not JSON)');
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(`unexpected header (${issue.path.join('.') || 'header'}: ${issue.message})`);
  }
  const header = parsed.data;
  const fields = new Map<string, IndexedField>();
  for (const f of header.fields) {
    if (fields.has(f.name)) fail(`field "${f.name}" appears twice`);
    fields.set(f.name, fieldOf(bytes, f, header));
  }
  return new LexicalIndex(header.documents, { k1: header.k1, b: header.b }, fields);
}

function fieldOf(bytes: Uint8Array, f: Header['fields'][number], header: Header): IndexedField {
  const a = {} as { [S in SectionName]: InstanceType<(typeof SECTIONS)[S]> };
  for (const s of SECTION_NAMES) {
    const Kind = SECTIONS[s];
    const [offset, count] = f.sections[s];
    if (offset % 8 !== 0 || offset + count * Kind.BYTES_PER_ELEMENT > bytes.length) fail(`section ${f.name}.${s} lies outside the file`);
    (a as Record<SectionName, unknown>)[s] = new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, count);
  }
  checkField(a, f, header.documents);
  const averageLength = header.documents ? f.totalLength / header.documents : 0;
  return {
    dict: { bytes: a.dictBytes, offsets: a.dictOffsets },
    postings: { df: a.df, start: a.start, bytes: a.bytes, skipStart: a.skipStart, skipDoc: a.skipDoc, skipOffset: a.skipOffset, blockMax: a.blockMax },
    lengths: a.lengths,
    totalLength: f.totalLength,
    norms: lengthNorms(a.lengths, averageLength, header),
  };
}

/** Structural checks that keep a damaged file from reading out of bounds (the checksum is the format module's). */
function checkField(a: { [S in SectionName]: InstanceType<(typeof SECTIONS)[S]> }, f: Header['fields'][number], documents: number): void {
  const terms = a.df.length;
  const where = (what: string) => fail(`field "${f.name}": ${what}`);
  if (a.dictOffsets.length !== terms + 1 || a.start.length !== terms + 1 || a.skipStart.length !== terms + 1) where('section lengths disagree');
  if (a.lengths.length !== documents) where(`${a.lengths.length} lengths for ${documents} documents`);
  if (a.skipDoc.length !== a.skipOffset.length || a.blockMax.length !== a.skipDoc.length) where('skip sections disagree');
  for (let t = 0; t < terms; t++) {
    if (a.dictOffsets[t + 1]! < a.dictOffsets[t]! || a.start[t + 1]! < a.start[t]! || a.df[t]! > documents) where(`term ${t} is out of order`);
    if (a.skipStart[t + 1]! - a.skipStart[t]! !== blocksOf(a.df[t]!)) where(`term ${t} has the wrong number of blocks`);
  }
  if (a.dictOffsets[terms] !== a.dictBytes.length || a.start[terms] !== a.bytes.length || a.skipStart[terms] !== a.skipDoc.length) where('offsets do not end at their section ends');
  let total = 0;
  for (let d = 0; d < documents; d++) total += a.lengths[d]!;
  if (total !== f.totalLength) where('document lengths do not add up');
}
