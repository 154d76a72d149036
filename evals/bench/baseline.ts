// "Today's" product for before/after figures in one run: a detached git worktree of a baseline commit
// (default: the last commit before the start-up and reliability work), sharing this clone's node_modules,
// with its own lexical index built by its own indexer.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
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
  if (!existsSync(dir)) {
    execFileSync('git', ['worktree', 'add', '--detach', dir, full], { stdio: 'ignore' });
    await symlink(resolve('node_modules'), join(dir, 'node_modules'));
  }
  const indexDir = join(dir, 'index-bench');
  if (!existsSync(join(indexDir, 'CURRENT'))) {
    const built = await runMeasured(process.execPath, ['--import', 'tsx', join(dir, 'indexer/cli.ts'), '--corpus', join(dir, 'corpus'), '--out', indexDir, '--model', 'none'], { timeoutMs: 300_000 });
    if (built.code !== 0) throw new Error(`baseline index not built:\n${built.stderr}`);
  }
  return { rev: full.slice(0, 7), dir, indexDir };
}
