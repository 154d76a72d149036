// The loaded index with the lookups every stage needs: regulations by id, the article unit of a
// paragraph, which articles are split into paragraphs, and idf over the lexical index.
import type { Regulation } from '../../indexer/statute/model.ts';
import type { Unit } from '../../indexer/statute/units.ts';
import type { IndexData } from './index-data.ts';
import { documentFrequency } from './retrieve/lexical.ts';

export interface IndexView {
  readonly data: IndexData;
  readonly units: readonly Unit[];
  regulation(id: string): Regulation | undefined;
  /** The article (or section) unit a unit belongs to. */
  articleUnitOf(u: Unit): number;
  /** Whether the unit at this index is an article with paragraph units of its own. */
  hasParagraphs(unit: number): boolean;
  /** The paragraph units of an article unit, in order; none for an article that is not split. */
  paragraphsOf(unit: number): readonly number[];
  /** Number of units holding a word. */
  df(term: string): number;
  /** Inverse document frequency of a word over the units. */
  idf(term: string): number;
  /** Whether the corpus has the word, or the translation table or pivot synonyms lead from it to the corpus. */
  knows(term: string): boolean;
  /** Share of the units holding word b that also hold word a. */
  cooccurrence(a: string, b: string): number;
}

export function indexView(data: IndexData): IndexView {
  const regulations = new Map(data.regulations.map((r) => [r.id, r]));
  const articleUnit = new Map<string, number>();
  data.units.forEach((u, i) => {
    if (u.kind !== 'paragraph') articleUnit.set(`${u.regulationId}/${u.article}-${u.sub}/${u.kind === 'section' ? u.label : ''}`, i);
  });
  // Asked for every hit of every question: remembered per unit rather than rebuilt as a string key each time.
  const articleUnitByUnit = new Map<Unit, number>();
  const articleUnitOf = (u: Unit) => {
    let n = articleUnitByUnit.get(u);
    if (n === undefined) {
      n = articleUnit.get(`${u.regulationId}/${u.article}-${u.sub}/`)!;
      articleUnitByUnit.set(u, n);
    }
    return n;
  };
  const split = new Map<number, number[]>();
  data.units.forEach((u, i) => {
    if (u.kind !== 'paragraph') return;
    const article = articleUnitOf(u);
    const paragraphs = split.get(article);
    if (paragraphs) paragraphs.push(i);
    else split.set(article, [i]);
  });
  const total = Math.max(1, data.units.length);
  const df = new Map<string, number>();
  const frequency = (term: string) => {
    let n = df.get(term);
    if (n === undefined) df.set(term, (n = documentFrequency(data.lexical, term)));
    return n;
  };
  // Word → the units holding it, from the content words the learned model keeps; built on first use.
  let holders: Map<string, Set<number>> | null = null;
  const unitsOf = (w: string) => {
    if (!holders) {
      holders = new Map();
      data.learned.unitWords.forEach((words, u) => {
        for (const word of words) {
          let set = holders!.get(word);
          if (!set) holders!.set(word, (set = new Set()));
          set.add(u);
        }
      });
    }
    return holders.get(w);
  };
  const cooccurrence = (a: string, b: string) => {
    const ua = unitsOf(a);
    const ub = unitsOf(b);
    if (!ua || !ub) return 0;
    let both = 0;
    for (const u of ua.size < ub.size ? ua : ub) if ((ua.size < ub.size ? ub : ua).has(u)) both++;
    return both / ub.size;
  };
  return {
    data,
    cooccurrence,
    units: data.units,
    regulation: (id) => regulations.get(id),
    articleUnitOf,
    hasParagraphs: (unit) => split.has(unit),
    paragraphsOf: (unit) => split.get(unit) ?? [],
    df: frequency,
    idf: (term) => Math.log(1 + total / (frequency(term) + 0.5)),
    knows: (term) => frequency(term) > 0 || data.learned.translation.has(term) || data.learned.pivot.has(term),
  };
}
