// Parsed question (and conversation) → the weighted lexical query: the question's content words, the
// statute words standing in for its frame, and for a follow-up the earlier topic at a lower weight.
// English questions are bridged to the corpus's own vocabulary.
import { MODALITY_WORDS } from '../../../indexer/language/zh/modality.ts';
import { bigramTokens, splitCoined, wordTokens, type Coined, type Segment } from '../../../indexer/language/tokens.ts';
import type { Context } from '../conversation/context.ts';
import type { IndexView } from '../index-view.ts';
import type { Tuning } from '../tuning.ts';
import { bridgeEnglish } from '../understand/english/bridge.ts';
import { layWordsFor, type LayWord } from '../understand/english/lay.ts';
import { parseQuestion, type ParsedQuestion } from '../understand/question.ts';
import type { LexicalQuery, WeightedTerm } from './types.ts';

export interface QueryBuilder {
  /** `own`: the question's content words, when the caller has them already. */
  queryOf(parsed: ParsedQuestion, context: Context, own?: string[]): LexicalQuery;
  /** Jieba words without stopwords and modal verbs, each once; coinages give way to the corpus's words in them. */
  contentWords(text: string): string[];
  /** The content words but the place that named a regulation (贵阳 in 贵阳那边有什么规定？). */
  withoutPlaces(parsed: ParsedQuestion, words: string[]): string[];
}

export function queryBuilder(view: IndexView, segment: Segment, coined: Coined, tuning: Pick<Tuning, 'expansionWeight' | 'followUp' | 'layBridge'>): QueryBuilder {
  const contentWords = (text: string) => [...new Set(splitCoined(wordTokens(segment, text), view.knows, coined).filter((w) => !MODALITY_WORDS.has(w)))];

  // The place chooses where to look, not what to look for.
  const withoutPlaces = (parsed: ParsedQuestion, words: string[]) => {
    const places = parsed.regulationIds.map((id) => view.regulation(id)!.jurisdiction);
    return words.filter((w) => !places.some((place) => place.startsWith(w)));
  };

  // The clause words the log's lay words stand for, for English words the bridge could not cover.
  function layBridge(uncovered: readonly string[], taken: readonly string[]): { terms: WeightedTerm[]; reached: LayWord[] } {
    const { weight, terms, min } = tuning.layBridge;
    const out = new Map<string, number>();
    const reached: LayWord[] = [];
    for (const lay of layWordsFor(uncovered, view.data.glossary, min)) {
      const translations = (view.data.learned.reverse.get(lay.word) ?? []).slice(0, terms);
      if (translations.length === 0) continue;
      reached.push(lay);
      const top = translations[0]![1];
      for (const [term, p] of translations) if (!taken.includes(term)) out.set(term, Math.max(out.get(term) ?? 0, weight * lay.score * (p / top)));
    }
    return { terms: [...out].map(([term, w]) => ({ term, weight: w, optional: true })), reached };
  }

  function queryOf(parsed: ParsedQuestion, context: Context, own = contentWords(parsed.searchText)): LexicalQuery {
    const expansionsBeside = (own: string[]) =>
      parsed.expansions.filter((w) => !own.includes(w)).map((term) => ({ term, weight: tuning.expansionWeight, optional: true }));
    if (parsed.lang === 'en' && /[a-z]/i.test(parsed.searchText)) {
      const bridged = bridgeEnglish(parsed.searchText, view.data.glossary, undefined, view.cooccurrence);
      const lay = layBridge(bridged.uncovered, bridged.terms.map((t) => t.term));
      const terms = [...bridged.terms, ...lay.terms];
      // "come into force", "penalties": the statute's own words for the question's frame, as in Chinese.
      const words = [...terms, ...expansionsBeside(terms.map((t) => t.term))];
      // A word reached through a lay word is covered, as well as its gloss matches.
      const n = bridged.covered.length + bridged.uncovered.length;
      const quality = n > 0 ? (bridged.quality * n + lay.reached.reduce((s, l) => s + l.score, 0)) / n : bridged.quality;
      return { words, bigrams: [], bridged: { covered: bridged.covered.length + lay.reached.length, uncovered: bridged.uncovered.length - lay.reached.length, quality } };
    }
    const expansions = expansionsBeside(own);
    const topic = withoutPlaces(parsed, own);
    if (!context.previousQuestion) {
      // A question of nothing but its place (贵阳有什么规定？) still searches for it.
      const words = topic.length ? topic : own;
      const places = own.filter((w) => !words.includes(w)).map((term) => ({ term, weight: 1 }));
      return { words: [...words.map((term) => ({ term, weight: 1 })), ...expansions], bigrams: bigramTokens(words.join(' ')), ...(places.length ? { placeWords: places } : {}) };
    }
    const old = contentWords(parseQuestion(context.previousQuestion, view.data.regulations).searchText).filter((w) => !topic.includes(w));
    const { newWords, oldTopic } = tuning.followUp;
    const words = [...topic.map((term) => ({ term, weight: newWords })), ...old.map((term) => ({ term, weight: oldTopic })), ...expansions];
    return { words, bigrams: bigramTokens([...topic, ...old].join(' ')), required: [...topic, ...parsed.expansions] };
  }

  return { queryOf, contentWords, withoutPlaces };
}
