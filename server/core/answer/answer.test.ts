// Selecting, looking up, citing and composing on a tiny real index (real parser and jieba).
import { describe, expect, it } from 'vitest';
import { CITY, PROVINCE, tinyIndex } from '../../node/tiny-index.ts';
import { DEFAULT_TUNING } from '../tuning.ts';
import { citationOf } from './citation.ts';
import { composeAnswer, notFoundAnswer } from './compose.ts';
import { dutyIndex } from './duty-index.ts';
import { lookup, presentRange } from './lookup.ts';
import { select } from './select.ts';

const tiny = tinyIndex();
const { view } = tiny;
const article = (key: string, score: number, paragraph?: string) => ({
  key: `${CITY}/${key}`,
  regulationId: CITY,
  unit: tiny.unit(`${CITY}/${key}`),
  paragraphUnit: paragraph ? tiny.unit(`${CITY}/${key}/${paragraph}`) : null,
  score,
});
const words = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 }));

describe('select', () => {
  it('keeps further articles only while they score and cover nearly as well as the best', () => {
    const hits = [article('3', 1), article('2', 0.9), article('6', 0.5)];
    const { chosen, topCoverage } = select(view, hits, words('公共数据'), DEFAULT_TUNING);
    expect(topCoverage).toBe(1);
    expect(chosen.map((h) => h.key)).toEqual([`${CITY}/3`, `${CITY}/2`]);
  });

  it('drops a close scorer that does not cover the question', () => {
    const { chosen } = select(view, [article('3', 1), article('4', 0.99)], words('公共数据'), DEFAULT_TUNING);
    expect(chosen.map((h) => h.key)).toEqual([`${CITY}/3`]);
  });

  it('cites at most maxCitations, and nothing without hits', () => {
    const hits = [article('1', 1), article('2', 1), article('3', 1), article('7', 1)];
    expect(select(view, hits, words('条例'), DEFAULT_TUNING).chosen).toHaveLength(DEFAULT_TUNING.maxCitations);
    expect(select(view, [], words('条例'), DEFAULT_TUNING)).toEqual({ chosen: [], cited: [], topCoverage: 0 });
  });

  it('cites a further paragraph of a cited article when it answers a part of the question the first lacks, in the statute’s order', () => {
    const cited = (ws: ReturnType<typeof words>, first = '2') => select(view, [article('3', 1, first)], ws, DEFAULT_TUNING).cited.map((c) => c.unit);
    const [p1, p2] = [tiny.unit(`${CITY}/3/1`), tiny.unit(`${CITY}/3/2`)];
    // 统筹 lives in the first paragraph, 目录 in the second: a question asking both gets both.
    expect(cited(words('统筹', '目录'))).toEqual([p1, p2]);
    expect(cited(words('统筹', '目录'), '1')).toEqual([p1, p2]);
    // Nothing the second paragraph adds: the matching paragraph alone.
    expect(cited(words('统筹', '全市'), '1')).toEqual([p1]);
    // Too small a part of the question (below paragraphGain of its weight) does not earn a citation.
    expect(cited([{ term: '统筹', weight: 1 }, { term: '全市', weight: 1 }, { term: '目录', weight: 0.05 }], '1')).toEqual([p1]);
  });

  it('gives further paragraphs only the room the chosen articles leave', () => {
    const hits = [article('3', 1, '1'), article('2', 1), article('6', 1)];
    const { chosen, cited } = select(view, hits, words('统筹', '目录', '数据'), { ...DEFAULT_TUNING, relativeScore: 0, coverageBand: 0, foundThreshold: 0 });
    expect(chosen).toHaveLength(DEFAULT_TUNING.maxCitations);
    expect(cited.map((c) => c.hit.key)).toEqual(chosen.map((h) => h.key));
  });

  it('answers a definition with the defining clause, even when a user of the term ranks higher', () => {
    const { chosen } = select(view, [article('3', 1), article('2', 0.3)], words('公共数据'), DEFAULT_TUNING, 'definition');
    expect(chosen.map((h) => h.key)).toEqual([`${CITY}/2`]);
  });
});

