// A file written and fsynced before it counts: a crash never leaves a reader a half-written artefact
// or lock. Node only.
import { open } from 'node:fs/promises';

/** Writes and fsyncs `data`; flag 'wx' fails with EEXIST when the file exists (an exclusive create). */
export async function writeDurably(file: string, data: Uint8Array | string, flag: 'w' | 'wx' = 'w'): Promise<void> {
  const handle = await open(file, flag);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
