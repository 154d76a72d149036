// Reshaping a ranked unit list by what the question is: clauses of the asked-for shape first (an
// actor's duties, a term's definition), a follow-up's own words required, the previous answer's
// articles preferred.
import { escapeRegExp } from '../../../indexer/language/text.ts';
import type { Unit } from '../../../indexer/statute/units.ts';
import { actorMatches, extractDuties } from '../answer/duties.ts';
import type { Context } from '../conversation/context.ts';
import type { IndexView } from '../index-view.ts';
import type { Tuning } from '../tuning.ts';
import type { ParsedQuestion } from '../understand/question.ts';
import type { LexicalQuery, UnitHit } from './types.ts';

/** 所称X / X，是指…: whether a text defines the term (the pattern compiled once, for many texts). */
export function definesTerm(term: string): (text: string) => boolean {
  const called = `所称${term}`;
  const defined = new RegExp(`${escapeRegExp(term)}[，,]?(?:是指|指的是|包括)`);
  return (text) => text.includes(called) || defined.test(text);
}

/**
 * Questions that ask for an actor's duties or for a definition prefer clauses of that shape. Judged
 * per unit; a multi-paragraph article's whole text is not boosted for what one paragraph says.
 */
export function rerankForKind(
  view: IndexView,
  hits: UnitHit[],
  parsed: ParsedQuestion,
  query: LexicalQuery,
  tuning: Pick<Tuning, 'actorBoost' | 'responsibilityBoost' | 'definitionBoost'>,
): UnitHit[] {
  let shaped: ((text: string) => boolean) | null = null;
  let responsibility: (text: string) => boolean = () => false;
  let factor = 1;
  if (parsed.kind === 'duty' && parsed.actor) {
    const actor = parsed.actor;
    shaped = (text) => extractDuties(text).some((d) => actorMatches(d.actor, actor));
    factor = tuning.actorBoost;
    // "What are X's duties" is answered first by the clause that says what X is responsible for (负责).
    responsibility = (text) => extractDuties(text).some((d) => d.modality === '负责' && !d.implicit && actorMatches(d.actor, actor));
  } else if (parsed.kind === 'definition') {
    const defines = query.words.map((w) => w.term).filter((t) => t.length >= 2).map(definesTerm);
    shaped = (text) => defines.some((d) => d(text));
    factor = tuning.definitionBoost;
  }
  if (!shaped) return hits;
  const test = shaped;
  return hits
    .map((h) => {
      const u = view.units[h.unit]!;
      const boost = !(u.kind === 'article' && view.hasParagraphs(h.unit)) && test(u.text);
      return boost ? { unit: h.unit, score: h.score * factor * (responsibility(u.text) ? tuning.responsibilityBoost : 1) } : h;
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * Keeps units that contain one of the required words. A multi-paragraph article's whole text drops
 * out: it contains the word only through one of its paragraphs, which is the precise citation.
 */
export function requireWords(view: IndexView, hits: UnitHit[], required: string[]): UnitHit[] {
  const kept = hits.filter((h) => {
    const u = view.units[h.unit]!;
    if (u.kind === 'article' && view.hasParagraphs(h.unit)) return false;
    return required.some((w) => u.text.includes(w));
  });
  // Lay words (县里) may appear nowhere; then the follow-up is answered from the topic alone.
  return kept.length > 0 ? kept : hits;
}

/** The articles the previous answer cited score higher. */
export function boostCited(view: IndexView, hits: UnitHit[], context: Context, boost: number): UnitHit[] {
  const cited = (u: Unit) =>
    context.citedArticles.some((c) => c.ref.article === u.article && c.ref.sub === u.sub && (c.regulationId === null || c.regulationId === u.regulationId));
  return hits.map((h) => (cited(view.units[h.unit]!) ? { unit: h.unit, score: h.score * boost } : h)).sort((a, b) => b.score - a.score);
}
