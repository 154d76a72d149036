// A unit of the index as the citation an answer carries.
import type { IndexView } from '../index-view.ts';
import type { Citation } from '../types.ts';

export function citationOf(view: IndexView, unitIndex: number, score: number): Citation {
  const u = view.units[unitIndex]!;
  return {
    regulationId: u.regulationId,
    regulationTitle: view.regulation(u.regulationId)!.title,
    article: u.article,
    sub: u.sub,
    paragraph: u.paragraph,
    label: u.label,
    text: u.text,
    score: Math.round(score * 1000) / 1000,
  };
}
