// JSON lines read through a zod schema: the question log, the eval datasets. A malformed line is an
// error naming the file and line, never skipped. Pure.
import type { z } from 'zod';

/** Each line's value with its 1-based line number; `fail` makes the error (a caller's own class). */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, file: string, fail: (message: string) => Error = (m) => new Error(m)): { value: T; line: number }[] {
  const out: { value: T; line: number }[] = [];
  text.split(/\r?\n/).forEach((row, i) => {
    if (row.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(row);
    } catch (error) {
      throw fail(`${file}:${i + 1}: invalid JSON: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw fail(`${file}:${i + 1}: ${issue?.path.join('.') || '(line)'}: ${issue?.message}`);
    }
    out.push({ value: parsed.data, line: i + 1 });
  });
  return out;
}
