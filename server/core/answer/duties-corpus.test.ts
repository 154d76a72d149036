// Every duty of three actors, checked by hand against the statutes in corpus/: every paragraph naming
// the actor was read, and listed here when the actor is the one charged (with or without a modal
// verb). Paragraphs that only mention it are not duties of it: 贵州 第二十七条第一款 (县级以上人民政府
// sets up a mechanism 数据主管部门 coordinates) and the second half of 第十五条第一款 (各有关部门 report to it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIndex } from '../../../indexer/build/build.ts';
import { indexConfigFromEnv } from '../../../indexer/config/index-config.ts';
import { loadAssistant } from '../../node/assistant.ts';
import type { Assistant } from '../types.ts';

const HAND_CHECKED = [
  {
    actor: '数据主管部门',
    regulationId: 'guizhou-big-data',
    labels: [
      '第六条第二款', '第七条第一款', '第十一条第一款', '第十三条第一款', '第十四条第一款', '第十五条第一款', '第十五条第二款', '第十七条第一款',
      '第二十条第一款', '第二十一条第二款', '第二十七条第二款', '第二十八条第一款', '第四十条第二款', '第四十条第三款', '第四十三条第三款',
    ],
  },
  { actor: '数据主管部门', regulationId: 'guiyang-digital-economy-draft', labels: ['第十五条', '第十六条', '第二十二条', '第四十二条', '第四十五条'] },
  { actor: '工业和信息化部门', regulationId: undefined, labels: ['第二十一条', '第三十条第一款', '第三十条第二款'] },
];

let tmp: string;
let assistant: Assistant;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regqa-duties-'));
  await buildIndex({ config: { ...indexConfigFromEnv({}), corpusDir: 'corpus', outDir: tmp, model: null } });
  assistant = await loadAssistant(tmp);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

it.each(HAND_CHECKED)('lists every duty of $actor in $regulationId, and nothing else', ({ actor, regulationId, labels }) => {
  const duties = assistant.duties(actor, regulationId).groups.flatMap((g) => g.duties);
  expect([...new Set(duties.map((d) => d.label))]).toEqual(labels);
});

it('finds duties stated with the actor as the subject and no modal verb', () => {
  const duties = assistant.duties('数据主管部门', 'guizhou-big-data').groups.flatMap((g) => g.duties);
  expect(duties.find((d) => d.label === '第十一条第一款')).toMatchObject({
    actor: '省人民政府数据主管部门',
    modality: '负责',
    action: expect.stringMatching(/^会同能源等有关部门建立算电协同机制/),
  });
  expect(duties.find((d) => d.label === '第四十三条第三款')?.action).toBe('在具体承担数据管理工作中履行相应的数据安全职责');
});
