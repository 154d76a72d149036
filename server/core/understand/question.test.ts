import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeQuestion } from './normalize.ts';
import { parseQuestion } from './question.ts';
import { extractRefs } from './references.ts';
import { findRegulations, type RegulationName } from './regulations.ts';

const regs: RegulationName[] = [
  { id: 'guiyang-digital-economy-draft', title: '贵阳市数字经济促进条例（草案）', aliases: ['贵阳条例', '贵阳草案', '数字经济促进条例', 'Guiyang draft'], jurisdiction: '贵阳市' },
  { id: 'guizhou-big-data', title: '贵州省大数据发展应用促进条例', aliases: ['贵州条例', '贵州省大数据条例', 'Guizhou big data regulation'], jurisdiction: '贵州省' },
];

describe('explicit article references', () => {
  it.each([
    ['第十四条', 14, 0, null],
    ['第14条', 14, 0, null],
    ['十四条说了什么', 14, 0, null],
    ['第一百三十三条之一', 133, 1, null],
    ['第十四条第三款', 14, 0, 3],
    ['What does Article 14 say?', 14, 0, null],
    ['art. 9', 9, 0, null],
    ['Article 14(3)', 14, 0, 3],
  ])('%s', (text, article, sub, paragraph) => {
    expect(extractRefs(normalizeQuestion(text)).refs).toEqual([{ article, sub, paragraph }]);
  });

  it('does not read counts in prose as references', () => {
    expect(extractRefs('有一条规定说').refs).toEqual([]);
  });
});

describe('regulation mentions', () => {
  it.each([
    ['贵州条例第十四条', ['guizhou-big-data']],
    ['贵阳草案第三十六条', ['guiyang-digital-economy-draft']],
    ['《贵阳市数字经济促进条例(草案)》怎么规定的', ['guiyang-digital-economy-draft']],
    ['What does the Guizhou big data regulation say?', ['guizhou-big-data']],
    ['贵阳有没有关于数据交易所的规定', ['guiyang-digital-economy-draft']],
    ['谁应当明确数据专员？', []],
    ['这两部条例分别怎么规定数据安全？', ['guiyang-digital-economy-draft', 'guizhou-big-data']],
    ['How do the two regulations treat data security?', ['guiyang-digital-economy-draft', 'guizhou-big-data']],
  ])('%s', (text, ids) => {
    expect(findRegulations(normalizeQuestion(text), regs).ids.sort()).toEqual(ids);
  });

  it('tells a name from a place: 贵阳 alone may be just the city', () => {
    expect(parseQuestion('贵州条例怎么规定数据安全？', regs).namesRegulation).toBe(true);
    expect(parseQuestion('这两部条例分别怎么规定数据安全？', regs).namesRegulation).toBe(true);
    expect(parseQuestion('明天贵阳会下雨吗？', regs)).toMatchObject({ regulationIds: ['guiyang-digital-economy-draft'], namesRegulation: false });
  });

  it('reads a place or level with the kind of document as a name (贵阳这部草案, 省里的条例)', () => {
    for (const [text, id] of [
      ['贵阳这部草案是为了什么定的？', 'guiyang-digital-economy-draft'],
      ['贵州的条例怎么管数据安全？', 'guizhou-big-data'],
      ['贵州省那部条例什么时候施行？', 'guizhou-big-data'],
      ['省里的条例对数据专员怎么规定？', 'guizhou-big-data'],
      ['本市条例有罚款吗？', 'guiyang-digital-economy-draft'],
    ] as const) {
      const parsed = parseQuestion(text, regs);
      expect(parsed, text).toMatchObject({ regulationIds: [id], namesRegulation: true });
      expect(parsed.searchText, text).not.toMatch(/条例|草案|这部|那部/);
    }
    // A rule asked about, a city's other law, or a market is not a name of the regulation.
    expect(parseQuestion('贵阳有没有关于数据交易所的规定？', regs).namesRegulation).toBe(false);
    expect(parseQuestion('城市管理条例管不管占道经营？', regs).namesRegulation).toBe(false);
    expect(parseQuestion('市场监管条例怎么规定？', regs).namesRegulation).toBe(false);
    // Laws without a place (STARD's national laws) are not named by the kind word alone.
    const national: RegulationName[] = ['民法典', '道路交通安全法'].map((title, i) => ({ id: `law-${i}`, title, aliases: [], jurisdiction: '' }));
    expect(findRegulations('这部法规怎么规定？', national)).toMatchObject({ ids: [], named: false });
  });

  it('leaves mainland simplified words alone (程序 is not 进程)', () => {
    expect(normalizeQuestion('违反民主议定程序的合同有效吗')).toBe('违反民主议定程序的合同有效吗');
  });
});

