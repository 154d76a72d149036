// The corpus's question log (corpus/questions.jsonl): questions whose answering articles an official
// confirmed, one JSON object a line, which the index build learns from. Only the review page writes it,
// and every line is checked against the schema the build reads it with (indexer/learn/log.ts).
// Appends are atomic: the new file is written beside the old one and renamed over it, so a reader or a
// crash sees the log before or after the line, never half of it; appends in one process are queued.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { LogEntrySchema, type LogEntry } from '../../indexer/learn/log.ts';
import type { QuestionLog } from '../http/feedback/review-page.ts';

export function questionLogFile(file: string): QuestionLog {
  let queue: Promise<unknown> = Promise.resolve();
  const appendNow = async (entry: LogEntry) => {
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
      const entry = LogEntrySchema.parse({ question, gold, source, addedAt: new Date().toISOString() });
      const next = queue.then(() => appendNow(entry));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
