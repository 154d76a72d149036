// nodejs-jieba runs with a patch (patches/, applied at install): a compact trie and a text-rank
// extractor built only on first use. Segmentation must stay exactly upstream's, or index and queries
// would silently disagree with any other jieba.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as jieba from 'nodejs-jieba';
import { describe, expect, it } from 'vitest';
import { jiebaSegmenter } from './segment.ts';

const CORPUS = new URL('../../corpus/', import.meta.url);
const statuteLines = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(new URL(f, CORPUS), 'utf8').split('\n'));

/**
 * Search segmentation of the seed statutes, then tags and segmentation again after inserting words at
 * run time. The digest was computed by this same procedure with unpatched nodejs-jieba 0.3.0 (npm pack,
 * node-pre-gyp rebuild): rerun it there if the statutes or the procedure change.
 */
const UPSTREAM_DIGEST = '246825d05a8c0522bce7136be1f7424fddfce39c4c5bc6919c0d286017674f73';

describe('patched nodejs-jieba', () => {
  it('segments and tags the seed statutes exactly as upstream 0.3.0 does', () => {
    jiebaSegmenter();
    const hash = createHash('sha256');
    for (const line of statuteLines) hash.update(jieba.cutForSearch(line, true).join(' ') + '\n');
    for (const word of ['大模型', '数据专员', '算力']) jieba.insertWord(word);
    for (const line of statuteLines) hash.update(JSON.stringify(jieba.tag(line)) + jieba.cutForSearch(line, true).join(' ') + '\n');
    expect(statuteLines.length).toBeGreaterThan(500);
    expect(hash.digest('hex')).toBe(UPSTREAM_DIGEST);
  });

  it('finds words inserted after load, whether their first character is new or between siblings', () => {
    jiebaSegmenter();
    expect(jieba.cut('他说龘靐齉爩来了', false)).not.toContain('龘靐齉爩');
    jieba.insertWord('龘靐齉爩');
    // 数据 has many children in the trie already; this one lands among them.
    jieba.insertWord('数据咕咕鸟');
    expect(jieba.cut('他说龘靐齉爩来了', false)).toContain('龘靐齉爩');
    expect(jieba.cut('我们的数据咕咕鸟飞了', false)).toContain('数据咕咕鸟');
    expect(jieba.cut('数据专员负责数据管理', false)).toContain('数据管理');
  });

  it('still extracts keywords by text rank, building that extractor on first use', () => {
    jiebaSegmenter();
    const words = jieba.textRankExtract('政府部门应当明确数据专员，数据专员负责本部门的数据管理和数据安全。', 3).map((w) => w.word);
    expect(words).toContain('数据');
  });
});
