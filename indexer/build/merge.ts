// The copies of each article merged into one (most copies win, the rest reported), and the
// structural defects left: chapter conflicts, lost headings, missing article numbers.
import { articleLabel } from '../statute/numerals.ts';
import type { Article, ArticleId } from '../statute/model.ts';
import { finishParagraph, follows, occurrenceText, type Occurrence, type Report } from './occurrence.ts';

export function mergeOccurrences(occurrences: Occurrence[], report: Report): Article[] {
  const byKey = new Map<string, Occurrence[]>();
  for (const occ of occurrences) byKey.set(occ.key, [...(byKey.get(occ.key) ?? []), occ]);

  const articles: Article[] = [];
  const conflicts: { no: ArticleId; chapters: string[] }[] = [];
  for (const copies of byKey.values()) {
    const { no } = copies[0]!;
    const label = articleLabel(no.n, no.sub);
    const variants = new Map<string, Occurrence[]>();
    for (const c of copies) {
      const text = occurrenceText(c);
      variants.set(text, [...(variants.get(text) ?? []), c]);
    }
    // Most copies win; ties go to the first in the source. The others are reported word for word.
    const ranked = [...variants.entries()].sort((a, b) => b[1].length - a[1].length);
    const kept = ranked[0]![1][0]!;
    for (const [text, occs] of ranked.slice(1)) {
      report('warning', 'text-conflict', label, `copies differ; kept the text at line ${kept.line}, other text at line ${occs[0]!.line}: ${text}`);
    }
    const chapters = [...new Set(copies.map((c) => c.chapter).filter((c): c is string => c !== null))];
    if (chapters.length > 1) conflicts.push({ no, chapters });
    const paragraphs = kept.paragraphs.map(finishParagraph);
    articles.push({ no, label, chapters, paragraphs, text: paragraphs.map((p) => p.text).join('\n') });
  }
  articles.sort((a, b) => a.no.n - b.no.n || a.no.sub - b.no.sub);
  reportChapterProblems(articles, conflicts, report);
  return articles;
}

function reportChapterProblems(articles: Article[], conflicts: { no: ArticleId; chapters: string[] }[], report: Report): void {
  const runs = groupRuns(conflicts, (c) => c.chapters.join(' / '));
  for (const run of runs) {
    report(
      'warning',
      'chapter-conflict',
      rangeLabel(run.map((c) => c.no)),
      `copies of the text place these articles under different chapters: ${run[0]!.chapters.join(' vs ')}; both kept, none chosen`,
    );
  }
  const anyChapters = articles.some((a) => a.chapters.length > 0);
  if (!anyChapters) return;
  for (const run of groupRuns(articles.filter((a) => a.chapters.length === 0), () => '')) {
    report('warning', 'chapter-unknown', rangeLabel(run.map((a) => a.no)), 'no chapter heading can be trusted for these articles (heading lost in the source)');
  }
}

/** Splits items into runs that share a key, breaking a run where article numbers stop being consecutive. */
function groupRuns<T extends { no: ArticleId }>(items: T[], key: (t: T) => string): T[][] {
  const sorted = [...items].sort((a, b) => a.no.n - b.no.n || a.no.sub - b.no.sub);
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && key(last) === key(item) && follows(last.no, item.no)) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

function rangeLabel(nos: ArticleId[]): string {
  const first = nos[0]!;
  const last = nos.at(-1)!;
  const a = articleLabel(first.n, first.sub);
  return nos.length === 1 ? a : `${a}–${articleLabel(last.n, last.sub)}`;
}

export function reportMissingNumbers(articles: Article[], report: Report): void {
  const present = new Set(articles.filter((a) => a.no.sub === 0).map((a) => a.no.n));
  const max = Math.max(0, ...present);
  const missing: { no: ArticleId }[] = [];
  for (let n = 1; n <= max; n++) if (!present.has(n)) missing.push({ no: { n, sub: 0 } });
  for (const run of groupRuns(missing, () => '')) {
    report('warning', 'missing-articles', rangeLabel(run.map((m) => m.no)), `article numbers missing from the text (${run.length}); not invented`);
  }
}
