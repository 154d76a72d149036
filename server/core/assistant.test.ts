// The assistant on the real corpus, real jieba and the shared real (lexical-only) test index.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedLexicalIndex } from '../../indexer/build/test-index.ts';
import { loadAssistant } from '../node/assistant.ts';
import type { AskResult } from './types.ts';

let assistant: Awaited<ReturnType<typeof loadAssistant>>;
const GY = 'guiyang-digital-economy-draft';
const GZ = 'guizhou-big-data';
const cited = (r: AskResult) => r.citations.map((c) => `${c.regulationId} ${c.label}`);

beforeAll(async () => {
  assistant = await loadAssistant(await sharedLexicalIndex());
});

describe('the mission question', () => {
  it('in Chinese: names the actor and cites 第十四条 of both regulations, noting the draft', async () => {
    const r = await assistant.ask({ question: '谁应当明确数据专员？' });
    expect(r.found).toBe(true);
    expect(cited(r)).toEqual(expect.arrayContaining([`${GY} 第十四条第一款`, `${GZ} 第十四条第三款`]));
    expect(r.answer.split('\n')[0]).toContain('县级以上人民政府有关部门');
    expect(r.answer).toContain('《贵州省大数据发展应用促进条例》第十四条第三款');
    expect(r.answer).toMatch(/征求意见稿（草案），尚未施行/);
  });

  it('in English: answers in English, quotes the Chinese clause, cites both 第十四条', async () => {
    const r = await assistant.ask({ question: 'who must appoint a data specialist?' });
    expect(r).toMatchObject({ found: true, lang: 'en' });
    expect(r.citations.map((c) => `${c.regulationId} ${c.article}`)).toEqual(expect.arrayContaining([`${GY} 14`, `${GZ} 14`]));
    expect(r.answer).toContain('county level');
    expect(r.answer).toContain('明确数据专员');
  });

  it('in traditional characters: the same answer', async () => {
    const r = await assistant.ask({ question: '誰應當明確數據專員？' });
    expect(cited(r)).toEqual(expect.arrayContaining([`${GY} 第十四条第一款`, `${GZ} 第十四条第三款`]));
  });
});

describe('conversation', () => {
  it('a follow-up keeps the topic and swaps the actor', async () => {
    const first = await assistant.ask({ question: '谁应当明确数据专员？' });
    const history = [
      { role: 'user' as const, content: '谁应当明确数据专员？' },
      { role: 'assistant' as const, content: first.answer },
    ];
    const r = await assistant.ask({ question: '那企业呢？', history });
    expect(cited(r)).toEqual(expect.arrayContaining([`${GY} 第十四条第二款`, `${GZ} 第十四条第四款`]));
    expect(r.answer).toContain('首席数据官');
    // One statement, both citations: the two texts differ only in comma width.
    expect(r.answer.split('\n')[0]!.match(/首席数据官/g)).toHaveLength(1);
  });

  it('a follow-up about consequences keeps the regulation of the previous question', async () => {
    const history = [{ role: 'user' as const, content: '贵州条例对数据安全有什么要求？' }, { role: 'assistant' as const, content: '…' }];
    const r = await assistant.ask({ question: '违反了会怎么处理？', history });
    expect(r.citations.every((c) => c.regulationId === GZ)).toBe(true);
    expect(r.citations.map((c) => c.article)).toEqual(expect.arrayContaining([48]));
  });

  it('a follow-up that only names another regulation keeps the topic in that regulation', async () => {
    const history = [{ role: 'user' as const, content: '谁应当明确数据专员？' }, { role: 'assistant' as const, content: '…' }];
    for (const question of ['贵州那边有什么规定？', '贵州省的条例怎么说？']) {
      const r = await assistant.ask({ question, history });
      expect(cited(r)).toEqual([`${GZ} 第十四条第三款`]);
    }
    // With nothing earlier to continue, the same words stand alone and do not borrow a topic.
    const alone = await assistant.ask({ question: '贵州那边有什么规定？' });
    expect(cited(alone)).not.toContain(`${GZ} 第十四条第三款`);
  });

  it('a new self-contained question is not polluted by the previous topic', async () => {
    const history = [{ role: 'user' as const, content: '谁应当明确数据专员？' }, { role: 'assistant' as const, content: '…' }];
    const r = await assistant.ask({ question: '通信管理部门应当推进什么网络建设？', history });
    expect(cited(r)[0]).toBe(`${GZ} 第十二条`);
  });
});

