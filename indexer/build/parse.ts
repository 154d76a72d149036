// Classified lines → one repaired Regulation plus a report of every repair and every defect left.
// Pure: the same text and metadata always give the same result.
import { classifyLines, type Line } from './lines.ts';
import type { LintIssue, Severity, LintCode } from './lint.ts';
import { articleLabel, parseNumeral } from '../statute/numerals.ts';
import { articleKey, type Article, type ArticleId, type Item, type Paragraph, type Regulation, type Section } from '../statute/model.ts';

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

interface RawParagraph {
  lines: number[];
  lead: string;
  items: Item[];
}

interface Occurrence {
  no: ArticleId;
  key: string;
  line: number;
  /** The chapter this copy sits under, when the source makes that certain. */
  chapter: string | null;
  paragraphs: RawParagraph[];
}

// Sentence-final marks; a paragraph ending in anything else was cut mid-sentence.
const TERMINAL = /[。；;：:！!？?…”’」』》）)]$/;
/** Orphans shorter than this could be a legitimately shared closing phrase. */
const ORPHAN_MIN_CHARS = 20;
const ORPHAN_MIN_SHARE = 0.8;
/** Debris starts mid-sentence: its first sentence is only the dangling end of one (设施。). */
const ORPHAN_MAX_HEAD = 8;

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

type Report = (severity: Severity, code: LintCode, where: string, message: string) => void;

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

/** Whether `next` is the article one expects right after `prev` (第十条, 第十条之一, 第十一条). */
function follows(prev: ArticleId, next: ArticleId): boolean {
  return (next.n === prev.n && next.sub === prev.sub + 1) || (next.n === prev.n + 1 && next.sub === 0);
}

const lineRange = (lines: number[]) => {
  const lo = Math.min(...lines);
  const hi = Math.max(...lines);
  return lo === hi ? `line ${lo}` : `lines ${lo}–${hi}`;
};

export interface Rejoin {
  key: string;
  label: string;
  lines: number[];
  tail: string;
  head: string;
}

/** A paragraph that stops mid-sentence continues in the next one: 信创等产业, / 加大基础软件… */
export function rejoinBrokenParagraphs(occ: Occurrence): Rejoin[] {
  const repairs: Rejoin[] = [];
  const out: RawParagraph[] = [];
  for (const para of occ.paragraphs) {
    const prev = out.at(-1);
    if (prev && prev.items.length === 0 && prev.lead !== '' && !TERMINAL.test(prev.lead) && para.lead !== '') {
      repairs.push({
        key: occ.key,
        label: articleLabel(occ.no.n, occ.no.sub),
        lines: [...prev.lines, ...para.lines],
        tail: prev.lead.slice(-8),
        head: para.lead.slice(0, 8),
      });
      prev.lead += para.lead;
      prev.lines.push(...para.lines);
      prev.items.push(...para.items);
    } else {
      out.push(para);
    }
  }
  occ.paragraphs = out;
  return repairs;
}

/** The same break repeated in several copies of a block is one defect, reported once. */
function reportRejoins(repairs: Rejoin[], report: Report): void {
  const byBreak = new Map<string, Rejoin[]>();
  for (const r of repairs) {
    const id = `${r.key}|${r.tail}|${r.head}`;
    byBreak.set(id, [...(byBreak.get(id) ?? []), r]);
  }
  for (const copies of byBreak.values()) {
    const r = copies[0]!;
    report(
      'repaired',
      'broken-paragraph',
      r.label,
      `rejoined a sentence broken across paragraphs: “…${r.tail}” + “${r.head}…” (${copies.map((c) => lineRange(c.lines)).join(', ')})`,
    );
  }
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * A stray paragraph that starts mid-sentence and repeats the tail of a paragraph of another article
 * (设施建设。支持建设底层技术平台… after 第四条) is debris of a broken copy. Both conditions matter:
 * statutes legitimately end several articles with the same long phrase (单位犯前款罪的，对单位判处罚金…). Gluing it onto its neighbour would put words into the wrong
 * article, so it is dropped and reported with its text.
 */
export function dropOrphanFragments(occurrences: Occurrence[], report: Report): void {
  for (const occ of occurrences) {
    occ.paragraphs = occ.paragraphs.filter((para, index) => {
      if (index === 0 || para.items.length > 0) return true;
      const p = para.lead;
      const firstStop = p.search(/[。；;]/);
      if (p.length < ORPHAN_MIN_CHARS || firstStop < 0 || firstStop >= ORPHAN_MAX_HEAD) return true;
      for (const other of occurrences) {
        if (other.key === occ.key) continue;
        for (const q of other.paragraphs) {
          const shared = commonSuffixLength(p, q.lead);
          if (q.lead !== p && q.lead.length > shared && shared >= ORPHAN_MIN_CHARS && shared >= ORPHAN_MIN_SHARE * p.length) {
            report(
              'repaired',
              'orphan-fragment',
              lineRange(para.lines),
              `dropped a fragment found after ${articleLabel(occ.no.n, occ.no.sub)} that repeats the end of ${articleLabel(other.no.n, other.no.sub)}: ${p}`,
            );
            return false;
          }
        }
      }
      return true;
    });
  }
}

const occurrenceText = (occ: Occurrence) => occ.paragraphs.map((p) => finishParagraph(p, 0).text).join('\n');

/** Runs of articles that appear again after their first copy, reported as blocks rather than one by one. */
function reportRepeatedBlocks(occurrences: Occurrence[], report: Report): void {
  const firstText = new Map<string, string>();
  let run: Occurrence[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run.at(-1)!;
    const identical = run.every((o) => firstText.get(o.key) === occurrenceText(o));
    report(
      'repaired',
      'duplicate-block',
      `lines ${first.line}–${last.paragraphs.at(-1)?.lines.at(-1) ?? last.line}`,
      `${articleLabel(first.no.n, first.no.sub)}–${articleLabel(last.no.n, last.no.sub)} (${run.length} articles) repeat earlier text${identical ? '; identical copies collapsed' : '; some copies differ (see text-conflict)'}`,
    );
    run = [];
  };
  for (const occ of occurrences) {
    const last = run.at(-1);
    // Numbering that runs backwards starts a new copy of the block.
    if (last && (occ.no.n < last.no.n || (occ.no.n === last.no.n && occ.no.sub <= last.no.sub))) flush();
    if (firstText.has(occ.key)) run.push(occ);
    else {
      flush();
      firstText.set(occ.key, occurrenceText(occ));
    }
  }
  flush();
}

function mergeOccurrences(occurrences: Occurrence[], report: Report): Article[] {
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

function reportMissingNumbers(articles: Article[], report: Report): void {
  const present = new Set(articles.filter((a) => a.no.sub === 0).map((a) => a.no.n));
  const max = Math.max(0, ...present);
  const missing: { no: ArticleId }[] = [];
  for (let n = 1; n <= max; n++) if (!present.has(n)) missing.push({ no: { n, sub: 0 } });
  for (const run of groupRuns(missing, () => '')) {
    report('warning', 'missing-articles', rangeLabel(run.map((m) => m.no)), `article numbers missing from the text (${run.length}); not invented`);
  }
}

function finishParagraph(raw: RawParagraph, index: number): Paragraph {
  const text = [raw.lead, ...raw.items.map((i) => i.text)].filter((t) => t !== '').join('\n');
  return { number: index + 1, text, items: raw.items };
}
