// Question → what to look for: explicit article references, the regulations it names, what kind of
// answer it wants, and the text left to search. Pure and edge-safe.
import * as OpenCC from 'opencc-js/t2cn';
import { NUMERAL_CLASS, parseNumeral } from '../../../indexer/statute/numerals.ts';
import type { Lang } from '../types.ts';

export interface ArticleRef {
  article: number;
  sub: number;
  paragraph: number | null;
}

export type QuestionKind = 'lookup' | 'who' | 'duty' | 'definition' | 'general';

export interface RegulationName {
  id: string;
  title: string;
  aliases: readonly string[];
  jurisdiction: string;
}

// Lay ways of asking about consequences, and the words statutes use for them.
// The matched phrase is question frame, not topic: it leaves the search text and the words stand in.
const EXPANSIONS: [RegExp, string][] = [
  [/(?:会|要)?(?:怎么|如何)(?:处理|处罚|罚)|什么后果|会被罚|罚多少(?:钱)?|(?:担|承担)什么责任|追究|\bpenalt\w*|\bpunish\w*|\bconsequences?\b|\bfine[ds]?\b|\bliab\w*/gi, '法律责任 处罚 处分'],
  [/(?:是)?为了(?:干)?什么|(?:立法)?目的(?:是什么)?|宗旨|\bpurpose\b|\bwhy\b.*\b(?:made|enacted|adopted)\b/gi, '为了 制定'],
  [/什么时候(?:开始)?(?:施行|生效|实施)|(?:何时|哪天)(?:施行|生效|实施)|\b(?:come|comes|came) into (?:force|effect)\b|\btakes? effect\b|\beffective date\b/gi, '施行'],
  [/\bbuy(?:ing)? and sell(?:ing)?\b|\btrad(?:e|ing) (?:in )?data\b/gi, '交易'],
];

export interface ParsedQuestion {
  /** Simplified, trimmed question. */
  text: string;
  lang: Lang;
  refs: ArticleRef[];
  /** Regulations the question names, in order of mention. */
  regulationIds: string[];
  kind: QuestionKind;
  /** For duty questions: the actor asked about (数据主管部门). */
  actor: string | null;
  /** The question without references and regulation names: what retrieval searches for. */
  searchText: string;
  /** Statute vocabulary for lay phrasing (怎么处罚 → 法律责任): searched, but optional. */
  expansions: string[];
  /** A paragraph named without its article (第二款呢？): resolved against the conversation. */
  paragraphOnly: number | null;
}

// twp also converts Taiwan vocabulary (網路 → 网络, 軟體 → 软件), not just characters.
const toSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });

const ZH_REF = new RegExp(
  `第?([${NUMERAL_CLASS}]+)条(?:之([${NUMERAL_CLASS}]+))?(?:第([${NUMERAL_CLASS}]+)款)?`,
  'g',
);
const EN_REF = /\b(?:article|art\.?)\s*(\d{1,4})(?:\s*(?:\((\d{1,3})\)|,?\s*(?:paragraph|para\.?|§)\s*(\d{1,3})))?/gi;

const WHO = /谁|哪个部门|哪些部门|哪个机构|哪些机构|什么部门|哪一级|哪级|由哪|\bwho\b|\bwhich (?:department|agency|authority|body|government|office)/i;
const DEFINITION = /什么是|是什么意思|是指什么|指的是什么|指什么|是啥|啥是|的含义|的定义|怎么定义|如何定义|\bwhat (?:is|are|does)\b.*\b(?:mean|defined|definition)|\bdefin(?:e|ition)\b|^what (?:is|are) (?:a |an |the )?[\w\s-]{2,30}\??$/i;
const DUTY = /(.{2,20}?)(?:有哪些|有什么|的)?(?:职责|责任|义务|职能|任务)|(.{2,20}?)(?:应当|要|需要|必须|该)(?:做|干|履行)(?:什么|哪些)|(.{2,20}?)负责(?:什么|哪些)|\bwhat (?:must|should|does) (?:the )?(.{3,60}?) do\b|\b(?:duties|responsibilities|obligations) of (?:the )?(.{3,60}?)\??$/i;
// A-not-A questions (会不会, 能不能, 有没有, 可不可以) are particles like 吗; jieba splits them into
// 会/不会, which would otherwise search for words no statute uses.
const A_NOT_A = /([\u4e00-\u9fff])[不没]\1(?:以)?/g;
// How a duty question asks (…有哪些职责 / 要做什么), as opposed to what it is about.
const DUTY_FRAME = /(?:有哪些|有什么|负有什么|承担什么|承担哪些|的)?(?:职责|责任|义务|职能|任务)|(?:应当|要|需要|必须|该)?(?:做|干|履行)(?:什么|哪些)(?:工作|事情)?|负责(?:什么|哪些)|\bwhat (?:must|should|does)\b|\b(?:duties|responsibilities|obligations) of\b|\bdo\b/gi;
const LOOKUP_FILLER = /^[\s，,。？?！!]*(?:讲了什么|说了什么|规定了什么|是什么|内容是什么|的内容|内容|原文|写了什么|怎么规定的?|怎么说的?|全文|讲的是什么|says?|say|what does it say|text|content)?[\s，,。？?！!]*$/i;

// Everyday short names of government bodies; statutes spell them out.
const ABBREVIATIONS: [RegExp, string][] = [
  [/工信(?!息)/g, '工业和信息化'],
  [/发改(?!革)/g, '发展改革'],
  [/人社(?!会)/g, '人力资源社会保障'],
  [/卫健(?!康)/g, '卫生健康'],
  [/市监(?!管)/g, '市场监管'],
  [/文旅/g, '文化和旅游'],
  [/大数据局/g, '数据主管部门'],
  [/网信办/g, '网信部门'],
];

