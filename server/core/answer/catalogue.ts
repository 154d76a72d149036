// What the index holds, for the regulation list and the health endpoint.
import type { IndexView } from '../index-view.ts';
import type { Health, RegulationSummary } from '../types.ts';

export function summaries(view: IndexView): RegulationSummary[] {
  return view.data.regulations.map((r) => ({
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

/** Dense is on only when the index has vectors, a search was wired and it has not failed since. */
export function health(view: IndexView, dense: { wired: boolean; failure: string | null; note: string | null }): Health {
  const { info } = view.data;
  const denseOn = info.dense && dense.wired && dense.failure === null;
  return {
    builtAt: info.builtAt,
    counts: info.counts,
    dense: denseOn,
    denseNote: denseOn ? null : (dense.failure ?? dense.note ?? info.denseNote ?? 'dense retrieval is off'),
    model: info.model?.id ?? null,
  };
}
