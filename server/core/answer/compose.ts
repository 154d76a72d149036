// Extractive, grounded answers: a short lead built only from the cited clauses, with numbered markers,
// then the list of sources by label 《title》第N条(第M款). No language model; nothing is said without a citation.
import { translateActor } from '../../../indexer/language/en/actors.ts';
import { sentences } from '../../../indexer/language/text.ts';
import { MODALITY_EN, type Modality } from '../../../indexer/language/zh/modality.ts';
import { articleKey } from '../../../indexer/statute/model.ts';
import { articleLabel } from '../../../indexer/statute/numerals.ts';
import type { QuestionKind } from '../understand/question.ts';
import { actionHead, actorMatches, extractDuties } from './duties.ts';
import type { Citation, Lang } from '../types.ts';

export interface CitedClause {
  citation: Citation;
  status: 'draft' | 'in-force';
}

export interface AnswerInput {
  kind: QuestionKind;
  /** The question as asked (normalised), for answer-shape cues such as 什么时候. */
  question: string;
  lang: Lang;
  /** Words the question is about, to pick the sentences that answer it. */
  focus: string[];
  /** For duty questions, the actor asked about. */
  actor: string | null;
  clauses: CitedClause[];
}

export const citationLabel = (c: Citation) => `《${c.regulationTitle}》${c.label}`;

/** 《…》 Article 14(3) (第十四条第三款): the English reader's numbering, then the statute's own. */
function citationLabelEn(c: Citation): string {
  if (c.article === null) return `《${c.regulationTitle}》 (${c.label})`;
  return `《${c.regulationTitle}》 Article ${articleKey({ n: c.article, sub: c.sub })}${c.paragraph ? `(${c.paragraph})` : ''} (${c.label})`;
}

/**
 * A short answer whose statements carry numbered markers [1] [2] (1-based positions in `clauses`, which
 * become the response's citations), then one list of those sources by label, then the draft note. The
 * clause texts themselves are in the citations only: no clause is repeated in the answer.
 */
export function composeAnswer(input: AnswerInput): string {
  const { clauses, lang } = input;
  const lead = leadSentence(input);
  const cite = lang === 'en' ? citationLabelEn : citationLabel;
  const sources = clauses.map((c, i) => `[${i + 1}] ${cite(c.citation)}${draftMark(c, lang)}`);
  const drafts = [...new Set(clauses.filter((c) => c.status === 'draft').map((c) => c.citation.regulationTitle))];
  const note = drafts.length
    ? lang === 'en'
      ? `Note: ${drafts.map((t) => `《${t}》`).join(', ')} is a draft published for public comment and is not yet in force.`
      : `注意：${drafts.map((t) => `《${t}》`).join('、')}是征求意见稿（草案），尚未施行。`
    : '';
  return [lead, '', SOURCES_HEADING[lang], ...sources, ...(note ? ['', note] : [])].join('\n');
}

/** The line that opens the list of sources; clients that show citations themselves may drop the list. */
export const SOURCES_HEADING: Record<Lang, string> = { zh: '依据：', en: 'Sources (original Chinese text):' };

// A Chinese title that already says so (《…（草案）》) needs no second mark; the English reader gets one.
const draftMark = (c: CitedClause, lang: Lang) =>
  c.status !== 'draft' ? '' : lang === 'en' ? ' [draft]' : /草案|征求意见稿/.test(c.citation.regulationTitle) ? '' : '（草案）';

/** The markers of these citations, in the order of the clauses of the answer: [1][2]. */
function markersFor(cs: Citation[], input: AnswerInput): string {
  return cs.map((c) => `[${input.clauses.findIndex((k) => k.citation === c) + 1}]`).join('');
}

function leadSentence(input: AnswerInput): string {
  switch (input.kind) {
    case 'lookup':
      return lookupLead(input);
    case 'who':
      return whoLead(input);
    case 'duty':
      return dutyLead(input);
    case 'definition':
      return definitionLead(input);
    case 'general':
      return generalLead(input);
  }
}

/** Groups statements that say the same thing in several regulations, keeping every citation. */
function grouped(items: { text: string; citation: Citation }[]): { text: string; citations: Citation[] }[] {
  const out = new Map<string, { text: string; citations: Citation[] }>();
  for (const item of items) {
    // The same sentence typeset with half-width or full-width punctuation is the same statement.
    const key = item.text.normalize('NFKC').replace(/\s/g, '');
    const group = out.get(key) ?? { text: item.text, citations: [] };
    group.citations.push(item.citation);
    out.set(key, group);
  }
  return [...out.values()];
}

