import { describe, expect, it } from 'vitest';
import { envWithFlags } from './env.ts';
import { indexConfigFromEnv } from './index-config.ts';

describe('flags over the environment', () => {
  it('a flag given wins over its variable; flags not given leave the environment as it is', () => {
    const env = envWithFlags({ index: 'idx', offline: true, model: undefined }, { INDEX_DIR: 'old', REGQA_MODEL: 'none', OTHER: 'x' });
    expect(env).toEqual({ INDEX_DIR: 'idx', REGQA_OFFLINE: '1', REGQA_MODEL: 'none', OTHER: 'x' });
  });

  it('means the same setting in every command: --out and --index name the index directory', () => {
    expect(indexConfigFromEnv(envWithFlags({ out: 'a' }, {})).outDir).toBe(indexConfigFromEnv(envWithFlags({ index: 'a' }, {})).outDir);
    expect(indexConfigFromEnv(envWithFlags({ corpus: 'c', model: 'none' }, {}))).toMatchObject({ corpusDir: 'c', model: null });
  });

  it('an empty or false flag is not given', () => {
    expect(envWithFlags({ corpus: '', offline: false }, { CORPUS_DIR: 'kept' })).toEqual({ CORPUS_DIR: 'kept' });
  });
});
