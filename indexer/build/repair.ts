// Repairs of a statute's occurrences before they are merged: sentences broken across paragraphs
// rejoined, debris of broken copies dropped, repeated blocks reported. Each repair is reported.
import { articleLabel } from '../statute/numerals.ts';
import { lineRange, occurrenceText, type Occurrence, type RawParagraph, type Report } from './occurrence.ts';

// Sentence-final marks; a paragraph ending in anything else was cut mid-sentence.
const TERMINAL = /[。；;：:！!？?…”’」』》）)]$/;
/** Orphans shorter than this could be a legitimately shared closing phrase. */
const ORPHAN_MIN_CHARS = 20;
const ORPHAN_MIN_SHARE = 0.8;
/** Debris starts mid-sentence: its first sentence is only the dangling end of one (设施。). */
const ORPHAN_MAX_HEAD = 8;

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
export function reportRejoins(repairs: Rejoin[], report: Report): void {
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

/** Runs of articles that appear again after their first copy, reported as blocks rather than one by one. */
export function reportRepeatedBlocks(occurrences: Occurrence[], report: Report): void {
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
