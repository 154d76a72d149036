// The assistant: question → parsed query → retrieval → grounded answer with citations. Edge-safe:
// segmentation and dense search are injected, everything else is plain TypeScript.
import { articleLabel } from '../../indexer/numerals.ts';
import { MODALITY_WORDS } from '../../indexer/stopwords.ts';
import { bigramTokens, wordTokens, type Segment } from '../../indexer/tokens.ts';
import type { Regulation } from '../../indexer/statute.ts';
import type { Unit } from '../../indexer/units.ts';
import { actorFromEnglish } from './actors-en.ts';
import { composeAnswer, missingArticleAnswer, notFoundAnswer, type CitedClause } from './answer.ts';
import { relativeArticle, resolveContext, type Context } from './conversation.ts';
import { actorLevel, actorMatches, extractDuties } from './duties.ts';
import { bridgeEnglish } from './english.ts';
import { matchedTerms } from './gloss.ts';
import { documentFrequency, type IndexData } from './index-data.ts';
import { isEnglishText, parseQuestion, type ArticleRef, type ParsedQuestion } from './query.ts';
import {
  baselineSearch,
  coverage,
  fuseRrf,
  lexicalSearch,
  rollUp,
  type ArticleHit,
  type DenseSearch,
  type LexicalQuery,
  type RetrieverMode,
  type UnitHit,
  type WeightedTerm,
} from './retrieve.ts';
import type { Assistant, AskInput, AskResult, Citation, Duty, DutyList, Health, Lang, RegulationSummary } from './types.ts';

export interface AssistantOptions {
  index: IndexData;
  segment: Segment;
  /** null: lexical-only (no vectors in the index, or the model failed to load). */
  dense: DenseSearch | null;
  /** Why dense retrieval is unavailable now, when it is. */
  denseNote?: string | null;
  warn?: (line: string) => void;
  mode?: RetrieverMode;
  /** Below it the corpus is taken not to cover the question. Calibrated on the dev split: npm run eval -- --calibrate. */
  foundThreshold?: number;
}

export const DEFAULT_FOUND_THRESHOLD = 0.2;
const MAX_CITATIONS = 3;
/** Keep further articles only while they score close to the best one. */
const RELATIVE_SCORE = 0.75;
/** …and only while they cover the question nearly as well. */
const COVERAGE_BAND = 0.8;
const DENSE_CANDIDATES = 50;
const FOLLOW_UP_OLD_TOPIC = 0.6;
const FOLLOW_UP_NEW_WORDS = 1.5;
const FOLLOW_UP_CITED_BOOST = 1.5;
const EXPANSION_WEIGHT = 0.8;
/** Clauses whose own duty statements name the actor asked about. */
const ACTOR_BOOST = 1.6;
const RESPONSIBILITY_BOOST = 1.25;
const ACTOR_LIKE = /(部门|机关|机构|政府|企业|单位|组织|者)$/;
/** Clauses that define the term asked about (所称X / X，是指). */
const DEFINITION_BOOST = 2;

