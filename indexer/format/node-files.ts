// The index format on a Node file system: the CURRENT pointer, the manifest file, and artefacts as a
// byte source for the verifying reader (streamed, so multi-GB vector files verify without being held).
// Node only.
//
//   index/CURRENT            → "v-<buildId>"  (replaced by rename, never edited in place)
//   index/v-<buildId>/       manifest.json + artefacts
//   index/.build-<buildId>/  a build in progress; removed or ignored if the process dies
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST } from './artefacts.ts';
import { IndexLoadError, NoIndexError, parseManifest, type IndexManifest } from './manifest.ts';
import type { ByteSource } from './reader.ts';

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
  const file = join(dir, MANIFEST);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new IndexLoadError('index manifest is missing', file);
  }
  return parseManifest(raw, file);
}

/** Accepts an index root (with CURRENT) or one version directory (with manifest.json). */
export async function resolveIndexDir(dir: string): Promise<string> {
  const current = await currentVersionDir(dir);
  if (current) return current;
  try {
    await readManifest(dir);
    return dir;
  } catch {
    throw new NoIndexError(dir);
  }
}

/** The artefacts of one version directory as a byte source. */
export function fileSource(dir: string): ByteSource {
  return {
    where: (name) => join(dir, name),
    fix: 'npm run index -- --force',
    async load(name, keep) {
      const file = join(dir, name);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new IndexLoadError(code === 'ENOENT' ? 'index artefact is missing' : `index artefact cannot be read (${code})`, file);
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      for await (const chunk of createReadStream(file)) {
        hash.update(chunk as Buffer);
        if (keep) chunks.push(chunk as Buffer);
      }
      return { bytes: size, sha256: hash.digest('hex'), data: keep ? Buffer.concat(chunks) : null };
    },
  };
}
