// Every duty statement of the index, extracted once, and the duties of one actor grouped by regulation.
import type { IndexView } from '../index-view.ts';
import type { Duty, DutyList } from '../types.ts';
import { actorLevel, actorMatches, extractDuties } from './duties.ts';

export interface DutyIndex {
  all(): readonly Duty[];
  of(actor: string, regulationId?: string): DutyList;
}

export function dutyIndex(view: IndexView): DutyIndex {
  let duties: Duty[] | null = null;
  // Paragraphs, and articles that are not split into paragraphs: each clause once.
  const all = () =>
    (duties ??= view.units
      .filter((u, i) => u.kind === 'paragraph' || (u.kind === 'article' && !view.hasParagraphs(i)))
      .flatMap((u) =>
        extractDuties(u.text).map((d) => ({
          regulationId: u.regulationId,
          regulationTitle: view.regulation(u.regulationId)!.title,
          article: u.article!,
          paragraph: u.paragraph,
          label: u.label,
          actor: d.actor,
          level: actorLevel(d.actor),
          modality: d.modality,
          action: d.action,
          text: u.text,
        })),
      ));
  function of(actor: string, regulationId?: string): DutyList {
    const asked = actor.trim();
    const matched = all().filter((d) => d.actor !== '' && actorMatches(d.actor, asked) && (!regulationId || d.regulationId === regulationId));
    const groups = view.data.regulations
      .map((r) => ({ regulationId: r.id, regulationTitle: r.title, status: r.status, duties: matched.filter((d) => d.regulationId === r.id) }))
      .filter((g) => g.duties.length > 0);
    return { actor: asked, matchedActors: [...new Set(matched.map((d) => d.actor))], groups };
  }
  return { all, of };
}
