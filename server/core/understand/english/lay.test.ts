import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../../../indexer/format/glossary.ts';
import { layWordsFor } from './lay.ts';

// Senses as the build stores them: stemmed variants joined by `;`, senses in CC-CEDICT's order.
const glossary: Glossary = {
  version: 1,
  units: 1,
  terms: {},
  glosses: {},
  chars: {},
  lay: { 信号: ['signal'], 骑手: ['hors rider;equestrian'], 网站: ['websit'], 网速: ['internet speed;network speed'] },
};

describe('layWordsFor (English words through the askers\u2019 Chinese words)', () => {
  it('finds the lay word whose first sense is the English word', () => {
    expect(layWordsFor(['signal', 'websites'], glossary, 0.7)).toEqual([
      { word: '信号', english: 'signal', score: 1 },
      { word: '网站', english: 'websites', score: 1 },
    ]);
  });

  it('weighs a sense by its other words: "horse rider" only half-glosses "rider"', () => {
    expect(layWordsFor(['rider'], glossary, 0.7)).toEqual([]);
    expect(layWordsFor(['rider'], glossary, 0.4)).toEqual([{ word: '骑手', english: 'rider', score: 0.5 }]);
  });

  it('finds nothing for a word no lay word glosses, or in an index without a lay section', () => {
    expect(layWordsFor(['museum'], glossary, 0.1)).toEqual([]);
    const { lay: _, ...older } = glossary;
    expect(layWordsFor(['signal'], older, 0.1)).toEqual([]);
  });
});
