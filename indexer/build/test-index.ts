// Test support: a corpus indexed lexical-only once, shared by every test file that only reads an index
// (tests of the build itself — kill, corruption, rebuild — keep their own). Vitest runs test files in
// separate processes, so the index is cached on disk under a key of everything it is made from: the
// corpus bytes, the index configuration, the indexer's code and the installed packages. A changed
// input is a new key, never a stale index; concurrent first builds race to rename a complete
// directory into place and the loser uses the winner's.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { indexConfigFromEnv, type IndexConfig } from '../config/index-config.ts';
import { currentVersionDir } from '../format/node-files.ts';
import { buildIndex, configHash } from './build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const built = new Map<string, Promise<string>>();

/** The index root (holding CURRENT) of `corpusDir` indexed lexical-only with the default configuration. */
export function sharedLexicalIndex(corpusDir = join(ROOT, 'corpus')): Promise<string> {
  const dir = resolve(corpusDir);
  let index = built.get(dir);
  if (!index) built.set(dir, (index = cachedBuild({ ...indexConfigFromEnv({}), corpusDir: dir, model: null })));
  return index;
}

async function cachedBuild(config: IndexConfig): Promise<string> {
  const key = createHash('sha256');
  key.update(configHash(config));
  for (const file of [...(await filesUnder(config.corpusDir)), ...(await filesUnder(join(ROOT, 'indexer'))), join(ROOT, 'package-lock.json')]) {
    key.update(file).update(await readFile(file));
  }
  const root = join(tmpdir(), `regqa-test-index-${key.digest('hex').slice(0, 16)}`);
  if (await currentVersionDir(root)) return root;
  const scratch = await mkdtemp(join(tmpdir(), 'regqa-test-index-build-'));
  const result = await buildIndex({ config: { ...config, outDir: scratch } });
  if (result.status === 'failed') throw new Error(`test index not built: ${JSON.stringify(result.issues)}`);
  try {
    await rename(scratch, root);
  } catch {
    // Another test process got there first with the same inputs.
    await rm(scratch, { recursive: true, force: true });
  }
  return root;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const files = entries.map((e) => join(dir, e)).sort();
  const regular = await Promise.all(files.map(async (f) => ((await stat(f)).isFile() ? f : null)));
  return regular.filter((f): f is string => f !== null && !f.endsWith('.test.ts'));
}
