// The feedback database on Node: one SQLite file through better-sqlite3, in WAL mode so that reading
// the review page never blocks a citizen's thumbs-up. better-sqlite3 is synchronous; its calls take
// microseconds, so the store's async interface simply wraps them.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDatabase } from '../http/feedback/store.ts';

/** A hard ceiling under the store's row bound: SQLite refuses to grow the file past it. */
const MAX_BYTES = 256 * 1024 * 1024;

export interface SqliteDatabase extends SqlDatabase {
  close(): void;
}

export function openSqlite(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.pragma(`max_page_count = ${Math.floor(MAX_BYTES / pageSize)}`);
  return {
    exec: async (sql) => void db.exec(sql),
    run: async (sql, params) => {
      const info = db.prepare(sql).run(...params);
      return { changes: info.changes, lastId: Number(info.lastInsertRowid) };
    },
    all: async <T>(sql: string, params: readonly (string | number | null)[]) => db.prepare(sql).all(...params) as T[],
    close: () => db.close(),
  };
}
