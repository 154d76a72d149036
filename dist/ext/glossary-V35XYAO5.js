import {
  stemWords,
  wordTokens
} from "./chunk-75ENKTQQ.js";

// indexer/glossary.ts
var CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
var MAX_PART = 8;
function buildGlossary(units, segment, senses) {
  const df = /* @__PURE__ */ new Map();
  const standalone = /* @__PURE__ */ new Set();
  for (const u of units) {
    const tokens = segment(u.text).map((t) => t.trim().toLowerCase());
    const words = new Set(wordTokens(segment, u.text).filter((w) => CJK_WORD.test(w)));
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    tokens.forEach((t, i) => {
      if (words.has(t) && !standalone.has(t) && !nestedAt(tokens, i)) standalone.add(t);
    });
  }
  const lookup = new GlossLookup(senses);
  const partsByTerm = /* @__PURE__ */ new Map();
  for (const term of standalone) partsByTerm.set(term, partsOf(term, lookup));
  for (const parts of [...partsByTerm.values()]) {
    for (const p of parts) if (df.has(p) && !partsByTerm.has(p)) partsByTerm.set(p, partsOf(p, lookup));
  }
  const terms = {};
  const glosses = {};
  const chars = {};
  for (const term of [...partsByTerm.keys()].sort()) {
    const parts = partsByTerm.get(term);
    const entry = { df: df.get(term) };
    if (parts.length !== 1 || parts[0] !== term) entry.parts = parts;
    terms[term] = entry;
    for (const word of [term, ...parts]) {
      if ([...word].length < 2 || word in glosses) continue;
      const g = lookup.glosses(word);
      if (g.length > 0) glosses[word] = g;
    }
    for (const ch of term) {
      if (ch in chars) continue;
      const g = lookup.glosses(ch);
      if (g.length > 0) chars[ch] = g;
    }
  }
  return { version: 1, units: units.length, terms, glosses, chars };
}
function nestedAt(tokens, i) {
  const t = tokens[i];
  for (let j = i + 1; j < Math.min(tokens.length, i + 30); j++) {
    const w = tokens[j];
    if (w.length > t.length && w.includes(t) && tokens.slice(i + 1, j).every((x) => w.includes(x))) return true;
  }
  return false;
}
function partsOf(term, lookup) {
  const chars = [...term];
  if (chars.length === 1) return [term];
  if (chars.length === 2) return lookup.glosses(term).length > 0 ? [term] : chars;
  const best = [];
  best[chars.length] = { cost: 0, next: chars.length };
  for (let start = chars.length - 1; start >= 0; start--) {
    let choice = { cost: Infinity, next: start + 1 };
    for (let end = Math.min(chars.length, start + MAX_PART); end > start; end--) {
      const len = end - start;
      if (len === chars.length) continue;
      if (len >= 2 && lookup.glosses(chars.slice(start, end).join("")).length === 0) continue;
      const cost = best[end].cost + 1;
      if (cost < choice.cost) choice = { cost, next: end };
    }
    best[start] = choice;
  }
  const parts = [];
  for (let start = 0; start < chars.length; start = best[start].next) parts.push(chars.slice(start, best[start].next).join(""));
  return parts;
}
var GlossLookup = class {
  constructor(senses) {
    this.senses = senses;
  }
  senses;
  cache = /* @__PURE__ */ new Map();
  glosses(word) {
    let out = this.cache.get(word);
    if (!out) {
      const senses = this.senses(word).map(
        (sense) => [...new Set(cleanSense(sense).split(";").map((variant) => [...new Set(stemWords(variant))].join(" ")))].filter((v) => v !== "").join(";")
      ).filter((sense) => sense !== "");
      out = [...new Set(senses)];
      this.cache.set(word, out);
    }
    return out;
  }
};
var POINTER_SENSE = /^(?:(?:old|archaic|ancient|japanese|korean|erhua|taiwan|non-standard)\s+)?(?:variant of|surname|see also|see|used in|also written|also pr\.|also called|classifier for)(?=\s|$)/i;
function cleanSense(sense) {
  if (POINTER_SENSE.test(sense.trim())) return "";
  return sense.replace(/CL:.*$/, " ").replace(/\[[^\]]*\]/g, " ").replace(/\([^)]*\)/g, " ").replace(/[^\x00-\x7f]+(?:\|[^\x00-\x7f]+)?/g, " ");
}
export {
  GlossLookup,
  buildGlossary,
  cleanSense,
  partsOf
};