describe('lookup by reference', () => {
  it('cites the named article, or the named paragraph of a split article', () => {
    const whole = lookup(view, '市条例第六条', [{ article: 6, sub: 0, paragraph: null }], [CITY], 'zh');
    expect(whole).toMatchObject({ found: true, citations: [{ regulationId: CITY, label: '第六条' }] });
    const para = lookup(view, '市条例第三条第二款', [{ article: 3, sub: 0, paragraph: 2 }], [CITY], 'zh');
    expect(para.citations.map((c) => c.label)).toEqual(['第三条第二款']);
  });

  it('a missing article is said plainly, with the articles present, and cites nothing', () => {
    const r = lookup(view, '市条例第五条', [{ article: 5, sub: 0, paragraph: null }], [CITY], 'zh');
    expect(r).toMatchObject({ found: false, citations: [] });
    expect(r.answer).toContain('没有第五条');
    expect(r.answer).toContain('第一条至第四条、第六条至第八条');
  });

  it('without a scope, looks in every regulation that has the article', () => {
    const r = lookup(view, '第三条', [{ article: 3, sub: 0, paragraph: null }], [], 'zh');
    expect(r.citations.map((c) => c.regulationId)).toEqual([CITY, PROVINCE]);
  });

  it('names the runs of article numbers a text has', () => {
    expect(presentRange(view.regulation(PROVINCE)!)).toBe('第一条至第三条');
  });
});

describe('citations and answers', () => {
  const cite = (id: string) => citationOf(view, tiny.unit(id), 0.12345);

  it('a citation carries the unit\'s place, text and a rounded score', () => {
    expect(cite(`${CITY}/3/2`)).toMatchObject({ regulationTitle: '某市数据条例', article: 3, sub: 0, paragraph: 2, label: '第三条第二款', score: 0.123 });
  });

  it('a who-answer names the actor and the action, and marks a draft', () => {
    const answer = composeAnswer({
      kind: 'who', question: '谁应当建立数据安全管理制度？', lang: 'zh', focus: ['数据安全'], actor: null,
      clauses: [{ citation: cite(`${PROVINCE}/2`), status: 'draft' }],
    });
    expect(answer.split('\n')[0]).toBe('数据处理者应当建立数据安全管理制度[1]。');
    expect(answer).toContain('[1] 《某省数据安全条例（草案）》第二条\n');
    expect(answer).toMatch(/征求意见稿（草案），尚未施行/);
    // A draft whose title does not say so is marked in the list of sources.
    const untitled = composeAnswer({
      kind: 'lookup',
      question: '第三条第二款',
      lang: 'zh',
      focus: [],
      actor: null,
      clauses: [{ citation: cite(`${CITY}/3/2`), status: 'draft' }],
    });
    expect(untitled).toContain('[1] 《某市数据条例》第三条第二款（草案）');
  });

  it('in English, labels articles as Article N(M) with the Chinese label beside it', () => {
    const answer = composeAnswer({ kind: 'lookup', question: 'Article 3(2)', lang: 'en', focus: [], actor: null, clauses: [{ citation: cite(`${CITY}/3/2`), status: 'in-force' }] });
    expect(answer).toContain('[1] 《某市数据条例》 Article 3(2) (第三条第二款)');
    // The clause text is the source's, shown once by the client, not repeated in the answer.
    expect(answer).not.toContain('市人民政府数据主管部门应当建立公共数据目录');
    expect(answer).not.toContain('draft');
  });

  it('a duty answer leads with what the actor is responsible for', () => {
    const answer = composeAnswer({
      kind: 'duty', question: '数据主管部门有哪些职责？', lang: 'zh', focus: [], actor: '数据主管部门',
      clauses: [{ citation: cite(`${CITY}/3/2`), status: 'in-force' }, { citation: cite(`${CITY}/3/1`), status: 'in-force' }],
    });
    expect(answer.split('\n')[0]).toMatch(/^数据主管部门的职责包括：负责统筹全市公共数据管理工作\[2\]；应当建立公共数据目录\[1\]/);
  });

  it('not found names the regulations searched and cites nothing', () => {
    expect(notFoundAnswer('zh', ['某市数据条例'])).toBe('现有条例（《某市数据条例》）没有涉及这个问题，无法给出有依据的回答。');
  });
});

describe('duty index', () => {
  const duties = dutyIndex(view);
  it('lists each clause\'s duties once: paragraphs, not the split article they belong to', () => {
    const labels = duties.all().filter((d) => d.regulationId === CITY && d.article === 3).map((d) => d.label);
    expect(labels).toEqual(['第三条第一款', '第三条第二款']);
  });

  it('finds an actor at every level and groups by regulation', () => {
    const list = duties.of(' 数据主管部门 ');
    expect(list.actor).toBe('数据主管部门');
    expect(list.matchedActors).toEqual(['市人民政府数据主管部门']);
    expect(list.groups.map((g) => g.regulationId)).toEqual([CITY]);
    expect(duties.of('网信部门', CITY).groups).toEqual([]);
  });
});
