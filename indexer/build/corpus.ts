// Reads a corpus folder: either a manifest.json describing each statute, or plain text files whose first
// line is the title (the STARD layout). Returns parsed regulations and every lint issue.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { LintIssue } from './lint.ts';
import { parseStatute, type StatuteMeta } from './parse.ts';
import type { Regulation } from '../statute/model.ts';

export const ManifestSchema = z.object({
  regulations: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes'),
        title: z.string().min(1),
        aliases: z.array(z.string().min(1)).default([]),
        jurisdiction: z.string().min(1),
        status: z.enum(['draft', 'in-force']),
        statusNote: z.string().optional(),
        sourceFile: z.string().min(1).refine((f) => basename(f) === f, 'sourceFile must be a file name inside the corpus folder'),
        /** false for excerpts whose article numbers have gaps by design. */
        complete: z.boolean().default(true),
      }),
    )
    .min(1)
    .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, 'regulation ids must be unique'),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export interface Corpus {
  regulations: Regulation[];
  issues: LintIssue[];
  /** sha256 over the manifest and every source file, for staleness checks. */
  hash: string;
}

export async function loadCorpus(dir: string): Promise<Corpus> {
  const names = (await readdir(dir)).sort();
  const hash = createHash('sha256');
  if (names.includes('manifest.json')) return loadWithManifest(dir, hash);
  return loadPlainFolder(dir, names.filter((n) => n.endsWith('.txt')), hash);
}

async function loadWithManifest(dir: string, hash: ReturnType<typeof createHash>): Promise<Corpus> {
  const rawManifest = await readFile(join(dir, 'manifest.json'), 'utf8');
  hash.update(rawManifest);
  const parsed = ManifestSchema.safeParse(safeJson(rawManifest));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { regulations: [], issues: [fatal('manifest', 'manifest.json', message)], hash: hash.digest('hex') };
  }
  const regulations: Regulation[] = [];
  const issues: LintIssue[] = [];
  for (const entry of parsed.data.regulations) {
    let source: string;
    try {
      source = await readFile(join(dir, entry.sourceFile), 'utf8');
    } catch (error) {
      issues.push(fatal(entry.id, entry.sourceFile, `cannot read source file: ${(error as Error).message}`));
      continue;
    }
    hash.update(`\0${entry.sourceFile}\0${source}`);
    const meta: StatuteMeta = { ...entry, titleFromManifest: true };
    const result = parseStatute(source, meta);
    regulations.push(result.regulation);
    issues.push(...result.issues);
  }
  return { regulations, issues, hash: hash.digest('hex') };
}

async function loadPlainFolder(dir: string, files: string[], hash: ReturnType<typeof createHash>): Promise<Corpus> {
  const regulations: Regulation[] = [];
  const issues: LintIssue[] = [];
  if (files.length === 0) issues.push(fatal('corpus', dir, 'no manifest.json and no .txt statute files'));
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8');
    hash.update(`\0${file}\0${source}`);
    const id = file.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    const title = source.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
    if (title === '') {
      issues.push(fatal(id, file, 'empty file: the first line must be the title'));
      continue;
    }
    const meta: StatuteMeta = { id, title, aliases: [], jurisdiction: '', status: 'in-force', sourceFile: file, complete: false };
    const result = parseStatute(source, meta);
    regulations.push(result.regulation);
    issues.push(...result.issues.filter((i) => i.code !== 'title-line'));
  }
  return { regulations, issues, hash: hash.digest('hex') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return { __invalidJson: (error as Error).message };
  }
}

function fatal(regulationId: string, where: string, message: string): LintIssue {
  return { regulationId, severity: 'fatal', code: regulationId === 'corpus' ? 'unparseable' : 'manifest', where, message };
}
