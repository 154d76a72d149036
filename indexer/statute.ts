// The parsed, repaired shape of one statute. Everything downstream (units, answers, pages) reads this.

export type RegulationStatus = 'draft' | 'in-force';

/** An article number with its 之N suffix: 第一百三十三条之一 is { n: 133, sub: 1 }. */
export interface ArticleNo {
  n: number;
  sub: number;
}

export interface Item {
  /** （一） → 1 */
  number: number;
  text: string;
}

export interface Paragraph {
  /** 款, counted from 1 within the article. */
  number: number;
  /** The paragraph's own sentence(s) followed by its items, one per line. */
  text: string;
  items: Item[];
}

export interface Article {
  no: ArticleNo;
  /** 第十四条 / 第一百三十三条之一 */
  label: string;
  /**
   * Candidate chapter headings (第二章 数字基础设施). One when the source agrees; none when the heading is
   * lost; several when copies of the text disagree (reported by the linter, never resolved by guessing).
   */
  chapters: string[];
  paragraphs: Paragraph[];
  /** Paragraph texts joined by newlines. */
  text: string;
}

/** A citable part that is not an article, e.g. the public-comment notice of a draft. */
export interface Section {
  id: string;
  /** Short citation label, e.g. 公告. */
  label: string;
  title: string;
  paragraphs: Paragraph[];
  text: string;
}

export interface Regulation {
  id: string;
  title: string;
  aliases: string[];
  jurisdiction: string;
  status: RegulationStatus;
  sourceFile: string;
  /** Chapter headings in source order, each once. */
  chapters: string[];
  articles: Article[];
  sections: Section[];
}
