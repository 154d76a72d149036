// Classified lines → one repaired Regulation plus a report of every repair and every defect left.
// Pure: the same text and metadata always give the same result.
import { classifyLines, type Line } from './lines.ts';
import type { LintIssue, Severity, LintCode } from './lint.ts';
import { parseNumeral } from '../statute/numerals.ts';
import { articleKey, type ArticleId, type Regulation, type Section } from '../statute/model.ts';
import { mergeOccurrences, reportMissingNumbers } from './merge.ts';
import { finishParagraph, follows, type Occurrence, type RawParagraph, type Report } from './occurrence.ts';
import { dropOrphanFragments, rejoinBrokenParagraphs, reportRejoins, reportRepeatedBlocks } from './repair.ts';

export type StatuteMeta = Pick<Regulation, 'id' | 'title' | 'aliases' | 'jurisdiction' | 'status' | 'sourceFile'> & {
  /** Whether article numbers should run without gaps (false for excerpts such as the STARD corpus). */
  complete: boolean;
  /** Whether the title came from the manifest because the text has none to offer. */
  titleFromManifest?: boolean;
};

export interface ParseResult {
  regulation: Regulation;
  issues: LintIssue[];
}

export function parseStatute(source: string, meta: StatuteMeta): ParseResult {
  const issues: LintIssue[] = [];
  const report = (severity: Severity, code: LintCode, where: string, message: string) =>
    issues.push({ regulationId: meta.id, severity, code, where, message });

  const { lines, artifacts } = classifyLines(source);
  for (const a of artifacts) report('repaired', 'artifact-stripped', `line ${a.line}`, `removed ${a.removed}`);

  const firstBody = lines.findIndex((l) => l.kind === 'structure' || l.kind === 'article');
  const preamble = firstBody === -1 ? lines : lines.slice(0, firstBody);
  const body = firstBody === -1 ? [] : lines.slice(firstBody);
  if (firstBody === -1) report('fatal', 'unparseable', meta.sourceFile, 'no article (第N条) found in the text');

  const sections = parsePreamble(preamble, meta, report);
  const { occurrences, headings } = groupOccurrences(body, report);
  reportRejoins(occurrences.flatMap(rejoinBrokenParagraphs), report);
  dropOrphanFragments(occurrences, report);
  reportRepeatedBlocks(occurrences, report);
  const articles = mergeOccurrences(occurrences, report);
  if (meta.complete) reportMissingNumbers(articles, report);

  const regulation: Regulation = {
    id: meta.id,
    title: meta.title,
    aliases: meta.aliases,
    jurisdiction: meta.jurisdiction,
    status: meta.status,
    sourceFile: meta.sourceFile,
    chapters: headings,
    articles,
    sections,
  };
  return { regulation, issues };
}

/** Folds the typographic variants that differ between a title line and the manifest's title. */
const foldTitle = (s: string) => s.replace(/[\s()（）《》〈〉]/g, '');

function parsePreamble(lines: Line[], meta: StatuteMeta, report: Report): Section[] {
  const titleParts: string[] = [];
  const paragraphs: RawParagraph[] = [];
  let sawTitle = false;
  for (const l of lines) {
    const text = l.kind === 'article' ? l.body : l.kind === 'structure' ? l.heading : l.text;
    if (foldTitle(text) === foldTitle(meta.title)) {
      sawTitle = true;
      report('info', 'title-line', `line ${l.line}`, `title line: ${text}`);
    } else if (sawTitle && paragraphs.length === 0 && titleParts.length === 0 && /^[(（][^()（）]{1,12}[)）]$/.test(text)) {
      // (征求意见稿) and similar annotations belong to the title, not to the notice.
      report('info', 'title-line', `line ${l.line}`, `title annotation: ${text}`);
    } else if (l.kind === 'text' && l.markdownHeading && paragraphs.length === 0) {
      titleParts.push(text);
    } else {
      paragraphs.push({ lines: [l.line], lead: text, items: [] });
    }
  }
  if (!sawTitle && meta.titleFromManifest) {
    report('info', 'title-from-manifest', meta.sourceFile, `the text has no title line; title from the manifest: ${meta.title}`);
  }
  if (paragraphs.length === 0) {
    if (titleParts.length > 0) report('warning', 'unattached-text', 'preamble', `heading without text: ${titleParts.join('')}`);
    return [];
  }
  const title = titleParts.join('') || '前言';
  const finished = paragraphs.map(finishParagraph);
  return [
    {
      id: /公告/.test(title) ? 'notice' : 'preamble',
      label: /公告/.test(title) ? '公告' : '前言',
      title,
      paragraphs: finished,
      text: finished.map((p) => p.text).join('\n'),
    },
  ];
}

function groupOccurrences(lines: Line[], report: Report): { occurrences: Occurrence[]; headings: string[] } {
  const occurrences: Occurrence[] = [];
  const headings = new Map<string, number>();
  let current: Occurrence | null = null;
  let chapter: string | null = null;
  let headingSinceLastArticle = false;
  let previous: ArticleId | null = null;

  for (const l of lines) {
    if (l.kind === 'structure') {
      if (l.level === '章') {
        chapter = l.heading;
        headingSinceLastArticle = true;
        if (!headings.has(l.heading)) headings.set(l.heading, chapterNumber(l.heading));
      }
      current = null;
      continue;
    }
    if (l.kind === 'article') {
      const no = { n: l.n, sub: l.sub };
      // A jump in numbering without a heading right before it means a heading may have been lost
      // in between (or a repeated block starts): the chapter in force is no longer certain.
      if (!headingSinceLastArticle && previous !== null && !follows(previous, no)) chapter = null;
      headingSinceLastArticle = false;
      previous = no;
      current = { no, key: articleKey(no), line: l.line, chapter, paragraphs: [] };
      if (l.body) current.paragraphs.push({ lines: [l.line], lead: l.body, items: [] });
      occurrences.push(current);
      continue;
    }
    if (current === null) {
      report('warning', 'unattached-text', `line ${l.line}`, `text outside any article, not indexed: ${l.text}`);
      continue;
    }
    if (l.kind === 'item') {
      let para = current.paragraphs.at(-1);
      if (!para) {
        para = { lines: [], lead: '', items: [] };
        current.paragraphs.push(para);
      }
      para.items.push({ number: l.number, text: l.text });
      para.lines.push(l.line);
    } else {
      current.paragraphs.push({ lines: [l.line], lead: l.text, items: [] });
    }
  }
  const ordered = [...headings.entries()].sort((a, b) => a[1] - b[1]).map(([h]) => h);
  return { occurrences, headings: ordered };
}

function chapterNumber(heading: string): number {
  const m = /^第(.+?)[编章节]/.exec(heading);
  return (m && parseNumeral(m[1]!)) ?? Number.MAX_SAFE_INTEGER;
}
