// Names of regulations in a question: full titles, aliases, place with kind (贵阳这部草案), the bare
// place name (贵阳 / 贵州).
import { escapeRegExp } from '../../../indexer/language/text.ts';

export interface RegulationName {
  id: string;
  title: string;
  aliases: readonly string[];
  jurisdiction: string;
}

const fold = (s: string) => s.toLowerCase().replace(/[\s()（）《》〈〉"“”'‘’]/g, '');
const latinWord = (alias: string) => /^[\x20-\x7e]+$/.test(alias);

// "These two regulations", "both statutes": in a corpus of two, a name for both of them.
const BOTH = /这两部(?:法规|条例|草案)?|两部(?:法规|条例)|这两个(?:法规|条例)|\b(?:both|the two) (?:regulations|statutes|laws|texts)\b/gi;

/**
 * Names of regulations: full titles, aliases, a place or level with the kind of document (贵阳这部草案,
 * 省里的条例), the bare place name (贵阳 / 贵州), and 这两部 for both of two. `named`: whether anything
 * but a bare place name named one (a place name alone may be just a place).
 */
export function findRegulations(text: string, regulations: readonly RegulationName[]): { ids: string[]; rest: string; named: boolean } {
  const found: { id: string; at: number }[] = [];
  let rest = text;
  if (regulations.length === 2) {
    rest = rest.replace(BOTH, (both, at: number) => {
      for (const r of regulations) found.push({ id: r.id, at });
      return ' '.repeat(both.length);
    });
  }
  // The text folded once for all the names looked for in it (most in vain), again only once one is found.
  let folded: string | null = null;
  const foldedRest = () => (folded ??= fold(rest));
  for (const { id, name, find } of namesOf(regulations)) {
    const at = find(rest, foldedRest);
    if (at < 0) continue;
    found.push({ id, at });
    rest = rest.slice(0, at) + ' '.repeat(name.length) + rest.slice(at + name.length);
    folded = null;
  }
  // A place or level with the kind of document (贵阳这部草案, 贵州的条例, 省里的条例) names it too.
  for (const { id, pattern } of kindNamesOf(regulations)) {
    rest = rest.replace(pattern, (name, at: number) => {
      found.push({ id, at });
      return ' '.repeat(name.length);
    });
  }
  const named = found.length > 0;
  // A place name alone (贵阳, 贵州省) names that place's regulation when only one regulation has it.
  for (const r of regulations) {
    const place = r.jurisdiction.replace(/[省市县区州]$/, '');
    if (place.length < 2 || found.some((f) => f.id === r.id)) continue;
    const sharing = regulations.filter((o) => o.jurisdiction.startsWith(place));
    const at = rest.indexOf(place);
    if (at >= 0 && sharing.length === 1) found.push({ id: r.id, at });
  }
  const ids = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.id))];
  return { ids, rest, named };
}

// How a citizen names the document itself. Not 规定: "有没有…的规定" asks whether any rule exists.
const KIND = '(?:条例|草案|法规|征求意见稿)';
// What may stand between a place and the kind: 这部, 的, 那个, 里的 (贵阳这部草案, 省里的那部条例).
const BETWEEN = '里?的?(?:[这那][部个份])?的?';

/**
 * Per regulation, a pattern for its place (贵阳, 贵阳市) or, when no other regulation shares its level,
 * the level alone (省里, 本省), followed by the kind of document.
 */
const kindNames = new WeakMap<readonly RegulationName[], { id: string; pattern: RegExp }[]>();
function kindNamesOf(regulations: readonly RegulationName[]): { id: string; pattern: RegExp }[] {
  let list = kindNames.get(regulations);
  if (!list) {
    const levelOf = (r: RegulationName) => /[省市县区州]$/.exec(r.jurisdiction)?.[0] ?? '';
    // Only a regulation with a place of its own (STARD's national laws have none) can be named so.
    list = regulations.flatMap((r) => {
      const level = levelOf(r);
      const place = level ? r.jurisdiction.slice(0, -1) : r.jurisdiction;
      if (place.length < 2) return [];
      const names = [`${escapeRegExp(place)}${level ? `${level}?` : ''}`];
      if (level && regulations.filter((o) => levelOf(o) === level).length === 1) names.push(`${level}里`, `本${level}`);
      return [{ id: r.id, pattern: new RegExp(`(?:${names.join('|')})${BETWEEN}${KIND}`, 'g') }];
    });
    kindNames.set(regulations, list);
  }
  return list;
}

interface Name {
  id: string;
  name: string;
  /** Where the name occurs in a text (given also folded), or -1. */
  find: (text: string, folded: () => string) => number;
}

/** Every title and alias, longest first, each with its matcher: worked out once per regulation list. */
const names = new WeakMap<readonly RegulationName[], Name[]>();
function namesOf(regulations: readonly RegulationName[]): Name[] {
  let list = names.get(regulations);
  if (!list) {
    list = regulations
      .flatMap((r) => [r.title, ...r.aliases].map((name) => ({ id: r.id, name, find: nameFinder(name) })))
      .sort((a, b) => b.name.length - a.name.length);
    names.set(regulations, list);
  }
  return list;
}

function nameFinder(name: string): Name['find'] {
  if (latinWord(name)) {
    const pattern = new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i');
    return (text) => pattern.exec(text)?.index ?? -1;
  }
  // Titles are written with or without brackets and parentheses: compare folded, map back roughly.
  const folded = fold(name);
  return (text, foldedText) => {
    const direct = text.indexOf(name);
    if (direct >= 0) return direct;
    return folded.length >= 4 && foldedText().includes(folded) ? text.indexOf(name.slice(0, 2)) : -1;
  };
}

