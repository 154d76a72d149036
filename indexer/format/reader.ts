// The one verifying reader of the index format, over any byte source: files on Node (node-files.ts),
// the ASSETS binding or a test's directory at the edge. Every artefact the manifest lists is checked
// for size and sha256 before anything is parsed. Edge-safe.
import { IndexLoadError, type FileEntry } from './manifest.ts';

/** An artefact as a source delivers it: its size and sha256, and its bytes when they were asked for. */
export interface SourcedArtefact {
  bytes: number;
  sha256: string;
  data: Uint8Array | null;
}

export interface ByteSource {
  /** Where an artefact is, for messages (a path, a bundle file). */
  where(name: string): string;
  /** How to rebuild what this source reads, for messages. */
  readonly fix: string;
  /** Reads one artefact; `keep`: return its bytes too. Throws IndexLoadError when it is missing. */
  load(name: string, keep: boolean): Promise<SourcedArtefact>;
}

/**
 * Checks every listed artefact and returns the contents of those named in `keep` (the ones a loader
 * parses; hnswlib reads its own file).
 */
export async function readVerified(source: ByteSource, files: Record<string, FileEntry>, keep: readonly string[]): Promise<Map<string, Uint8Array>> {
  const entries = await Promise.all(
    Object.entries(files).map(async ([name, expected]) => {
      const got = await source.load(name, keep.includes(name));
      const where = source.where(name);
      if (got.bytes !== expected.bytes) throw new IndexLoadError(`index artefact is ${got.bytes} bytes, expected ${expected.bytes} (truncated?)`, where, source.fix);
      if (got.sha256 !== expected.sha256) throw new IndexLoadError('index artefact checksum mismatch (corrupted?)', where, source.fix);
      return [name, got.data] as const;
    }),
  );
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of entries) if (data) out.set(name, data);
  return out;
}

/** The bytes of an artefact the reader returned, or an error naming it when the manifest lacks it. */
export function artefactBytes(files: ReadonlyMap<string, Uint8Array>, name: string, source: ByteSource): Uint8Array {
  const data = files.get(name);
  if (!data) throw new IndexLoadError('index artefact is not listed in the manifest', source.where(name), source.fix);
  return data;
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