describe('questions that are all frame', () => {
  // Nothing is left to search once the regulation and the frame are taken out: the statute's words for
  // the frame (施行, 为了…制定) carry the question, in Chinese and in English.
  it.each([
    ['贵阳草案什么时候生效？', `${GY} 第五十条`],
    ['When does the Guiyang draft take effect?', `${GY} 第五十条`],
    ['贵州条例的立法目的是什么？', `${GZ} 第一条`],
    ['What is the purpose of the Guizhou big data regulation?', `${GZ} 第一条`],
  ])('%s', async (question, article) => {
    const r = await assistant.ask({ question });
    expect(r.found).toBe(true);
    expect(cited(r)).toEqual([article]);
  });

  it('a bare frame with no regulation and no corpus word is still not covered', async () => {
    for (const question of ['什么时候？', 'When?', 'How are penalties for tax evasion calculated?']) {
      expect(await assistant.ask({ question })).toMatchObject({ found: false, citations: [] });
    }
  });
});

describe('what the corpus does not have', () => {
  it('a missing article is said plainly and nothing is cited', async () => {
    const r = await assistant.ask({ question: '贵阳草案第三十六条' });
    expect(r).toMatchObject({ found: false, citations: [] });
    expect(r.answer).toContain('没有第三十六条');
  });

  it('an uncovered question gets found: false and no citations', async () => {
    const r = await assistant.ask({ question: '个人所得税起征点是多少？' });
    expect(r).toMatchObject({ found: false, citations: [] });
  });
});

describe('grounding', () => {
  it('the draft notice is citable', async () => {
    const r = await assistant.ask({ question: '贵阳草案征求意见截止到什么时候？' });
    expect(r.citations[0]).toMatchObject({ regulationId: GY, article: null, label: '公告' });
    expect(r.answer.split('\n')[0]).toContain('2026年3月1日');
  });

  it('never cites an article the text does not have, over every seed question', async () => {
    const lines = (await readFile('evals/datasets/seed-questions.jsonl', 'utf8')).trim().split('\n');
    for (const line of lines) {
      const q = JSON.parse(line) as { question: string; history?: { role: 'user' | 'assistant'; content: string }[] };
      const r = await assistant.ask({ question: q.question, history: q.history });
      for (const c of r.citations) {
        const reg = assistant.regulation(c.regulationId)!;
        if (c.article === null) expect(reg.sections.map((s) => s.label)).toContain(c.label);
        else expect(reg.articles.some((a) => a.no.n === c.article && c.label.startsWith(a.label))).toBe(true);
        expect(reg.articles.map((a) => a.text).join('\n') + reg.sections.map((s) => s.text).join('\n')).toContain(c.text);
      }
      if (!r.found) expect(r.citations).toEqual([]);
    }
  });
});

describe('duties', () => {
  it('finds an actor at every level, grouped by regulation, with the level it binds', () => {
    const list = assistant.duties('数据主管部门');
    expect(list.matchedActors).toEqual(expect.arrayContaining(['县级以上人民政府数据主管部门', '省人民政府数据主管部门']));
    expect(list.groups.map((g) => g.regulationId).sort()).toEqual([GY, GZ].sort());
    const levels = new Set(list.groups.flatMap((g) => g.duties.map((d) => d.level)));
    expect(levels).toContain('县级以上');
    expect(levels).toContain('省级');
    expect(list.groups.flatMap((g) => g.duties).every((d) => d.actor.includes('数据主管部门'))).toBe(true);
  });
});
