// Question → what to look for: explicit article references, the regulations it names, what kind of
// answer it wants, and the text left to search. Pure and edge-safe.
import { isEnglishText } from '../../../indexer/language/en/detect.ts';
import { QUESTION_ACTOR_SUFFIX } from '../../../indexer/language/zh/actors.ts';
import { EXPANSIONS } from '../../../indexer/language/zh/frames.ts';
import type { Lang } from '../types.ts';
import { normalizeQuestion } from './normalize.ts';
import { bareParagraph, extractRefs, type ArticleRef } from './references.ts';
import { findRegulations, type RegulationName } from './regulations.ts';

export type QuestionKind = 'lookup' | 'who' | 'duty' | 'definition' | 'general';

export interface ParsedQuestion {
  /** Simplified, trimmed question. */
  text: string;
  lang: Lang;
  refs: ArticleRef[];
  /** Regulations the question names, in order of mention. */
  regulationIds: string[];
  /** Whether a title, alias or 这两部 named them (not only a place name). */
  namesRegulation: boolean;
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

const WHO = /谁|哪个部门|哪些部门|哪个机构|哪些机构|什么部门|哪一级|哪级|由哪|\bwho\b|\bwhich (?:department|agency|authority|body|government|office)/i;
// Ways of asking what a term means, in Chinese (什么叫X, X是指什么) and English (what is X, what counts as X).
const DEFINITION = /什么是|什么叫|何谓|何为|是什么意思|是指什么|指的是什么|指什么|是啥|是个啥|是个什么|啥是|的含义|的定义|怎么定义|如何定义|\bwhat (?:is|are|does)\b.*\b(?:mean|defined|definition)|\bdefin(?:e|ition)\b|\bwhat (?:counts|qualifies) as\b|\bwhat is meant by\b|^what (?:is|are) (?:a |an |the )?[\w\s-]{2,30}\??$/i;
const DUTY = /(.{2,20}?)(?:有哪些|有什么|的)?(?:职责|责任|义务|职能|任务)|(.{2,20}?)(?:应当|要|需要|必须|该)(?:做|干|履行)(?:什么|哪些)|(.{2,20}?)负责(?:什么|哪些)|\bwhat (?:must|should|does) (?:the )?(.{3,60}?) do\b|\b(?:duties|responsibilities|obligations) of (?:the )?(.{3,60}?)\??$/i;
// A-not-A questions (会不会, 能不能, 有没有, 可不可以) are particles like 吗; jieba splits them into
// 会/不会, which would otherwise search for words no statute uses.
const A_NOT_A = /([\u4e00-\u9fff])[不没]\1(?:以)?/g;
// How a duty question asks (…有哪些职责 / 要做什么), as opposed to what it is about.
const DUTY_FRAME = /(?:有哪些|有什么|负有什么|承担什么|承担哪些|的)?(?:职责|责任|义务|职能|任务)|(?:应当|要|需要|必须|该)?(?:做|干|履行)(?:什么|哪些)(?:工作|事情)?|负责(?:什么|哪些)|\bwhat (?:must|should|does)\b|\b(?:duties|responsibilities|obligations) of\b|\bdo\b/gi;
const LOOKUP_FILLER = /^[\s，,。？?！!]*(?:讲了什么|说了什么|规定了什么|是什么|内容是什么|的内容|内容|原文|写了什么|怎么规定的?|怎么说的?|全文|讲的是什么|says?|say|what does it say|text|content)?[\s，,。？?！!]*$/i;

/** The frames as tests on the whole question, any case ("When does it take effect?"), compiled once. */
const EXPANSION_TESTS = EXPANSIONS.map(([frame, words]) => [new RegExp(frame.source, 'i'), words.split(' ')] as const);

export function parseQuestion(question: string, regulations: readonly RegulationName[], lang?: Lang): ParsedQuestion {
  const text = normalizeQuestion(question);
  const detected: Lang = isEnglishText(text) ? 'en' : 'zh';
  const { refs, rest: withoutRefs } = extractRefs(text);
  const paragraphOnly = refs.length === 0 ? bareParagraph(withoutRefs) : null;
  const { ids, rest, named } = findRegulations(withoutRefs, regulations);
  const kind = classify(text, refs, rest);
  return {
    text,
    lang: lang ?? detected,
    refs,
    regulationIds: ids,
    namesRegulation: named,
    kind,
    actor: kind === 'duty' ? dutyActor(rest) : null,
    paragraphOnly,
    searchText: EXPANSIONS.reduce((t, [frame]) => t.replace(frame, ' '), kind === 'duty' ? rest.replace(DUTY_FRAME, ' ') : rest)
      .replace(A_NOT_A, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    expansions: EXPANSION_TESTS.filter(([frame]) => frame.test(text)).flatMap(([, words]) => words),
  };
}

function classify(text: string, refs: ArticleRef[], rest: string): QuestionKind {
  if (refs.length > 0 && LOOKUP_FILLER.test(rest.replace(/[的了吗呢啊]/g, ''))) return 'lookup';
  if (WHO.test(text)) return 'who';
  if (DEFINITION.test(text)) return 'definition';
  if (DUTY.test(rest)) return 'duty';
  return refs.length > 0 ? 'lookup' : 'general';
}

// The first phrase in a Chinese question that names a body or a kind of person.
const ZH_ACTOR = new RegExp(`([\\u4e00-\\u9fff、]{0,20}?${QUESTION_ACTOR_SUFFIX})`);

function dutyActor(rest: string): string | null {
  const zh = ZH_ACTOR.exec(rest);
  if (zh) return zh[1]!;
  const m = DUTY.exec(rest);
  const actor = m?.slice(1).find((g) => g !== undefined);
  return actor ? actor.replace(/^[\s，,。？?]+|[\s，,。？?]+$/g, '').replace(/^(?:the|请问)\s*/i, '') || null : null;
}
