// The feedback database on Workers: the same schema and store (server/http/feedback/store.ts) over a
// D1 binding. Declare it in wrangler.toml ([[d1_databases]] binding = "FEEDBACK") to enable feedback
// at the edge; without it /api/feedback answers 503.
import type { SqlDatabase, SqlValue } from '../http/feedback/store.ts';

/** The part of Cloudflare's D1 API this adapter uses (developers.cloudflare.com/d1/worker-api/). */
export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
}
export interface D1PreparedStatement {
  bind(...values: SqlValue[]): D1PreparedStatement;
  run(): Promise<{ meta: { changes: number; last_row_id: number } }>;
  all<T>(): Promise<{ results: T[] }>;
}

export function d1Database(d1: D1Database): SqlDatabase {
  return {
    // A migration holds several statements; a D1 prepared statement holds one.
    exec: async (sql) => {
      for (const statement of sql.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean)) await d1.prepare(statement).run();
    },
    run: async (sql, params) => {
      const { meta } = await d1.prepare(sql).bind(...params).run();
      return { changes: meta.changes, lastId: meta.last_row_id };
    },
    all: async <T>(sql: string, params: readonly SqlValue[]) => (await d1.prepare(sql).bind(...params).all<T>()).results,
  };
}
