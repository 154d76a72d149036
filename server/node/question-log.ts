// The corpus's question log (corpus/questions.jsonl): questions whose answering articles an official
// confirmed, one JSON object a line, which the index build learns from. Only the review page writes it.
// Appends are atomic: the new file is written beside the old one and renamed over it, so a reader or a
// crash sees the log before or after the line, never half of it; appends in one process are queued.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ArticleRef } from '../http/feedback/store.ts';

export const QuestionLogEntry = z.object({
  question: z.string().min(1),
  gold: z
    .array(
      z.object({
        regulationId: z.string().min(1),
        article: z.number().int().min(1),
        sub: z.number().int().min(1).optional(),
        paragraph: z.number().int().min(1).optional(),
      }),
    )
    .min(1),
  source: z.string().min(1),
  addedAt: z.string(),
});
export type QuestionLogEntry = z.infer<typeof QuestionLogEntry>;

export interface QuestionLog {
  append(question: string, gold: ArticleRef[], source: string): Promise<void>;
}

export function questionLogFile(file: string): QuestionLog {
  let queue: Promise<unknown> = Promise.resolve();
  const appendNow = async (entry: QuestionLogEntry) => {
    const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const separator = before === '' || before.endsWith('\n') ? '' : '\n';
    const partial = `${file}.${process.pid}.partial`;
    try {
      await writeFile(partial, `${before}${separator}${JSON.stringify(entry)}\n`);
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
  };
  return {
    async append(question, gold, source) {
      const entry = QuestionLogEntry.parse({ question, gold, source, addedAt: new Date().toISOString() });
      const next = queue.then(() => appendNow(entry));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
