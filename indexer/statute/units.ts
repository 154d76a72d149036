// The retrievable units: every article, every paragraph (款) of a multi-paragraph article, and every
// non-article section. Each carries what a citation needs.
import { paragraphLabel } from './numerals.ts';
import { articleKey, type Regulation } from './model.ts';

export type UnitKind = 'article' | 'paragraph' | 'section';

export interface Unit {
  id: string;
  regulationId: string;
  kind: UnitKind;
  /** Article number; null for a section such as the draft's notice. */
  article: number | null;
  /** 之N suffix, 0 when none. */
  sub: number;
  paragraph: number | null;
  /** 第十四条 / 第十四条第三款 / 公告 */
  label: string;
  /** Chapter heading(s); several joined with ／ when the source disagrees. */
  chapter: string;
  text: string;
}

export function unitsOf(regulations: readonly Regulation[]): Unit[] {
  const units: Unit[] = [];
  for (const r of regulations) {
    for (const s of r.sections) {
      units.push({ id: `${r.id}/${s.id}`, regulationId: r.id, kind: 'section', article: null, sub: 0, paragraph: null, label: s.label, chapter: '', text: s.text });
    }
    for (const a of r.articles) {
      const key = articleKey(a.no);
      const chapter = a.chapters.join('／');
      units.push({ id: `${r.id}/${key}`, regulationId: r.id, kind: 'article', article: a.no.n, sub: a.no.sub, paragraph: null, label: a.label, chapter, text: a.text });
      if (a.paragraphs.length < 2) continue;
      for (const p of a.paragraphs) {
        units.push({
          id: `${r.id}/${key}/${p.number}`,
          regulationId: r.id,
          kind: 'paragraph',
          article: a.no.n,
          sub: a.no.sub,
          paragraph: p.number,
          label: `${a.label}${paragraphLabel(p.number)}`,
          chapter,
          text: p.text,
        });
      }
    }
  }
  return units;
}
