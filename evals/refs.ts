// Article-level keys for gold references and citations, and the catalogue of what the index really
// holds (for the fabricated-citation check and for validating gold). Keys look like
// `guizhou-big-data#14`, `law-004#133-1` (第一百三十三条之一) and `guiyang-digital-economy-draft#§notice`.
import { articleLabel, paragraphLabel } from '../indexer/statute/numerals.ts';
import type { Regulation } from '../indexer/statute/model.ts';
import type { Citation } from '../server/core/index.ts';
import type { GoldRef } from './dataset.ts';

export type ArticleKey = string;

export function articleKey(regulationId: string, article: number, sub = 0): ArticleKey {
  return `${regulationId}#${article}${sub > 0 ? `-${sub}` : ''}`;
}

export function sectionKey(regulationId: string, sectionId: string): ArticleKey {
  return `${regulationId}#§${sectionId}`;
}

interface RegulationEntry {
  title: string;
  /** article key → number of paragraphs */
  articles: Map<ArticleKey, number>;
  /** section id → label, and label → id */
  sectionLabel: Map<string, string>;
  sectionId: Map<string, string>;
}

export interface CitedRef {
  key: ArticleKey;
  paragraph: number | null;
  /** Why the citation does not exist in the index, when it does not. */
  fabricated: string | null;
}

/** What the index holds, article by article. */
export class Catalogue {
  private readonly regs = new Map<string, RegulationEntry>();
  private readonly byTitle = new Map<string, string>();

  /**
   * @param nameBy how reports name a regulation: its id (readable ids such as guizhou-big-data) or its
   * title (when ids are file names such as law-005).
   */
  constructor(
    regulations: readonly Pick<Regulation, 'id' | 'title' | 'articles' | 'sections'>[],
    private readonly nameBy: 'id' | 'title' = 'id',
  ) {
    for (const r of regulations) {
      const articles = new Map<ArticleKey, number>();
      for (const a of r.articles) articles.set(articleKey(r.id, a.no.n, a.no.sub), a.paragraphs.length);
      this.regs.set(r.id, {
        title: r.title,
        articles,
        sectionLabel: new Map(r.sections.map((s) => [s.id, s.label])),
        sectionId: new Map(r.sections.map((s) => [s.label, s.id])),
      });
      if (!this.byTitle.has(r.title)) this.byTitle.set(r.title, r.id);
    }
  }

  get size(): number {
    return this.regs.size;
  }

  idOfTitle(title: string): string | undefined {
    return this.byTitle.get(title.trim());
  }

  title(regulationId: string): string | undefined {
    return this.regs.get(regulationId)?.title;
  }

  goldKey(ref: GoldRef): ArticleKey {
    return ref.article === null ? sectionKey(ref.regulationId, ref.section ?? '') : articleKey(ref.regulationId, ref.article, ref.sub);
  }

  /** Gold references that point at nothing in the index: dataset errors (or an indexer regression). */
  missingGold(ref: GoldRef): string | null {
    const reg = this.regs.get(ref.regulationId);
    if (!reg) return `unknown regulation ${ref.regulationId}`;
    if (ref.article === null) return reg.sectionLabel.has(ref.section ?? '') ? null : `no section ${ref.section}`;
    const paragraphs = reg.articles.get(articleKey(ref.regulationId, ref.article, ref.sub));
    if (paragraphs === undefined) return `no ${articleLabel(ref.article, ref.sub)}`;
    if (ref.paragraph !== null && ref.paragraph > Math.max(1, paragraphs)) return `${articleLabel(ref.article, ref.sub)} has ${paragraphs} paragraph(s)`;
    return null;
  }

  cited(c: Pick<Citation, 'regulationId' | 'article' | 'sub' | 'paragraph' | 'label'>): CitedRef {
    const reg = this.regs.get(c.regulationId);
    if (c.article === null) {
      const id = reg?.sectionId.get(c.label) ?? c.label;
      const key = sectionKey(c.regulationId, id);
      return { key, paragraph: null, fabricated: !reg ? `unknown regulation ${c.regulationId}` : reg.sectionId.has(c.label) ? null : `no section ${c.label}` };
    }
    const { sub } = c;
    const key = articleKey(c.regulationId, c.article, sub);
    let fabricated: string | null = null;
    if (!reg) fabricated = `unknown regulation ${c.regulationId}`;
    else {
      const paragraphs = reg.articles.get(key);
      if (paragraphs === undefined) fabricated = `no ${articleLabel(c.article, sub)}`;
      else if (c.paragraph !== null && (c.paragraph < 1 || c.paragraph > paragraphs)) fabricated = `${articleLabel(c.article, sub)} has no paragraph ${c.paragraph}`;
    }
    return { key, paragraph: c.paragraph, fabricated };
  }

  /** guizhou-big-data 第十四条 — for reports. */
  display(key: ArticleKey, paragraph: number | null = null): string {
    const m = /^(.*)#(?:§(.*)|(\d+)(?:-(\d+))?)$/.exec(key);
    if (!m) return key;
    const [, reg = '', section, n, sub] = m;
    const name = this.nameBy === 'title' ? (this.regs.get(reg)?.title ?? reg) : reg;
    if (section !== undefined) return `${name} ${this.regs.get(reg)?.sectionLabel.get(section) ?? section}`;
    return `${name} ${articleLabel(Number(n), sub ? Number(sub) : 0)}${paragraph ? paragraphLabel(paragraph) : ''}`;
  }
}
