// The index on disk: versioned directories under the index root, a CURRENT pointer swapped atomically,
// and a manifest with sha256 checksums so that a truncated, corrupted or foreign artefact is caught at
// load instead of serving wrong answers.
//
//   index/CURRENT            → "v-<buildId>"  (replaced by rename, never edited in place)
//   index/v-<buildId>/       manifest.json + artefacts
//   index/.build-<buildId>/  a build in progress; removed or ignored if the process dies
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION } from './config.ts';

export const IndexManifestSchema = z.object({
  schemaVersion: z.number().int(),
  buildId: z.string(),
  builtAt: z.string(),
  corpusHash: z.string(),
  configHash: z.string(),
  counts: z.object({ regulations: z.number(), articles: z.number(), units: z.number(), dictionary: z.number() }),
  dense: z.boolean(),
  /** Why the index is lexical-only, in one line, when dense is false. */
  denseNote: z.string().nullable(),
  model: z
    .object({ id: z.string(), dims: z.number().int().positive(), pooling: z.enum(['mean', 'cls']), quantized: z.boolean(), queryInstruction: z.string() })
    .nullable(),
  hnsw: z.object({ M: z.number(), efConstruction: z.number(), efSearch: z.number() }).nullable(),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int() })),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

export class IndexLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${message} (${file}). Rebuild it with: npm run index -- --force`);
    this.name = 'IndexLoadError';
  }
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Collects artefacts in a private build directory; `commit` makes them the current index. */
export class IndexWriter {
  readonly buildId = `${new Date().toISOString().replace(/[-:.TZ]/g, '')}-${randomBytes(3).toString('hex')}`;
  readonly dir: string;
  private readonly files: IndexManifest['files'] = {};

  private constructor(readonly root: string) {
    this.dir = join(root, `.build-${this.buildId}`);
  }

  static async create(root: string): Promise<IndexWriter> {
    const writer = new IndexWriter(root);
    await mkdir(writer.dir, { recursive: true });
    return writer;
  }

  async write(name: string, data: Buffer | string): Promise<void> {
    await writeDurably(join(this.dir, name), data);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    this.files[name] = { sha256: sha256(buf), bytes: buf.length };
  }

  /** For artefacts a library writes itself (hnswlib's writeIndex): checksum what landed on disk. */
  async adopt(name: string): Promise<void> {
    const buf = await readFile(join(this.dir, name));
    await fsync(join(this.dir, name));
    this.files[name] = { sha256: sha256(buf), bytes: buf.length };
  }

  async commit(manifest: Omit<IndexManifest, 'files' | 'buildId' | 'schemaVersion'>): Promise<string> {
    const full: IndexManifest = { ...manifest, schemaVersion: SCHEMA_VERSION, buildId: this.buildId, files: this.files };
    await writeDurably(join(this.dir, 'manifest.json'), JSON.stringify(full, null, 2));
    const version = `v-${this.buildId}`;
    const previous = await currentVersionDir(this.root).catch(() => null);
    await rename(this.dir, join(this.root, version));
    await fsync(this.root);
    const pointer = join(this.root, `.CURRENT-${this.buildId}`);
    await writeDurably(pointer, version);
    // rename(2) replaces CURRENT atomically: readers see the old version or the new, never neither.
    await rename(pointer, join(this.root, 'CURRENT'));
    await fsync(this.root);
    await pruneOldVersions(this.root, [version, previous && basename(previous)]);
    return join(this.root, version);
  }

  async abandon(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function writeDurably(file: string, data: Buffer | string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Keeps the new version and the one CURRENT named before it (a server may still be reading it). Runs
 * under the build lock (build/lock.ts), so any other build directory is provably abandoned. Other
 * `v-*` directories go only when their manifest says they are ours; anything else is left alone.
 */
async function pruneOldVersions(root: string, keep: (string | null)[]): Promise<void> {
  const entries = await readdir(root);
  const ours = async (entry: string) => {
    if (!entry.startsWith('v-') || keep.includes(entry)) return false;
    return readManifest(join(root, entry)).then((m) => `v-${m.buildId}` === entry, () => false);
  };
  const stale = [...(await Promise.all(entries.map(async (e) => ((await ours(e)) ? [e] : [])))).flat(), ...entries.filter((e) => e.startsWith('.build-') || e.startsWith('.CURRENT-'))];
  await Promise.all(stale.map((e) => rm(join(root, e), { recursive: true, force: true })));
}

/** The directory CURRENT points at, or null when no index was ever committed. */
export async function currentVersionDir(root: string): Promise<string | null> {
  let pointer: string;
  try {
    pointer = (await readFile(join(root, 'CURRENT'), 'utf8')).trim();
  } catch {
    return null;
  }
  if (!/^v-[\w-]+$/.test(pointer)) throw new IndexLoadError(`CURRENT holds an invalid version name "${pointer.slice(0, 40)}"`, join(root, 'CURRENT'));
  return join(root, pointer);
}

export async function readManifest(dir: string): Promise<IndexManifest> {
  const file = join(dir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new IndexLoadError('index manifest is missing', file);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new IndexLoadError('index manifest is not valid JSON (truncated or corrupted?)', file);
  }
  const parsed = IndexManifestSchema.safeParse(json);
  if (!parsed.success) throw new IndexLoadError('index manifest does not match the expected layout', file);
  if (parsed.data.schemaVersion !== SCHEMA_VERSION) {
    throw new IndexLoadError(`index schema version ${parsed.data.schemaVersion} is not the supported ${SCHEMA_VERSION}`, file);
  }
  return parsed.data;
}

/**
 * Checks the size and checksum of every artefact the manifest lists, streaming them so that multi-GB
 * vector files verify too, and returns the contents of those named in `read` (the small ones a loader
 * parses; hnswlib reads its own file).
 */
export async function readVerified(dir: string, manifest: IndexManifest, read: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = join(dir, name);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new IndexLoadError(code === 'ENOENT' ? 'index artefact is missing' : `index artefact cannot be read (${code})`, file);
    }
    if (size !== expected.bytes) throw new IndexLoadError(`index artefact is ${size} bytes, expected ${expected.bytes} (truncated?)`, file);
    const keep = read.includes(name);
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      if (keep) chunks.push(chunk as Buffer);
    }
    if (hash.digest('hex') !== expected.sha256) throw new IndexLoadError('index artefact checksum mismatch (corrupted?)', file);
    if (keep) out.set(name, Buffer.concat(chunks));
  }
  return out;
}
