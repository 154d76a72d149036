// Test support for the core's stages: two short statutes written for the tests, parsed by the real
// parser, segmented by real jieba with the corpus's own user dictionary, indexed by the real lexical
// builder — small enough that a test can say which clause must come first and why.
import { buildLexical, searchableText } from '../../indexer/format/lexical.ts';
import { wordTokens } from '../../indexer/language/tokens.ts';
import { unlearnedModel } from '../../indexer/learn/artefact.ts';
import { userDictionary } from '../../indexer/build/dictionary.ts';
import { parseStatute } from '../../indexer/build/parse.ts';
import { jiebaCoined, jiebaSegmenter, jiebaTag } from '../../indexer/build/segment.ts';
import type { Glossary } from '../../indexer/format/glossary.ts';
import { unitsOf } from '../../indexer/statute/units.ts';
import type { IndexData } from '../core/index-data.ts';
import { indexView, type IndexView } from '../core/index-view.ts';

export const CITY = 'city-data';
export const PROVINCE = 'province-data-draft';

const CITY_TEXT = `某市数据条例
第一章 总则
第一条 为了促进数据开发利用，制定本条例。
第二条 本条例所称公共数据，是指国家机关在履行职责过程中产生的数据。
第二章 管理
第三条 市人民政府数据主管部门负责统筹全市公共数据管理工作。
市人民政府数据主管部门应当建立公共数据目录。
第四条 鼓励企业建立首席数据官制度。
第六条 有关部门应当明确数据专员，负责本部门数据工作。
第三章 法律责任
第七条 违反本条例规定的，由数据主管部门责令改正。
第八条 本条例自2025年1月1日起施行。
`;

const PROVINCE_TEXT = `某省数据安全条例（草案）
第一条 为了保障数据安全，制定本条例。
第二条 数据处理者应当建立数据安全管理制度。
第三条 省人民政府网信部门负责统筹协调数据安全工作。
`;

export interface TinyIndex {
  data: IndexData;
  view: IndexView;
  segment: ReturnType<typeof jiebaSegmenter>;
  coined: typeof jiebaCoined;
  /** Index of the unit with this id (regulationId/articleKey[/paragraph]). */
  unit(id: string): number;
}

export function tinyIndex(): TinyIndex {
  const regulations = [
    parseStatute(CITY_TEXT, { id: CITY, title: '某市数据条例', aliases: ['市条例'], jurisdiction: '某市', status: 'in-force', sourceFile: 'city.txt', complete: false }),
    parseStatute(PROVINCE_TEXT, { id: PROVINCE, title: '某省数据安全条例（草案）', aliases: ['省草案'], jurisdiction: '某省', status: 'draft', sourceFile: 'province.txt', complete: true }),
  ].map((r) => r.regulation);
  const dictionary = userDictionary(regulations, jiebaTag);
  const segment = jiebaSegmenter(dictionary);
  const units = unitsOf(regulations);
  const glossary: Glossary = { version: 1, units: units.length, terms: {}, glosses: {}, chars: {} };
  const articles = regulations.reduce((n, r) => n + r.articles.length, 0);
  const info = { builtAt: '', counts: { regulations: regulations.length, articles, units: units.length, dictionary: dictionary.length }, dense: false, denseNote: null, model: null };
  const learned = unlearnedModel(units.map((u) => wordTokens(segment, searchableText(u))));
  const data: IndexData = { info, regulations, units, lexical: buildLexical(segment, units), glossary, dictionary, learned, decision: null };
  const byId = new Map(units.map((u, i) => [u.id, i]));
  return {
    data,
    view: indexView(data),
    segment,
    coined: jiebaCoined,
    unit: (id) => {
      const i = byId.get(id);
      if (i === undefined) throw new Error(`no unit ${id} in the tiny index (${[...byId.keys()].join(', ')})`);
      return i;
    },
  };
}