export function createAssistant(options: AssistantOptions): Assistant & { retrieve: (input: AskInput) => Promise<Retrieval> } {
  const { index, segment } = options;
  const threshold = options.foundThreshold ?? DEFAULT_FOUND_THRESHOLD;
  const mode: RetrieverMode = options.mode ?? (options.dense ? 'hybrid' : 'bm25');
  const regulations = new Map(index.regulations.map((r) => [r.id, r]));
  const articleUnit = new Map<string, number>();
  index.units.forEach((u, i) => {
    if (u.kind !== 'paragraph') articleUnit.set(`${u.regulationId}/${u.article}-${u.sub}/${u.kind === 'section' ? u.label : ''}`, i);
  });
  const articleUnitOf = (u: Unit) => articleUnit.get(`${u.regulationId}/${u.article}-${u.sub}/`)!;
  const hasParagraphs = new Set(index.units.filter((u) => u.kind === 'paragraph').map(articleUnitOf));
  const total = Math.max(1, index.units.length);
  const idf = (term: string) => Math.log(1 + total / (documentFrequency(index.lexical, term) + 0.5));
  let allDuties: Duty[] | null = null;
  let denseFailure: string | null = null;

  function citationOf(unitIndex: number, score: number): Citation {
    const u = index.units[unitIndex]!;
    return {
      regulationId: u.regulationId,
      regulationTitle: regulations.get(u.regulationId)!.title,
      article: u.article,
      paragraph: u.paragraph,
      label: u.label,
      text: u.text,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /** `own`: the question's content words, when the caller has them already. */
  function queryOf(parsed: ParsedQuestion, context: Context, own = contentWords(parsed.searchText)): LexicalQuery {
    const expansionsBeside = (own: string[]) =>
      parsed.expansions.filter((w) => !own.includes(w)).map((term) => ({ term, weight: EXPANSION_WEIGHT, optional: true }));
    if (parsed.lang === 'en' && /[a-z]/i.test(parsed.searchText)) {
      const bridged = bridgeEnglish(parsed.searchText, index.glossary);
      // "come into force", "penalties": the statute's own words for the question's frame, as in Chinese.
      const words = [...bridged.terms, ...expansionsBeside(bridged.terms.map((t) => t.term))];
      return { words, bigrams: [], bridged: { covered: bridged.covered.length, uncovered: bridged.uncovered.length } };
    }
    const expansions = expansionsBeside(own);
    if (!context.previousQuestion) return { words: [...own.map((term) => ({ term, weight: 1 })), ...expansions], bigrams: bigramTokens(own.join(' ')) };
    const topic = withoutPlaces(parsed, own);
    const old = contentWords(parseQuestion(context.previousQuestion, index.regulations).searchText).filter((w) => !topic.includes(w));
    const words = [...topic.map((term) => ({ term, weight: FOLLOW_UP_NEW_WORDS })), ...old.map((term) => ({ term, weight: FOLLOW_UP_OLD_TOPIC })), ...expansions];
    return { words, bigrams: bigramTokens([...topic, ...old].join(' ')), required: [...topic, ...parsed.expansions] };
  }

  function contentWords(text: string): string[] {
    return [...new Set(wordTokens(segment, text).filter((w) => !MODALITY_WORDS.has(w)))];
  }

  /**
   * What a question asks about itself: its content words but the place that named a regulation
   * (贵阳 in 贵阳那边有什么规定？), which chooses where to look, not what to look for.
   */
  function withoutPlaces(parsed: ParsedQuestion, words: string[]): string[] {
    const places = parsed.regulationIds.map((id) => regulations.get(id)!.jurisdiction);
    return words.filter((w) => !places.some((place) => place.startsWith(w)));
  }

  async function rank(parsed: ParsedQuestion, query: LexicalQuery, scope: string[], context: Context, runMode: RetrieverMode): Promise<ArticleHit[]> {
    const filter = scope.length ? (u: Unit) => scope.includes(u.regulationId) : undefined;
    let hits: UnitHit[];
    if (runMode === 'baseline') {
      hits = baselineSearch(index.lexical, wordTokens(segment, parsed.text, true));
    } else {
      const lexical = runMode === 'dense' ? [] : lexicalSearch(index.lexical, index.units, query, filter);
      const dense = runMode !== 'bm25' ? (await denseHits(parsed.text)).filter((h) => !filter || filter(index.units[h.unit]!)) : [];
      hits = runMode === 'hybrid' && dense.length ? fuseRrf([lexical.slice(0, 100), dense]) : runMode === 'dense' ? dense : lexical;
    }
    if (query.required?.length) hits = requireWords(hits, query.required);
    if (context.citedArticles.length) hits = boostCited(hits, context);
    return rollUp(rerankForKind(hits, parsed, query), index.units, articleUnitOf);
  }

  /**
   * Questions that ask for an actor's duties or for a definition prefer clauses of that shape. Judged
   * per unit; a multi-paragraph article's whole text is not boosted for what one paragraph says.
   */
  function rerankForKind(hits: UnitHit[], parsed: ParsedQuestion, query: LexicalQuery): UnitHit[] {
    let shaped: ((text: string) => boolean) | null = null;
    let responsibility: (text: string) => boolean = () => false;
    let factor = 1;
    if (parsed.kind === 'duty' && parsed.actor) {
      const actor = parsed.actor;
      shaped = (text) => extractDuties(text).some((d) => actorMatches(d.actor, actor));
      factor = ACTOR_BOOST;
      // "What are X's duties" is answered first by the clause that says what X is responsible for (负责).
      responsibility = (text) => extractDuties(text).some((d) => d.modality === '负责' && !d.implicit && actorMatches(d.actor, actor));
    } else if (parsed.kind === 'definition') {
      const terms = query.words.map((w) => w.term).filter((t) => t.length >= 2);
      shaped = (text) => terms.some((t) => definesTerm(text, t));
      factor = DEFINITION_BOOST;
    }
    if (!shaped) return hits;
    const test = shaped;
    return hits
      .map((h) => {
        const u = index.units[h.unit]!;
        const boost = !(u.kind === 'article' && hasParagraphs.has(h.unit)) && test(u.text);
        return boost ? { unit: h.unit, score: h.score * factor * (responsibility(u.text) ? RESPONSIBILITY_BOOST : 1) } : h;
      })
      .sort((a, b) => b.score - a.score);
  }

  /** A model that fails at query time costs the dense side only; the question is still answered. */
  async function denseHits(text: string): Promise<UnitHit[]> {
    if (!options.dense || denseFailure) return [];
    try {
      return await options.dense(text, DENSE_CANDIDATES);
    } catch (error) {
      denseFailure = `query embedding failed: ${(error as Error).message}`;
      (options.warn ?? console.warn)(`warning: ${denseFailure}; serving lexical-only`);
      return [];
    }
  }

  /**
   * Keeps units that contain one of the required words. A multi-paragraph article's whole text drops
   * out: it contains the word only through one of its paragraphs, which is the precise citation.
   */
  function requireWords(hits: UnitHit[], required: string[]): UnitHit[] {
    const kept = hits.filter((h) => {
      const u = index.units[h.unit]!;
      if (u.kind === 'article' && hasParagraphs.has(h.unit)) return false;
      return required.some((w) => u.text.includes(w));
    });
    // Lay words (县里) may appear nowhere; then the follow-up is answered from the topic alone.
    return kept.length > 0 ? kept : hits;
  }

  function boostCited(hits: UnitHit[], context: Context): UnitHit[] {
    const cited = (u: Unit) =>
      context.citedArticles.some((c) => c.ref.article === u.article && c.ref.sub === u.sub && (c.regulationId === null || c.regulationId === u.regulationId));
    return hits.map((h) => (cited(index.units[h.unit]!) ? { unit: h.unit, score: h.score * FOLLOW_UP_CITED_BOOST } : h)).sort((a, b) => b.score - a.score);
  }

  /** Best articles that the question's words actually cover, within a band of the best score. */
  function select(hits: ArticleHit[], words: WeightedTerm[], kind?: ParsedQuestion['kind']): { chosen: ArticleHit[]; topCoverage: number } {
    if (kind === 'definition') {
      // A definition is answered by the clauses that define the term, not by ones that use it.
      const terms = words.map((w) => w.term).filter((t) => t.length >= 2);
      const defining = hits.filter((h) => terms.some((t) => definesTerm(index.units[h.paragraphUnit ?? h.unit]!.text, t)));
      if (defining.length > 0) return select(defining, words);
    }
    const top = hits[0];
    if (!top) return { chosen: [], topCoverage: 0 };
    const cover = (h: ArticleHit) => {
      const u = index.units[h.unit]!;
      return coverage(words, `${u.chapter}\n${u.text}`, idf);
    };
    const topCoverage = cover(top);
    const chosen = [top, ...hits.slice(1, 6).filter((h) => h.score >= RELATIVE_SCORE * top.score && cover(h) >= Math.max(threshold, COVERAGE_BAND * topCoverage))];
    return { chosen: chosen.slice(0, MAX_CITATIONS), topCoverage };
  }

  function lookup(parsed: ParsedQuestion, scope: string[], lang: Lang): AskResult {
    const inScope = scope.length ? scope.map((id) => regulations.get(id)!).filter(Boolean) : index.regulations;
    const clauses: CitedClause[] = [];
    const missing: { regulation: Regulation; ref: ArticleRef }[] = [];
    for (const ref of parsed.refs) {
      for (const r of inScope) {
        const article = r.articles.find((a) => a.no.n === ref.article && a.no.sub === ref.sub);
        if (!article) {
          missing.push({ regulation: r, ref });
          continue;
        }
        const para = ref.paragraph === null ? undefined : article.paragraphs.find((p) => p.number === ref.paragraph);
        const unit = index.units.findIndex(
          (u) => u.regulationId === r.id && u.article === ref.article && u.sub === ref.sub && u.paragraph === (para && article.paragraphs.length > 1 ? para.number : null),
        );
        if (unit >= 0) clauses.push({ citation: citationOf(unit, 1), status: r.status });
      }
    }
    if (clauses.length === 0) {
      const first = missing[0]!;
      return {
        answer: missingArticleAnswer(lang, first.regulation.title, first.ref.article, first.ref.sub, presentRange(first.regulation)),
        found: false,
        lang,
        citations: [],
      };
    }
    return { answer: composeAnswer({ kind: 'lookup', question: parsed.text, lang, focus: [], actor: null, clauses }), found: true, lang, citations: clauses.map((c) => c.citation) };
  }

  async function retrieve(input: AskInput): Promise<Retrieval> {
    const parsed = parseQuestion(input.question, index.regulations, input.lang);
    // An English actor ("data administration department") is matched against clauses by its Chinese name.
    if (parsed.actor && isEnglishText(parsed.actor)) {
      const bridged = bridgeEnglish(parsed.actor, index.glossary).terms.find((t) => ACTOR_LIKE.test(t.term));
      parsed.actor = actorFromEnglish(parsed.actor) ?? bridged?.term ?? null;
    }
    const own = contentWords(parsed.searchText);
    const ownTopic = parsed.refs.length > 0 || withoutPlaces(parsed, own).length > 0;
    const context = await withTopicArticles(resolveContext(input.question, input.history, index.regulations, ownTopic), input.regulationId);
    const scope = [...(input.regulationId ? [input.regulationId] : parsed.regulationIds.length ? parsed.regulationIds : context.regulationIds)];
    const topic = context.citedArticles[0];
    const step = relativeArticle(input.question);
    if (step !== 0 && topic && parsed.refs.length === 0) {
      // 下一条呢？ after 第十四条 is 第十五条 of the same regulation (the whole article, not a paragraph).
      parsed.refs = [{ article: topic.ref.article + step, sub: 0, paragraph: null }];
      parsed.kind = 'lookup';
      if (topic.regulationId && scope.length === 0) scope.push(topic.regulationId);
    } else if (parsed.paragraphOnly !== null && topic) {
      // 第二款呢？ after a question about 第八条 means 第八条第二款 of the same regulation.
      parsed.refs = [{ ...topic.ref, paragraph: parsed.paragraphOnly }];
      parsed.kind = 'lookup';
      if (topic.regulationId && scope.length === 0) scope.push(topic.regulationId);
    }
    const query = queryOf(parsed, context, own);
    const hits = parsed.refs.length ? [] : await rank(parsed, query, scope, context, mode);
    return { parsed, context, scope, query, hits };
  }

  /**
   * A follow-up continues the articles that answered the previous question. When the earlier answer's
   * citations cannot be read from the history (another client, a shortened transcript), those articles
   * are found again by answering the previous question.
   */
  async function withTopicArticles(context: Context, regulationId?: string): Promise<Context> {
    if (!context.previousQuestion || context.citedArticles.length > 0) return context;
    const previous = parseQuestion(context.previousQuestion, index.regulations);
    const scope = regulationId ? [regulationId] : previous.regulationIds;
    const none: Context = { previousQuestion: null, regulationIds: [], citedArticles: [] };
    const previousQuery = queryOf(previous, none);
    const hits = previous.refs.length ? [] : await rank(previous, previousQuery, scope, none, mode);
    const { chosen } = select(hits, previousQuery.words);
    const citedArticles = chosen.map((h) => {
      const u = index.units[h.unit]!;
      return { regulationId: u.regulationId, ref: { article: u.article ?? 0, sub: u.sub, paragraph: null } };
    });
    const refs = previous.refs.map((ref) => ({ regulationId: scope[0] ?? null, ref }));
    if (refs.length > 0) return { ...context, citedArticles: refs };
    return { ...context, citedArticles: [...refs, ...citedArticles] };
  }

  async function ask(input: AskInput): Promise<AskResult> {
    const { parsed, scope, query, hits } = await retrieve(input);
    const lang = parsed.lang;
    if (parsed.refs.length) return lookup(parsed, scope, lang);
    const { chosen, topCoverage } = select(hits, query.words, parsed.kind);
    if (chosen.length === 0 || topCoverage < threshold || !bridgedEnough(query)) {
      return { answer: notFoundAnswer(lang, index.regulations.map((r) => r.title)), found: false, lang, citations: [] };
    }
    const clauses = chosen.map((h) => ({ citation: citationOf(h.paragraphUnit ?? h.unit, h.score), status: regulations.get(h.regulationId)!.status }));
    const focus = query.words.map((w) => w.term);
    const answer = composeAnswer({ kind: parsed.kind, question: parsed.text, lang, focus, actor: parsed.actor, clauses });
    const citations = clauses.map((c) => c.citation);
    if (lang === 'zh') return { answer, found: true, lang, citations };
    return { answer, found: true, lang, citations, matches: matchedTerms(focus, citations.map((c) => c.text), index.glossary) };
  }

  async function search(q: string, k: number, regulationId?: string): Promise<Citation[]> {
    const { hits, scope } = await retrieve({ question: q, regulationId });
    void scope;
    return hits.slice(0, k).map((h) => citationOf(h.paragraphUnit ?? h.unit, h.score));
  }

  function dutyIndex(): Duty[] {
    allDuties ??= index.units
      .filter((u, i) => u.kind === 'paragraph' || (u.kind === 'article' && !hasParagraphs.has(i)))
      .flatMap((u) =>
        extractDuties(u.text).map((d) => ({
          regulationId: u.regulationId,
          regulationTitle: regulations.get(u.regulationId)!.title,
          article: u.article!,
          paragraph: u.paragraph,
          label: u.label,
          actor: d.actor,
          level: actorLevel(d.actor),
          modality: d.modality,
          action: d.action,
          text: u.text,
        })),
      );
    return allDuties;
  }

  function duties(actor: string, regulationId?: string): DutyList {
    const asked = actor.trim();
    const matched = dutyIndex().filter((d) => d.actor !== '' && actorMatches(d.actor, asked) && (!regulationId || d.regulationId === regulationId));
    const groups = index.regulations
      .map((r) => ({ regulationId: r.id, regulationTitle: r.title, status: r.status, duties: matched.filter((d) => d.regulationId === r.id) }))
      .filter((g) => g.duties.length > 0);
    return { actor: asked, matchedActors: [...new Set(matched.map((d) => d.actor))], groups };
  }

  function summaries(): RegulationSummary[] {
    return index.regulations.map((r) => ({
      id: r.id,
      title: r.title,
      aliases: r.aliases,
      jurisdiction: r.jurisdiction,
      status: r.status,
      articles: r.articles.length,
      chapters: r.chapters,
      sections: r.sections.map((s) => ({ id: s.id, label: s.label, title: s.title })),
    }));
  }

  function health(): Health {
    const { info } = index;
    const denseOn = info.dense && options.dense !== null && denseFailure === null;
    return {
      builtAt: info.builtAt,
      counts: info.counts,
      dense: denseOn,
      denseNote: denseOn ? null : (denseFailure ?? options.denseNote ?? info.denseNote ?? 'dense retrieval is off'),
      model: info.model?.id ?? null,
    };
  }

  return { ask, search, duties, regulations: summaries, regulation: (id) => regulations.get(id), health, retrieve };
}

/**
 * Bridged terms exist in the corpus by construction, so for English the no-answer signal is how much of
 * the question found any corpus word at all ("minimum wage": wage has none). A question with nothing to
 * bridge beyond its frame ("When does the Guiyang draft take effect?") is left to coverage.
 */
function bridgedEnough(query: LexicalQuery): boolean {
  if (!query.bridged) return true;
  const { covered, uncovered } = query.bridged;
  return covered > uncovered || covered + uncovered === 0;
}

function definesTerm(text: string, term: string): boolean {
  return text.includes(`所称${term}`) || new RegExp(`${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[，,]?(?:是指|指的是|包括)`).test(text);
}

export interface Retrieval {
  parsed: ParsedQuestion;
  context: Context;
  scope: string[];
  query: LexicalQuery;
  hits: ArticleHit[];
}

/** 第一条–第四条、第八条–第三十四条 … : the article numbers a text actually has. */
function presentRange(r: Regulation): string {
  const runs: [number, number][] = [];
  for (const a of r.articles) {
    const last = runs.at(-1);
    if (last && a.no.n === last[1] + 1) last[1] = a.no.n;
    else if (!last || a.no.n !== last[1]) runs.push([a.no.n, a.no.n]);
  }
  return runs.map(([a, b]) => (a === b ? articleLabel(a) : `${articleLabel(a)}至${articleLabel(b)}`)).join('、');
}
