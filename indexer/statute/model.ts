// The parsed, repaired shape of one statute. Everything downstream (units, answers, pages, the HTTP
// API) reads this; the zod schemas are the one definition, the types are inferred from them.
import { z } from 'zod';

export const RegulationStatusSchema = z.enum(['draft', 'in-force']);
export type RegulationStatus = z.infer<typeof RegulationStatusSchema>;

/** An article's identity with its 之N suffix: 第一百三十三条之一 is { n: 133, sub: 1 }; sub 0 when none. */
export const ArticleIdSchema = z.object({ n: z.number().int(), sub: z.number().int() });
export type ArticleId = z.infer<typeof ArticleIdSchema>;

/** The one key of an article within a regulation: 14, or 133-1 for 之一 (also the API's path form). */
export function articleKey(id: ArticleId): string {
  return id.sub > 0 ? `${id.n}-${id.sub}` : String(id.n);
}

/** The inverse of articleKey for the API's path parameter (14, 133-1); the range is checked by the caller. */
export function parseArticleKey(key: string): ArticleId {
  const [n = '', sub = '0'] = key.split('-');
  return { n: Number(n), sub: Number(sub) };
}

export const ItemSchema = z.object({
  /** （一） → 1 */
  number: z.number().int(),
  text: z.string(),
});
export type Item = z.infer<typeof ItemSchema>;

export const ParagraphSchema = z.object({
  /** 款, counted from 1 within the article. */
  number: z.number().int(),
  /** The paragraph's own sentence(s) followed by its items, one per line. */
  text: z.string(),
  items: z.array(ItemSchema),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const ArticleSchema = z.object({
  no: ArticleIdSchema,
  /** 第十四条 / 第一百三十三条之一 */
  label: z.string(),
  /**
   * Candidate chapter headings (第二章 数字基础设施). One when the source agrees; none when the heading is
   * lost; several when copies of the text disagree (reported by the linter, never resolved by guessing).
   */
  chapters: z.array(z.string()).describe('Candidate chapter headings; several when copies of the source disagree.'),
  paragraphs: z.array(ParagraphSchema),
  /** Paragraph texts joined by newlines. */
  text: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

export const SectionRefSchema = z.object({
  id: z.string(),
  /** Short citation label, e.g. 公告. */
  label: z.string(),
  title: z.string(),
});

/** A citable part that is not an article, e.g. the public-comment notice of a draft. */
export const SectionSchema = SectionRefSchema.extend({ paragraphs: z.array(ParagraphSchema), text: z.string() });
export type Section = z.infer<typeof SectionSchema>;

export const RegulationBaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  aliases: z.array(z.string()),
  jurisdiction: z.string(),
  status: RegulationStatusSchema,
  /** Chapter headings in source order, each once. */
  chapters: z.array(z.string()),
});

export const RegulationSchema = RegulationBaseSchema.extend({
  sourceFile: z.string(),
  articles: z.array(ArticleSchema),
  sections: z.array(SectionSchema),
});
export type Regulation = z.infer<typeof RegulationSchema>;