export function normalizeQuestion(question: string): string {
  let text = toSimplified(question.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  for (const [short, full] of ABBREVIATIONS) text = text.replace(short, full);
  return text;
}

export function isEnglishText(text: string): boolean {
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin > 0 && latin >= cjk * 2;
}

export function parseQuestion(question: string, regulations: readonly RegulationName[], lang?: Lang): ParsedQuestion {
  const text = normalizeQuestion(question);
  const detected: Lang = isEnglishText(text) ? 'en' : 'zh';
  const { refs, rest: withoutRefs } = extractRefs(text);
  const paragraphOnly = refs.length === 0 ? bareParagraph(withoutRefs) : null;
  const { ids, rest } = findRegulations(withoutRefs, regulations);
  const kind = classify(text, refs, rest);
  return {
    text,
    lang: lang ?? detected,
    refs,
    regulationIds: ids,
    kind,
    actor: kind === 'duty' ? dutyActor(rest) : null,
    paragraphOnly,
    searchText: EXPANSIONS.reduce((t, [frame]) => t.replace(frame, ' '), kind === 'duty' ? rest.replace(DUTY_FRAME, ' ') : rest)
      .replace(A_NOT_A, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    expansions: EXPANSIONS.filter(([frame]) => new RegExp(frame.source, 'i').test(text)).flatMap(([, words]) => words.split(' ')),
  };
}

function bareParagraph(text: string): number | null {
  const m = new RegExp(`第([${NUMERAL_CLASS}]+)款|\\bparagraph\\s*(\\d{1,3})`, 'i').exec(text);
  return m ? parseNumeral(m[1] ?? m[2]!) : null;
}

export function extractRefs(text: string): { refs: ArticleRef[]; rest: string } {
  const refs: ArticleRef[] = [];
  let rest = text.replace(ZH_REF, (whole, n: string, sub?: string, para?: string) => {
    const article = parseNumeral(n);
    // 一条 / 两条 inside ordinary prose ("有一条规定") is a count, not a reference.
    if (article === null || (!whole.startsWith('第') && /^[一两二三]$/.test(n))) return whole;
    const subNo = sub === undefined ? 0 : parseNumeral(sub);
    const paraNo = para === undefined ? null : parseNumeral(para);
    if (subNo === null) return whole;
    refs.push({ article, sub: subNo, paragraph: paraNo });
    return ' ';
  });
  rest = rest.replace(EN_REF, (_whole, n: string, p1?: string, p2?: string) => {
    const p = p1 ?? p2;
    refs.push({ article: Number(n), sub: 0, paragraph: p === undefined ? null : Number(p) });
    return ' ';
  });
  return { refs, rest };
}

const fold = (s: string) => s.toLowerCase().replace(/[\s()（）《》〈〉"“”'‘’]/g, '');
const latinWord = (alias: string) => /^[\x20-\x7e]+$/.test(alias);

/** Names of regulations: full titles, aliases, and the bare place name (贵阳 / 贵州). */
export function findRegulations(text: string, regulations: readonly RegulationName[]): { ids: string[]; rest: string } {
  const found: { id: string; at: number }[] = [];
  let rest = text;
  const candidates = regulations
    .flatMap((r) => [r.title, ...r.aliases].map((name) => ({ id: r.id, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { id, name } of candidates) {
    const at = indexOfName(rest, name);
    if (at < 0) continue;
    found.push({ id, at });
    rest = rest.slice(0, at) + ' '.repeat(name.length) + rest.slice(at + name.length);
  }
  // A place name alone (贵阳, 贵州省) names that place's regulation when only one regulation has it.
  for (const r of regulations) {
    const place = r.jurisdiction.replace(/[省市县区州]$/, '');
    if (place.length < 2 || found.some((f) => f.id === r.id)) continue;
    const sharing = regulations.filter((o) => o.jurisdiction.startsWith(place));
    const at = rest.indexOf(place);
    if (at >= 0 && sharing.length === 1) found.push({ id: r.id, at });
  }
  const ids = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.id))];
  return { ids, rest };
}

function indexOfName(text: string, name: string): number {
  if (latinWord(name)) {
    const m = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(text);
    return m ? m.index : -1;
  }
  const direct = text.indexOf(name);
  if (direct >= 0) return direct;
  // Titles are written with or without brackets and parentheses: compare folded, map back roughly.
  const folded = fold(name);
  return folded.length >= 4 && fold(text).includes(folded) ? text.indexOf(name.slice(0, 2)) : -1;
}

function classify(text: string, refs: ArticleRef[], rest: string): QuestionKind {
  if (refs.length > 0 && LOOKUP_FILLER.test(rest.replace(/[的了吗呢啊]/g, ''))) return 'lookup';
  if (WHO.test(text)) return 'who';
  if (DEFINITION.test(text)) return 'definition';
  if (DUTY.test(rest)) return 'duty';
  return refs.length > 0 ? 'lookup' : 'general';
}

// The first phrase in a Chinese question that names a body or a kind of person.
const ZH_ACTOR = /([\u4e00-\u9fff、]{0,20}?(?:部门|机关|机构|单位|企业|人民政府|政府|组织|官|专员|处理者|公民|个人|学校|院校))/;

function dutyActor(rest: string): string | null {
  const zh = ZH_ACTOR.exec(rest);
  if (zh) return zh[1]!;
  const m = DUTY.exec(rest);
  const actor = m?.slice(1).find((g) => g !== undefined);
  return actor ? actor.replace(/^[\s，,。？?]+|[\s，,。？?]+$/g, '').replace(/^(?:the|请问)\s*/i, '') || null : null;
}
