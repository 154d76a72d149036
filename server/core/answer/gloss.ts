// The Chinese words an answer was found by, with their English glosses, so that a reader of the English
// interface sees why a clause in Chinese answers the question (hover a highlighted word for its gloss).
import type { Glossary } from '../../../indexer/format/glossary.ts';
import type { MatchedTerm } from '../types.ts';

const CJK = /^[\u3400-\u9fff]+$/;

/** 数据专员, which CC-CEDICT lacks, is glossed by its parts: "data + commissioner". */
export function glossOf(term: string, glossary: Glossary): string {
  const display = glossary.display ?? {};
  if (display[term]) return display[term];
  const parts = glossary.terms[term]?.parts ?? [...term];
  const glossed = parts.map((p) => display[p]?.split(';')[0]?.trim() ?? '');
  return glossed.every(Boolean) ? glossed.join(' + ') : '';
}

/** The searched words that occur in the cited clauses and have a gloss, longest first. */
export function matchedTerms(words: readonly string[], texts: readonly string[], glossary: Glossary, max = 8): MatchedTerm[] {
  return [...new Set(words)]
    .filter((w) => CJK.test(w) && texts.some((t) => t.includes(w)))
    .sort((a, b) => b.length - a.length)
    .map((term) => ({ term, gloss: glossOf(term, glossary) }))
    .filter((m) => m.gloss !== '')
    .slice(0, max);
}