/** 明确数据专员[1]。 / appoint … [1]. */
function withCitations(text: string, cs: Citation[], input: AnswerInput): string {
  const body = text.replace(/[。；;.]$/, '');
  return input.lang === 'en' ? `${body} ${markersFor(cs, input)}.` : `${body}${markersFor(cs, input)}。`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a question asking for a date, a phone number or an address needs to see in a sentence. */
const ANSWER_SHAPES: [RegExp, RegExp][] = [
  [/什么时候|何时|截止|期限|日期|哪天|多久|\bwhen\b|deadline|date/i, /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日/],
  [/电话|号码|传真|怎么联系|联系方式|\bphone\b|\bfax\b|\bcall\b|contact/i, /\d{3,4}-\d{7,8}/],
  [/地址|寄到|邮编|在哪里|\baddress\b|\bmail\b|post ?code/i, /地址|邮政编码/],
];

/** The sentence of a clause that shares most focus words with the question (and has what it asks for). */
function bestSentence(text: string, focus: string[], question = ''): string {
  const wanted = ANSWER_SHAPES.filter(([asks]) => asks.test(question)).map(([, has]) => has);
  let best = '';
  let bestScore = -1;
  for (const s of sentences(text)) {
    const score = focus.reduce((n, f) => n + (s.includes(f) ? f.length : 0), 0) + wanted.filter((has) => has.test(s)).length * 100;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

function whoLead(input: AnswerInput): string {
  const { clauses, focus, lang } = input;
  const statements = clauses.flatMap((c) => {
    const sentence = bestSentence(c.citation.text, focus);
    const duty = extractDuties(sentence)[0];
    return duty ? [{ duty, citation: c.citation }] : [];
  });
  if (statements.length === 0) return generalLead({ ...input, kind: 'general' });
  const items = grouped(
    statements.map(({ duty, citation }) => ({
      text: lang === 'en' ? dutyLineEn(duty.actor, duty.modality, actionHead(duty.action)) : `${duty.actor || '各级人民政府'}${duty.modality}${actionHead(duty.action)}`,
      citation,
    })),
  );
  return items.map((i) => withCitations(lang === 'en' ? capitalise(i.text) : i.text, i.citations, input)).join(lang === 'en' ? ' ' : '');
}

/** English structure, the statute's words quoted: no translation model is at hand to do better honestly. */
function dutyLineEn(actor: string, modality: Modality, head: string): string {
  const who = actor ? `${translateActor(actor)} (${actor})` : 'The government';
  return `${who} ${MODALITY_EN[modality]} “${head}”`;
}

function dutyLead(input: AnswerInput): string {
  const { clauses, actor, lang } = input;
  const statements = clauses.flatMap((c) =>
    extractDuties(c.citation.text)
      .filter((d) => actor !== null && actorMatches(d.actor, actor))
      .map((d) => ({ modality: d.modality, head: actionHead(d.action), citation: c.citation, general: d.modality === '负责' && !d.implicit })),
  );
  // What an actor is responsible for (负责) comes before its particular duties.
  statements.sort((a, b) => Number(b.general) - Number(a.general));
  if (statements.length === 0) return generalLead({ ...input, kind: 'general' });
  const items = grouped(statements.map((d) => ({ text: `${d.modality}${d.head}`, citation: d.citation }))).slice(0, 6);
  if (lang === 'en') {
    const duties = items.map((i) => {
      const d = statements.find((x) => `${x.modality}${x.head}` === i.text)!;
      return `${MODALITY_EN[d.modality]} “${d.head}” ${markersFor(i.citations, input)}`;
    });
    return `Duties of the ${translateActor(actor!).replace(/^the /, '')} (${actor}), in the clauses' words: ${duties.join('; ')}.`;
  }
  return `${actor}的职责包括：${items.map((i) => `${i.text}${markersFor(i.citations, input)}`).join('；')}。`;
}

function definitionLead(input: AnswerInput): string {
  const { clauses, focus } = input;
  for (const c of clauses) {
    const definition = sentences(c.citation.text).find((s) => /是指|包括/.test(s) && focus.some((f) => s.includes(f)));
    if (definition) return withCitations(definition.replace(/^本条例下列用语的含义为：/, ''), [c.citation], input);
  }
  return generalLead({ ...input, kind: 'general' });
}

/** The article itself is the answer: it is shown once, as the source, not copied into the answer. */
function lookupLead(input: AnswerInput): string {
  return input.clauses
    .map((c) =>
      input.lang === 'en'
        ? `${citationLabelEn(c.citation)} is quoted in full below ${markersFor([c.citation], input)}.`
        : `${citationLabel(c.citation)}原文见下 ${markersFor([c.citation], input)}。`,
    )
    .join('\n');
}

/** 本条例自 年 月 日起施行: a date left blank in the published text (the draft numbers it so). */
const BLANK_DATE = /(?:自|于)\s*年\s*月\s*日(?:起)?(?:施行|实施|生效)/;

function blankDateLead(sentence: string, c: Citation, input: AnswerInput): string {
  const quoted = sentence.replace(/[。；;.]$/, '');
  return input.lang === 'en'
    ? `The published text of 《${c.regulationTitle}》 leaves the date blank: it reads “${quoted}” ${markersFor([c], input)}.`
    : `《${c.regulationTitle}》公布的文本没有写明日期，原文为“${quoted}”${markersFor([c], input)}。`;
}

function generalLead(input: AnswerInput): string {
  const { clauses, focus, lang, question } = input;
  const items = clauses.slice(0, 2).map((c) => ({ text: bestSentence(c.citation.text, focus, question), citation: c.citation }));
  return grouped(items)
    .map((i) => (BLANK_DATE.test(i.text) ? blankDateLead(i.text, i.citations[0]!, input) : withCitations(i.text, i.citations, input)))
    .join(lang === 'en' ? ' ' : '');
}

export function notFoundAnswer(lang: Lang, titles: string[]): string {
  return lang === 'en'
    ? `The regulations I can search (${titles.map((t) => `《${t}》`).join(', ')}) do not cover this question, so I cannot cite an answer.`
    : `现有条例（${titles.map((t) => `《${t}》`).join('、')}）没有涉及这个问题，无法给出有依据的回答。`;
}

export function missingArticleAnswer(lang: Lang, title: string, article: number, sub: number, present: string): string {
  const label = articleLabel(article, sub);
  return lang === 'en'
    ? `《${title}》 has no Article ${article}${sub ? `-${sub}` : ''} in its text (the articles present are ${present}). Nothing is cited.`
    : `《${title}》文本中没有${label}（现有条文：${present}），因此不引用任何条文。`;
}
