// Writes an index version: artefacts into a private build directory with their checksums, then
// `commit` renames it into place and swaps CURRENT atomically, so a crash at any point leaves the
// previous index serving. Node only.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { writeDurably } from './durable.ts';
import { basename, join } from 'node:path';
import { MANIFEST, SCHEMA_VERSION } from '../format/artefacts.ts';
import type { IndexManifest } from '../format/manifest.ts';
import { currentVersionDir, readManifest } from '../format/node-files.ts';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

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

  async write(name: string, data: Uint8Array | string): Promise<void> {
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
    await writeDurably(join(this.dir, MANIFEST), JSON.stringify(full, null, 2));
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
 * under the build lock (lock.ts), so any other build directory is provably abandoned. Other `v-*`
 * directories go only when their manifest says they are ours; anything else is left alone.
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
