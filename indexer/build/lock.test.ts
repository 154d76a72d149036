// Builds into one index root, concurrently and after crashes (issue 14.2): real builds in child
// processes, real files.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexConfigFromEnv, type IndexConfig } from '../config/index-config.ts';
import { currentVersionDir, fileSource, readManifest } from '../format/node-files.ts';
import { ARTEFACTS } from '../format/artefacts.ts';
import { readVerified } from '../format/reader.ts';
import { buildIndex } from './build.ts';
import { acquireIndexLock } from './lock.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-lock-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The current version, checked whole (every artefact's size and checksum). */
async function loadIndexData(root: string) {
  const dir = await currentVersionDir(root);
  if (!dir) throw new Error(`no CURRENT in ${root}`);
  const manifest = await readManifest(dir);
  await readVerified(fileSource(dir), manifest.files, []);
  return { manifest };
}

const config = (outDir: string): IndexConfig => ({ ...indexConfigFromEnv({}), corpusDir: 'corpus', outDir, model: null });

function indexInChild(out: string, delayMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    setTimeout(() => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', '--out', out, '--model', 'none', '--force'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    }, delayMs);
  });
}

describe('concurrent builds into one index root', () => {
  it('are serialised: every build succeeds and CURRENT names a whole version', async () => {
    for (const [round, delays] of [[0, 0], [0, 400, 800]].entries()) {
      const out = join(tmp, `concurrent-${round}`);
      const results = await Promise.all(delays.map((d) => indexInChild(out, d)));
      for (const r of results) expect(r.code, r.output).toBe(0);
      const { manifest } = await loadIndexData(out);
      expect(manifest.counts.regulations).toBe(2);
      const entries = await readdir(out);
      expect(entries.filter((e) => e.startsWith('.build-') || e.startsWith('.lock'))).toEqual([]);
      expect(entries.filter((e) => e.startsWith('v-')).length).toBeLessThanOrEqual(2);
    }
  }, 180_000);

  it("never removes the build directory of a build in progress: a second build waits for the first", async () => {
    const out = join(tmp, 'in-progress');
    await mkdir(out, { recursive: true });
    // Another build: it holds the lock and is writing into its own .build-* directory until told to finish.
    const script = `const { acquireIndexLock } = await import('./indexer/build/lock.ts');
      const { mkdir, writeFile } = await import('node:fs/promises');
      const lock = await acquireIndexLock(${JSON.stringify(out)});
      await mkdir(${JSON.stringify(join(out, '.build-other'))});
      await writeFile(${JSON.stringify(join(out, '.build-other', 'units.json'))}, '[]');
      console.log('holding');
      process.stdin.once('data', async () => { await lock.release(); process.exit(0); });`;
    const other = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => other.stdout.on('data', (d: Buffer) => d.toString().includes('holding') && resolve()));
    let done = false;
    const ours = buildIndex({ config: config(out) }).then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 4_000));
    expect(done).toBe(false);
    expect(await readdir(join(out, '.build-other'))).toEqual(['units.json']);
    other.stdin.write('finish\n');
    expect((await ours).status).toBe('built');
    expect((await loadIndexData(out)).manifest.counts.regulations).toBe(2);
  }, 60_000);

  it('takes over a lock whose holder died, and waits for one that is alive', async () => {
    const out = join(tmp, 'stale');
    await mkdir(out, { recursive: true });
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    await writeFile(join(out, '.lock'), JSON.stringify({ pid, host: hostname(), since: new Date(0).toISOString() }));
    expect((await buildIndex({ config: config(out) })).status).toBe('built');
    expect((await readdir(out)).filter((e) => e.startsWith('.lock'))).toEqual([]);
    // A holder killed between creating the lock file and writing it leaves it empty.
    await writeFile(join(out, '.lock'), '');
    await utimes(join(out, '.lock'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect((await buildIndex({ config: config(out), force: true })).status).toBe('built');

    const held = await acquireIndexLock(out);
    let second = false;
    const next = acquireIndexLock(out, { pollMs: 20 }).then((lock) => ((second = true), lock));
    await new Promise((r) => setTimeout(r, 200));
    expect(second).toBe(false);
    await held.release();
    await (await next).release();
    expect(second).toBe(true);
  }, 60_000);
});

describe('cleanup and "up to date"', () => {
  it('never deletes the previous version because of a junk v-* directory, and leaves the junk alone', async () => {
    const out = join(tmp, 'junk');
    const first = await buildIndex({ config: config(out) });
    if (first.status === 'failed') throw new Error('build failed');
    await mkdir(join(out, 'v-zzzz-not-an-index'));
    const second = await buildIndex({ config: config(out), force: true });
    if (second.status === 'failed') throw new Error('build failed');
    const entries = await readdir(out);
    expect(entries).toContain(first.dir.split('/').at(-1));
    expect(entries).toContain(second.dir.split('/').at(-1));
    expect(entries).toContain('v-zzzz-not-an-index');
    expect(await currentVersionDir(out)).toBe(second.dir);
  }, 60_000);

  it('rebuilds when an artefact of the current version is missing instead of calling it up to date', async () => {
    const out = join(tmp, 'damaged');
    const first = await buildIndex({ config: config(out) });
    if (first.status === 'failed') throw new Error('build failed');
    await unlink(join(first.dir, ARTEFACTS.lexical));
    const again = await buildIndex({ config: config(out) });
    expect(again.status).toBe('built');
    const { manifest } = await loadIndexData(out);
    expect(manifest.counts.articles).toBe(94);
  }, 60_000);

  it('writes nothing when the index is up to date, so a read-only root serves', async () => {
    const out = join(tmp, 'readonly');
    await buildIndex({ config: config(out) });
    const before = await snapshot(out);
    expect((await buildIndex({ config: config(out) })).status).toBe('up-to-date');
    expect(await snapshot(out)).toEqual(before);
  }, 60_000);
});

async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return Promise.all(entries.sort().map(async (e) => `${e} ${(await stat(join(dir, e))).mtimeMs}`));
}
