// The lexical engines the engine benchmark compares, behind one interface: documents go in chunk by
// chunk (only the engine's own work is timed), then a finishing step, then top-10 queries.
//   engine          this product's engine (indexer/lexical), words + bigrams fields, built, serialised
//                   and loaded back as the server does; queried on words exhaustively and with
//                   MaxScore, and as the product queries it (lexicalSearch: both fields, normalised)
//   fts5            SQLite FTS5 (better-sqlite3), words only, ranked by its bm25()
//   minisearch-words  MiniSearch over words only (the evals' plain baseline before the engine)
//   minisearch      regqa before its engine: MiniSearch words + bigrams (minisearch-reference.ts)
import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LEXICAL_FIELDS, loadLexical, serialiseLexical, type LexicalIndex } from '../../indexer/format/lexical.ts';
import { LexicalBuilder } from '../../indexer/lexical/build.ts';
import { lexicalSearch } from '../../server/core/retrieve/lexical.ts';
import type { LexicalQuery } from '../../server/core/retrieve/types.ts';
import { DEFAULT_TUNING } from '../../server/core/tuning.ts';
import { miniSearchBaseline, miniSearchIndex, miniSearchLexical, type MiniSearchDoc } from './minisearch-reference.ts';

export interface BenchDoc {
  words: string[];
  bigrams: string[];
}

export interface BenchQuery {
  words: string[];
  /** The same words as the assistant queries them (words and their bigrams). */
  lexical: LexicalQuery;
}

export type ContenderName = 'engine' | 'fts5' | 'minisearch-words' | 'minisearch';

export interface Contender {
  /** Indexes documents first, first + 1, …; the caller times this call only. */
  add(docs: readonly BenchDoc[], first: number): void;
  /** Whatever makes the index ready to serve (merging, serialising and loading); timed as build. */
  finish(): void;
  /** The index as stored (artefact, database file or JSON); NaN where it cannot be serialised. */
  storedBytes(): number;
  /** Query modes, each returning the top 10 document numbers. */
  modes: Record<string, (q: BenchQuery) => number[]>;
  close(): void;
}

const K = 10;

function engine(): Contender {
  let builder: LexicalBuilder | null = new LexicalBuilder([LEXICAL_FIELDS.words, LEXICAL_FIELDS.bigrams]);
  let index: LexicalIndex | null = null;
  let bytes = 0;
  const words = (q: BenchQuery) => [{ field: LEXICAL_FIELDS.words, terms: q.words.map((term) => ({ term, weight: 1 })) }];
  return {
    add: (docs) => docs.forEach((d) => builder!.add([d.words, d.bigrams])),
    finish() {
      const artefact = serialiseLexical(builder!.finish());
      builder = null;
      bytes = artefact.length;
      index = loadLexical(artefact);
    },
    storedBytes: () => bytes,
    modes: {
      exhaustive: (q) => index!.search(words(q), { k: K, exhaustive: true }).map((h) => h.doc),
      maxscore: (q) => index!.search(words(q), { k: K }).map((h) => h.doc),
      product: (q) => lexicalSearch(index!, [], q.lexical, undefined, { ...DEFAULT_TUNING, lexicalCandidates: K }).map((h) => h.unit),
    },
    close: () => {},
  };
}

/** FTS5 over the same tokens: each distinct token becomes an ASCII id, so FTS5's tokenizer splits exactly where ours did. */
function fts5(file: string): Contender {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE VIRTUAL TABLE docs USING fts5(words)');
  const ids = new Map<string, string>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = `w${ids.size.toString(36)}`));
    return id;
  };
  const insert = db.prepare('INSERT INTO docs(rowid, words) VALUES (?, ?)');
  const addAll = db.transaction((docs: readonly BenchDoc[], first: number) => docs.forEach((d, i) => insert.run(first + i, d.words.map(idOf).join(' '))));
  const top = db.prepare(`SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ${K}`).pluck();
  return {
    add: (docs, first) => addAll(docs, first),
    finish: () => db.exec("INSERT INTO docs(docs) VALUES ('optimize')"),
    storedBytes: () => statSync(file).size,
    modes: {
      bm25: (q) => {
        const known = q.words.filter((w) => ids.has(w)).map((w) => `"${ids.get(w)}"`);
        return known.length ? (top.all(known.join(' OR ')) as number[]) : [];
      },
    },
    close: () => {
      db.close();
      rmSync(file, { force: true });
    },
  };
}

function miniSearch(fields: ('words' | 'bigrams')[], mode: (index: ReturnType<typeof miniSearchIndex>, q: BenchQuery) => number[]): Contender {
  const index = miniSearchIndex(fields);
  const asDoc = (d: BenchDoc, i: number): MiniSearchDoc => ({ i, words: d.words.join(' '), bigrams: fields.includes('bigrams') ? d.bigrams.join(' ') : '' });
  return {
    add: (docs, first) => index.addAll(docs.map((d, i) => asDoc(d, first + i))),
    finish: () => {},
    storedBytes() {
      // V8 caps a string at ~512 MiB of UTF-16: past ~1M units the JSON cannot even be built.
      try {
        return Buffer.byteLength(JSON.stringify(index));
      } catch {
        return NaN;
      }
    },
    modes: { search: (q) => mode(index, q) },
    close: () => {},
  };
}

export function contender(name: ContenderName, scratchFile: string): Contender {
  switch (name) {
    case 'engine':
      return engine();
    case 'fts5':
      return fts5(scratchFile);
    case 'minisearch-words':
      return miniSearch(['words'], (index, q) => miniSearchBaseline(index, q.words).slice(0, K).map((h) => h.unit));
    case 'minisearch':
      return miniSearch(['words', 'bigrams'], (index, q) => miniSearchLexical(index, q.lexical).slice(0, K).map((h) => h.unit));
  }
}
