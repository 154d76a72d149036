// Feedback on answers (thumbs and an optional comment) and its review by officials, over any SQL
// database with SQLite's dialect: better-sqlite3 on Node (server/node/feedback-sqlite.ts), D1 on
// Workers (server/edge/feedback-d1.ts). One schema, one set of migrations, one implementation.
import type { z } from '@hono/zod-openapi';
import type { Lang } from '../../core/types.ts';
import type { FeedbackBody } from './routes.ts';

/** The few calls the store needs; both adapters implement them. */
export interface SqlDatabase {
  exec(sql: string): Promise<void>;
  run(sql: string, params: readonly SqlValue[]): Promise<{ changes: number; lastId: number }>;
  all<T>(sql: string, params: readonly SqlValue[]): Promise<T[]>;
}
export type SqlValue = string | number | null;

/** Applied in order, each once; a database records the versions it has in `migrations`. Never edit one: add one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE feedback (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     comment TEXT,
     citations TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'confirmed', 'rejected')),
     gold TEXT,
     reviewed_at TEXT
   );
   CREATE INDEX feedback_status ON feedback (status, id);`,
];

export interface ArticleRef {
  regulationId: string;
  article: number;
  /** 之N: 1 for 第一百三十三条之一. */
  sub?: number;
  paragraph?: number;
}

/** What a citizen sends (the API's schema, routes.ts), as it is stored. */
export type NewFeedback = z.infer<typeof FeedbackBody>;
type CitedRef = NewFeedback['citations'][number];

export type FeedbackStatus = 'new' | 'confirmed' | 'rejected';

export interface FeedbackRecord extends NewFeedback {
  id: number;
  createdAt: string;
  status: FeedbackStatus;
  gold: ArticleRef[] | null;
}

export interface FeedbackStore {
  add(entry: NewFeedback): Promise<number>;
  get(id: number): Promise<FeedbackRecord | null>;
  list(status: FeedbackStatus, limit: number): Promise<FeedbackRecord[]>;
  /** Moves a `new` entry to its decision; false when it was already decided (two reviewers at once). */
  decide(id: number, status: 'confirmed' | 'rejected', gold: ArticleRef[] | null): Promise<boolean>;
  /** Undoes a decision whose follow-up failed (the question log could not be written). */
  reopen(id: number): Promise<void>;
}

interface Row {
  id: number;
  created_at: string;
  question: string;
  answer: string;
  lang: Lang;
  rating: 'up' | 'down';
  comment: string | null;
  citations: string;
  status: FeedbackStatus;
  gold: string | null;
}

const fromRow = (r: Row): FeedbackRecord => ({
  id: r.id,
  createdAt: r.created_at,
  question: r.question,
  answer: r.answer,
  lang: r.lang,
  rating: r.rating,
  ...(r.comment !== null && { comment: r.comment }),
  citations: JSON.parse(r.citations) as CitedRef[],
  status: r.status,
  gold: r.gold === null ? null : (JSON.parse(r.gold) as ArticleRef[]),
});

export async function migrate(db: SqlDatabase): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set((await db.all<{ version: number }>('SELECT version FROM migrations', [])).map((r) => r.version));
  for (const [i, sql] of MIGRATIONS.entries()) {
    if (done.has(i + 1)) continue;
    await db.exec(sql);
    await db.run('INSERT INTO migrations (version, applied_at) VALUES (?, ?)', [i + 1, new Date().toISOString()]);
  }
  return MIGRATIONS.length;
}

/**
 * `maxRows` bounds the table: past it the oldest decided entries go first, then the oldest undecided
 * ones. With every text field bounded by the API's schema, that bounds the database's size.
 */
export async function openFeedbackStore(db: SqlDatabase, maxRows = 50_000): Promise<FeedbackStore> {
  await migrate(db);
  const trim = async () => {
    const [{ n } = { n: 0 }] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM feedback', []);
    if (n <= maxRows) return;
    await db.run(
      `DELETE FROM feedback WHERE id IN (SELECT id FROM feedback ORDER BY status = 'new', id LIMIT ?)`,
      [n - maxRows],
    );
  };
  return {
    async add(e) {
      const { lastId } = await db.run(
        'INSERT INTO feedback (created_at, question, answer, lang, rating, comment, citations) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [new Date().toISOString(), e.question, e.answer, e.lang, e.rating, e.comment ?? null, JSON.stringify(e.citations)],
      );
      await trim();
      return lastId;
    },
    async get(id) {
      const [row] = await db.all<Row>('SELECT * FROM feedback WHERE id = ?', [id]);
      return row ? fromRow(row) : null;
    },
    async list(status, limit) {
      return (await db.all<Row>('SELECT * FROM feedback WHERE status = ? ORDER BY id DESC LIMIT ?', [status, limit])).map(fromRow);
    },
    async decide(id, status, gold) {
      const { changes } = await db.run(`UPDATE feedback SET status = ?, gold = ?, reviewed_at = ? WHERE id = ? AND status = 'new'`, [
        status,
        gold === null ? null : JSON.stringify(gold),
        new Date().toISOString(),
        id,
      ]);
      return changes === 1;
    },
    async reopen(id) {
      await db.run(`UPDATE feedback SET status = 'new', gold = NULL, reviewed_at = NULL WHERE id = ?`, [id]);
    },
  };
}
