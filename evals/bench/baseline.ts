// "Today's" product for before/after figures in one run: a detached git worktree of a baseline commit
// (default: the last commit before the start-up and reliability work), with its own lexical index built
// by its own indexer. Its node_modules links to this clone's packages except nodejs-jieba, which is the
// pristine package as published: this build patches it at install (indexer/build/patches), and a
// baseline sharing the patched addon would be measured with this build's memory and load time.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runMeasured } from './proc.ts';

export const DEFAULT_BASELINE = '7adbe7f';

export interface Baseline {
  rev: string;
  dir: string;
  indexDir: string;
}

export async function baselineCheckout(rev: string): Promise<Baseline> {
  const full = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `regqa-baseline-${full.slice(0, 12)}`);
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, full], { stdio: 'ignore' });
  await pristineModules(join(dir, 'node_modules'));
  const indexDir = join(dir, 'index-bench');
  if (!existsSync(join(indexDir, 'CURRENT'))) {
    const built = await runMeasured(process.execPath, ['--import', 'tsx', join(dir, 'indexer/cli.ts'), '--corpus', join(dir, 'corpus'), '--out', indexDir, '--model', 'none'], { timeoutMs: 300_000 });
    if (built.code !== 0) throw new Error(`baseline index not built:\n${built.stderr}`);
  }
  return { rev: full.slice(0, 7), dir, indexDir };
}

const PATCHED = 'nodejs-jieba';

/** This clone's packages, each linked, but nodejs-jieba unpacked from npm's tarball and built from source. */
async function pristineModules(modules: string): Promise<void> {
  const version = (JSON.parse(await readFile(resolve('node_modules', PATCHED, 'package.json'), 'utf8')) as { version: string }).version;
  const done = join(modules, `.pristine-${PATCHED}-${version}`);
  if (existsSync(done)) return;
  // A checkout from before this layout has node_modules as one link to this clone's (patched) packages.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) await rm(modules);
  await mkdir(modules, { recursive: true });
  for (const entry of await readdir(resolve('node_modules'))) {
    if (entry === PATCHED || existsSync(join(modules, entry))) continue;
    await symlink(resolve('node_modules', entry), join(modules, entry));
  }
  await rm(join(modules, PATCHED), { recursive: true, force: true });
  const tarball = execFileSync('npm', ['pack', `${PATCHED}@${version}`, '--silent', '--pack-destination', modules], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  execFileSync('tar', ['-xzf', join(modules, tarball), '-C', modules]);
  await rm(join(modules, tarball));
  await rename(join(modules, 'package'), join(modules, PATCHED));
  execFileSync(resolve('node_modules/.bin/node-pre-gyp'), ['rebuild', '--directory', join(modules, PATCHED)], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  await writeFile(done, `${PATCHED}@${version} from the npm tarball, built from source\n`);
}