describe('question kinds and search text', () => {
  it('classifies who, definition, duty and lookup questions', () => {
    expect(parseQuestion('谁应当明确数据专员？', regs).kind).toBe('who');
    expect(parseQuestion('who must appoint a data specialist?', regs)).toMatchObject({ kind: 'who', lang: 'en' });
    expect(parseQuestion('什么是公共数据？', regs).kind).toBe('definition');
    expect(parseQuestion('什么叫数据专员？', regs).kind).toBe('definition');
    expect(parseQuestion('公共数据到底是个啥？', regs).kind).toBe('definition');
    // English asks for a definition in the same ways: what counts / qualifies as X, what is meant by X.
    for (const q of ['What counts as "public data" here?', 'What qualifies as enterprise data?', 'What is meant by a public institution under the rules?']) {
      expect(parseQuestion(q, regs).kind).toBe('definition');
    }
    expect(parseQuestion('What counts for the regulators when they inspect?', regs).kind).not.toBe('definition');
    expect(parseQuestion('数据主管部门有哪些职责？', regs)).toMatchObject({ kind: 'duty', actor: '数据主管部门' });
    expect(parseQuestion('贵州条例第十四条讲了什么？', regs)).toMatchObject({ kind: 'lookup', regulationIds: ['guizhou-big-data'] });
  });

  it('reads everyday ways of asking about liability as the statutes\' 法律责任 frame', () => {
    for (const q of ['违规收集数据会被追责吗？', '干部不作为会不会被问责？', '泄露数据要承担什么责任？', 'What are the penalties?']) {
      expect(parseQuestion(q, regs).expansions).toContain('法律责任');
    }
    expect(parseQuestion('谁负责数据安全？', regs).expansions).toEqual([]);
  });

  it('reads the ways of asking what a regulation is for as its purpose frame, the making verb included', () => {
    for (const q of ['贵州条例是为了什么制定的？', '这部条例是为了干什么才定的？', '草案为了什么而出台？', '立法目的是什么？']) {
      const parsed = parseQuestion(q, regs);
      expect(parsed.expansions, q).toEqual(['为了', '制定']);
      expect(parsed.searchText, q).not.toMatch(/定|出台/);
    }
  });

  it('reads "why was it made" with its making verb as the purpose frame, only when a regulation is named', () => {
    for (const q of ['贵州为什么要专门搞一个大数据的条例？', '为什么要制定这部条例？', 'Why did Guizhou pass a law on big data?']) {
      expect(parseQuestion(q, regs).expansions, q).toEqual(['为了', '制定']);
    }
    expect(parseQuestion('为什么要搞大数据？', regs).expansions).toEqual([]);
  });

  it('reads whether a regulation applies to the asker as its scope frame, and a government\'s remit as not', () => {
    for (const q of ['外省公司在贵州搞数据相关的事，这个条例管不管？', '我做数据生意，也要遵守这部条例吗？', '条例适用于哪些地方？', 'Does this rule apply to the whole city area?']) {
      expect(parseQuestion(q, regs).expansions, q).toEqual(['适用', '遵守', '行政区域']);
    }
    for (const q of ['我们村宽带慢，政府管不管这事？', '离婚纠纷适用什么法律？', 'How do I apply to become a civil servant?']) expect(parseQuestion(q, regs).expansions, q).toEqual([]);
  });

  it('converts traditional characters and expands official abbreviations', () => {
    expect(parseQuestion('誰應當明確數據專員？', regs).text).toBe('谁应当明确数据专员?');
    expect(parseQuestion('工信部门有哪些职责', regs).actor).toBe('工业和信息化部门');
  });

  it('takes regulation names and references out of the search text', () => {
    expect(parseQuestion('贵州条例第十四条关于数据专员', regs).searchText).toBe('关于数据专员');
  });

  it('leaves A-not-A question forms out of the search text, as it does 吗', () => {
    expect(parseQuestion('政府会不会公开数据？', regs).searchText).toBe('政府 公开数据?');
    expect(parseQuestion('企业能不能自己加工数据', regs).searchText).toBe('企业 自己加工数据');
    expect(parseQuestion('有没有扶持政策，可不可以申请？', regs).searchText).toBe('扶持政策, 申请?');
    // Repeated characters that are not a question form stay.
    expect(parseQuestion('数据人人可用', regs).searchText).toBe('数据人人可用');
  });

  it('never throws on arbitrary input and keeps its invariants (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const p = parseQuestion(q, regs);
        expect(['zh', 'en']).toContain(p.lang);
        for (const r of p.refs) expect(Number.isInteger(r.article) && r.article > 0).toBe(true);
        for (const id of p.regulationIds) expect(regs.map((r) => r.id)).toContain(id);
      }),
      { numRuns: 2000 },
    );
  });
});
