import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../build/corpus.ts';
import { userDictionary } from '../build/dictionary.ts';
import { unitsOf } from '../statute/units.ts';
import { searchableText } from '../format/lexical.ts';
import { jiebaCoined, jiebaSegmenter, jiebaTag } from '../build/segment.ts';
import { bigramTokens, preferWords, splitCoined, wordTokens } from './tokens.ts';

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

  it('splits a word the HMM coined around a corpus word into the corpus\'s words, and keeps dictionary words whole', () => {
    const vocabulary = new Set(unitsOf(regulations).flatMap((u) => wordTokens(segment, searchableText(u))));
    const known = (w: string) => vocabulary.has(w);
    // jieba joins 做 to 算力, a word its dictionary lacks; the corpus has 算力 and not 做算力.
    expect(wordTokens(segment, '做算力服务的公司')).toContain('做算力');
    expect(known('算力') && !known('做算力')).toBe(true);
    expect(splitCoined(wordTokens(segment, '做算力服务的公司'), known, jiebaCoined)).toEqual(['算力', '服务', '公司']);
    expect(splitCoined(wordTokens(segment, '机房能不能买绿电来用'), known, jiebaCoined)).toContain('绿电');
    // 增值税 is jieba's own word: the asker's word, absent from the corpus, stays whole (not 增值).
    expect(known('增值税') || jiebaCoined('增值税')).toBe(false);
    expect(splitCoined(['增值税'], known, jiebaCoined)).toEqual(['增值税']);
    // The longest corpus word wins at each place, and a coinage with none inside stays as it is.
    const corpus = new Set(['数据', '数据中心', '中心']);
    expect(splitCoined(['建数据中心吧', '某某某'], (w) => corpus.has(w), () => true)).toEqual(['数据中心', '某某某']);
    // A function word inside a coinage is not a topic there either (规定 is a stopword).
    expect(splitCoined(['看规定吧'], (w) => w === '规定', () => true)).toEqual([]);
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
