import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../build/corpus.ts';
import { userDictionary } from '../build/dictionary.ts';
import { jiebaSegmenter, jiebaTag } from '../build/segment.ts';
import { bigramTokens, preferWords, wordTokens } from './tokens.ts';

const { regulations } = await loadCorpus('corpus');
const dictionary = userDictionary(regulations, jiebaTag);
const segment = jiebaSegmenter(dictionary);

describe('segmentation with the real jieba and the corpus dictionary', () => {
  it('derives legal terms from the corpus itself', () => {
    for (const term of ['数据专员', '首席数据官', '数据主管部门', '公共数据', '大模型', '新业态']) expect(dictionary).toContain(term);
    // Fragments that only ever occur inside a longer compound are not terms.
    expect(dictionary).not.toContain('优数字');
  });

  it('keeps compounds whole and also yields their parts (search mode)', () => {
    const words = wordTokens(segment, '县级以上人民政府有关部门应当明确数据专员');
    expect(words).toContain('数据专员');
    expect(words).toContain('数据');
    expect(words).toContain('人民政府');
  });

  it('lets a corpus term win the split a verb before it would force (做大模型)', () => {
    expect(segment('我想做大模型')).toEqual(['我', '想', '做', '大模型', '大', '模型']);
    expect(wordTokens(segment, '我想做大模型，政府支持吗？')).toContain('大模型');
    // The wrapper alone, over a character segmenter: the term, then its parts, the rest around it.
    expect(preferWords((t) => [...t], ['大模型', '模型'])('做大模型好')).toEqual(['做', '大模型', '大', '模', '型', '好']);
    const chars = (t: string) => [...t];
    expect(preferWords(chars, [])).toBe(chars);
  });

  it('drops question words, particles and punctuation', () => {
    const words = wordTokens(segment, '谁应当明确数据专员呢？什么是公共数据吗？什么叫分别、各自');
    for (const w of ['谁', '呢', '？', '什么', '吗', '叫', '分别', '各自']) expect(words).not.toContain(w);
    expect(words).toContain('公共数据');
  });

  it('makes overlapping bigrams of CJK runs only', () => {
    expect(bigramTokens('数据专员, AI 首席')).toEqual(['数据', '据专', '专员', '首席']);
  });
});
