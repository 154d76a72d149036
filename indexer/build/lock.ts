// One build at a time per index root: a lock file naming the holder (pid, host), taken with O_EXCL and
// recovered when its holder is provably gone (same host, pid not running). A pid lock rather than
// proper-lockfile: that library decides staleness by an mtime heartbeat, which a build stops refreshing
// while it blocks the event loop (jieba's dictionary load, a minutes-long HNSW build), so a second build
// could take the lock from a live one. A pid is exact on one machine, however long the holder blocks.
//
//   index/.lock        {"pid", "host", "since"}: held while a build writes into the root
//   index/.lock.break  taken for the moment of removing a stale .lock, so two waiters cannot both
//                      "recover" it and one delete the other's fresh lock
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeDurably } from './durable.ts';

export interface IndexLock {
  release(): Promise<void>;
}

export class IndexRootNotWritable extends Error {
  constructor(
    readonly root: string,
    readonly code: string,
  ) {
    super(`cannot build into ${root}: it is not writable (${code})`);
    this.name = 'IndexRootNotWritable';
  }
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export interface LockOptions {
  /** Give up after waiting this long for another build (default 10 minutes). */
  waitMs?: number;
  pollMs?: number;
  /** Told once when the lock is held by another live build. */
  onWait?: (holder: Holder) => void;
}

const LOCK = '.lock';
const BREAK = '.lock.break';
/** Writing a lock file takes microseconds; one left empty this long was abandoned. */
const UNWRITTEN_MS = 2_000;

export async function acquireIndexLock(root: string, options: LockOptions = {}): Promise<IndexLock> {
  const { waitMs = 600_000, pollMs = 100, onWait } = options;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const mine = JSON.stringify(me);
  const deadline = Date.now() + waitMs;
  await mkdir(root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw writeError(root, error);
  });
  let told = false;
  for (;;) {
    if (await tryCreate(join(root, LOCK), mine, root)) {
      return { release: () => releaseIfMine(join(root, LOCK), mine) };
    }
    const holder = await readHolder(join(root, LOCK));
    if (holder ? !isAlive(holder) : await unfinished(join(root, LOCK))) await breakStale(root, holder);
    else if (holder) {
      if (!told) onWait?.(holder);
      told = true;
      if (Date.now() > deadline) throw new Error(`another build (pid ${holder.pid} on ${holder.host}, since ${holder.since}) still holds ${join(root, LOCK)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function tryCreate(file: string, content: string, root: string): Promise<boolean> {
  try {
    await writeDurably(file, content, 'wx');
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw writeError(root, error as NodeJS.ErrnoException);
  }
}

function writeError(root: string, error: NodeJS.ErrnoException): Error {
  return error.code === 'EACCES' || error.code === 'EROFS' || error.code === 'EPERM' ? new IndexRootNotWritable(root, error.code) : error;
}

/** The holder named in a lock file; null when it vanished or is still being written (try again). */
async function readHolder(file: string): Promise<Holder | null> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : null;
  } catch {
    return null;
  }
}

/** A lock file still without a holder after a while: its writer died between creating and writing it. */
async function unfinished(file: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > UNWRITTEN_MS;
  } catch {
    return false;
  }
}

/** Alive unless provably gone: on another host we cannot tell, so it counts as alive. */
export function isAlive(holder: Pick<Holder, 'pid' | 'host'>): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function breakStale(root: string, stale: Holder | null): Promise<void> {
  const guard = join(root, BREAK);
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  if (!(await tryCreate(guard, me, root))) {
    // A breaker that died mid-break leaves its guard behind; that guard is itself provably stale.
    const breaker = await readHolder(guard);
    if (breaker && !isAlive(breaker)) await releaseIfMine(guard, JSON.stringify(breaker));
    return;
  }
  try {
    const current = await readHolder(join(root, LOCK));
    const same = stale ? current?.pid === stale.pid && current.since === stale.since : current === null && (await unfinished(join(root, LOCK)));
    if (same) await unlink(join(root, LOCK)).catch(() => {});
  } finally {
    await releaseIfMine(guard, me);
  }
}

async function releaseIfMine(file: string, content: string): Promise<void> {
  try {
    if ((await readFile(file, 'utf8')) === content) await unlink(file);
  } catch {
    // Already gone.
  }
}
