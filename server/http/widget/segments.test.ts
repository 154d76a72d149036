// The widget's pure text helpers.
import { describe, expect, it } from 'vitest';
import { parseSse } from './sse.ts';
import { answerParts, citationLabel, displayAnswer, glossParts } from './segments.ts';

describe('widget text helpers', () => {
  it('labels citations in English as Article 14(3) and 133-1, keeping section labels', () => {
    expect(citationLabel({ article: 14, paragraph: 3, label: '第十四条第三款' }, 'en')).toBe('Article 14(3)');
    expect(citationLabel({ article: 133, paragraph: null, label: '第一百三十三条之一' }, 'en')).toBe('Article 133-1');
    expect(citationLabel({ article: null, paragraph: null, label: '公告' }, 'en')).toBe('公告');
    expect(citationLabel({ article: 14, paragraph: 3, label: '第十四条第三款' }, 'zh')).toBe('第十四条第三款');
  });

  it('splits an answer at its markers, leaving markers with no citation as text', () => {
    expect(answerParts('应当明确数据专员[1][2]。见[3]', 2)).toEqual([{ text: '应当明确数据专员' }, { marker: 1 }, { marker: 2 }, { text: '。见[3]' }]);
  });

  it('drops the list of source labels, keeping the draft note', () => {
    const answer = '甲[1]。\n\n依据：\n[1] 《乙》第十四条（草案）\n\n注意：《乙》是征求意见稿（草案），尚未施行。';
    expect(displayAnswer(answer)).toBe('甲[1]。\n\n注意：《乙》是征求意见稿（草案），尚未施行。');
    expect(displayAnswer('没有依据的回答。')).toBe('没有依据的回答。');
  });

  it('marks the longest matched term first, without overlaps', () => {
    const terms = [{ term: '数据', gloss: 'data' }, { term: '数据专员', gloss: 'data + commissioner' }];
    expect(glossParts('明确数据专员和数据', terms)).toEqual([
      { text: '明确' },
      { term: '数据专员', gloss: 'data + commissioner' },
      { text: '和' },
      { term: '数据', gloss: 'data' },
    ]);
  });

  it('parses server-sent events across chunk boundaries', () => {
    const first = parseSse('event: answer\ndata: {"text":"甲"}\n\nevent: cit');
    expect(first.events).toEqual([{ event: 'answer', data: '{"text":"甲"}' }]);
    expect(parseSse(`${first.rest}ations\r\ndata: {}\r\n\r\n`).events).toEqual([{ event: 'citations', data: '{}' }]);
  });
});
