import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// indexer/stopwords.ts
var ZH = `\u7684 \u5730 \u5F97 \u4E86 \u7740 \u8FC7 \u4E4B \u5176 \u4E0E \u548C \u53CA \u4EE5\u53CA \u6216 \u6216\u8005 \u5E76 \u5E76\u4E14 \u800C \u800C\u4E14 \u7B49 \u7B49\u7B49 \u5728 \u5BF9 \u5BF9\u4E8E \u4ECE \u5411 \u4E8E \u7531 \u628A \u88AB \u4E3A \u4E3A\u4E86
\u5C06 \u5C31 \u90FD \u4E5F \u8FD8 \u53C8 \u518D \u624D \u5DF2 \u5DF2\u7ECF \u8FD9 \u90A3 \u8FD9\u4E2A \u90A3\u4E2A \u8FD9\u4E9B \u90A3\u4E9B \u6B64 \u8BE5 \u5404 \u6BCF \u4E2A \u4E9B \u662F \u6709 \u6CA1\u6709 \u8981 \u4F1A \u80FD \u53EF \u5417 \u5462 \u5427 \u554A \u5440 \u4E48 \u561B
\u8C01 \u4EC0\u4E48 \u600E\u4E48 \u600E\u6837 \u600E\u4E48\u6837 \u5982\u4F55 \u54EA \u54EA\u4E9B \u54EA\u4E2A \u54EA\u91CC \u591A\u5C11 \u51E0 \u4E3A\u4EC0\u4E48 \u662F\u5426 \u662F\u4E0D\u662F \u6709\u6CA1\u6709 \u80FD\u5426 \u53EF\u5426 \u8BF7\u95EE \u8BF7 \u4E00\u4E0B \u6211 \u6211\u4EEC \u4F60 \u4F60\u4EEC
\u4ED6 \u5979 \u5B83 \u4ED6\u4EEC \u5979\u4EEC \u5B83\u4EEC \u81EA\u5DF1 \u60F3 \u77E5\u9053 \u95EE \u5173\u4E8E \u76F8\u5173 \u65B9\u9762 \u60C5\u51B5 \u89C4\u5B9A \u6761\u4F8B \u672C\u6761\u4F8B \u6CD5\u89C4 \u54EA\u6761 \u4E00\u4E2A
\u8349\u6848 \u5F81\u6C42\u610F\u89C1\u7A3F \u8FD9\u90E8 \u90A3\u8FB9 \u8FD9\u8FB9 \u90A3\u91CC \u8FD9\u91CC \u90A3\u513F \u8FD9\u513F \u8BF4 \u8BB2 \u5199 \u63D0 \u8BF4\u6CD5 \u8FDB\u884C \u65F6\u5019 \u4EC0\u4E48\u65F6\u5019 \u4F55\u65F6 \u591A\u4E45 \u5230\u5E95 \u4F1A\u4E0D\u4F1A \u53EF\u4E0D\u53EF\u4EE5 \u80FD\u4E0D\u80FD \u8981\u4E0D\u8981 \u505A \u5E72 \u5565 \u548B \u54EA\u513F \u91CC \u53C8 \u610F\u601D \u6307 \u5462 \u5417`;
var EN = `a an the of to in on at by for from with about as is are was were be been being do does did can could
should would will shall may might must has have had what who whom whose which when where why how that this these those
there their it its i me my we our you your he she they them if or and not no any some such than then so into out up over
under per please tell say says regulation regulations law laws article articles rule rules`;
var STOPWORDS = new Set([...ZH.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));
var MODALITY_WORDS = /* @__PURE__ */ new Set(["\u5E94\u5F53", "\u5FC5\u987B", "\u4E0D\u5F97", "\u53EF\u4EE5", "\u8D1F\u8D23", "\u9F13\u52B1", "\u652F\u6301", "\u5E94"]);

// indexer/tokens.ts
var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
var CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
var WORDLIKE = /[\p{L}\p{N}]/u;
function wordTokens(segment, text, keepStopwords = false) {
  const out = [];
  for (const raw of segment(text)) {
    const w = raw.trim().toLowerCase();
    if (w === "" || !WORDLIKE.test(w)) continue;
    if (!keepStopwords && STOPWORDS.has(w)) continue;
    if (!CJK.test(w) && w.length < 2 && !/\d/.test(w)) continue;
    out.push(w);
  }
  return out;
}
function bigramTokens(text) {
  const out = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

// node_modules/stemmer/index.js
var step2list = {
  ational: "ate",
  tional: "tion",
  enci: "ence",
  anci: "ance",
  izer: "ize",
  bli: "ble",
  alli: "al",
  entli: "ent",
  eli: "e",
  ousli: "ous",
  ization: "ize",
  ation: "ate",
  ator: "ate",
  alism: "al",
  iveness: "ive",
  fulness: "ful",
  ousness: "ous",
  aliti: "al",
  iviti: "ive",
  biliti: "ble",
  logi: "log"
};
var step3list = {
  icate: "ic",
  ative: "",
  alize: "al",
  iciti: "ic",
  ical: "ic",
  ful: "",
  ness: ""
};
var consonant = "[^aeiou]";
var vowel = "[aeiouy]";
var consonants = "(" + consonant + "[^aeiouy]*)";
var vowels = "(" + vowel + "[aeiou]*)";
var gt0 = new RegExp("^" + consonants + "?" + vowels + consonants);
var eq1 = new RegExp(
  "^" + consonants + "?" + vowels + consonants + vowels + "?$"
);
var gt1 = new RegExp("^" + consonants + "?(" + vowels + consonants + "){2,}");
var vowelInStem = new RegExp("^" + consonants + "?" + vowel);
var consonantLike = new RegExp("^" + consonants + vowel + "[^aeiouwxy]$");
var sfxLl = /ll$/;
var sfxE = /^(.+?)e$/;
var sfxY = /^(.+?)y$/;
var sfxIon = /^(.+?(s|t))(ion)$/;
var sfxEdOrIng = /^(.+?)(ed|ing)$/;
var sfxAtOrBlOrIz = /(at|bl|iz)$/;
var sfxEED = /^(.+?)eed$/;
var sfxS = /^.+?[^s]s$/;
var sfxSsesOrIes = /^.+?(ss|i)es$/;
var sfxMultiConsonantLike = /([^aeiouylsz])\1$/;
var step2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
var step3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
var step4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
function stemmer(value) {
  let result = String(value).toLowerCase();
  if (result.length < 3) {
    return result;
  }
  let firstCharacterWasLowerCaseY = false;
  if (result.codePointAt(0) === 121) {
    firstCharacterWasLowerCaseY = true;
    result = "Y" + result.slice(1);
  }
  if (sfxSsesOrIes.test(result)) {
    result = result.slice(0, -2);
  } else if (sfxS.test(result)) {
    result = result.slice(0, -1);
  }
  let match2;
  if (match2 = sfxEED.exec(result)) {
    if (gt0.test(match2[1])) {
      result = result.slice(0, -1);
    }
  } else if ((match2 = sfxEdOrIng.exec(result)) && vowelInStem.test(match2[1])) {
    result = match2[1];
    if (sfxAtOrBlOrIz.test(result)) {
      result += "e";
    } else if (sfxMultiConsonantLike.test(result)) {
      result = result.slice(0, -1);
    } else if (consonantLike.test(result)) {
      result += "e";
    }
  }
  if ((match2 = sfxY.exec(result)) && vowelInStem.test(match2[1])) {
    result = match2[1] + "i";
  }
  if ((match2 = step2.exec(result)) && gt0.test(match2[1])) {
    result = match2[1] + step2list[match2[2]];
  }
  if ((match2 = step3.exec(result)) && gt0.test(match2[1])) {
    result = match2[1] + step3list[match2[2]];
  }
  if (match2 = step4.exec(result)) {
    if (gt1.test(match2[1])) {
      result = match2[1];
    }
  } else if ((match2 = sfxIon.exec(result)) && gt1.test(match2[1])) {
    result = match2[1];
  }
  if ((match2 = sfxE.exec(result)) && (gt1.test(match2[1]) || eq1.test(match2[1]) && !consonantLike.test(match2[1]))) {
    result = match2[1];
  }
  if (sfxLl.test(result) && gt1.test(result)) {
    result = result.slice(0, -1);
  }
  if (firstCharacterWasLowerCaseY) {
    result = "y" + result.slice(1);
  }
  return result;
}

// server/core/english.ts
var EN_STOPWORDS = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves shall may might must let us etc sth sb esp lit fig abbr one
oneself someone something somebody anything used also pr tw cl ie eg via per kind sort`;
var QUESTION_STOPWORDS = `who what which whose whom must should does did do doing done please tell explain describe
say says said according regulation regulations article articles law laws rule rules provision provisions clause clauses
paragraph paragraphs chapter chapters statute statutes text mention mentions mentioned stipulate stipulates
stipulated anyone anybody someone somebody thing things way ways kind kinds there here`;
var STOP = new Set(EN_STOPWORDS.split(/\s+/).filter(Boolean));
var QUESTION_STOP = /* @__PURE__ */ new Set([...STOP, ...QUESTION_STOPWORDS.split(/\s+/).filter(Boolean)]);
var WORD = /[a-z]+/g;
function stemWords(text) {
  const out = [];
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stemmer(w));
  }
  return out;
}
var WORD_MATCH = 1;
var CHAR_MATCH = 0.6;
var SINGLE_CHAR_TERM = 0.6;
var PREFIX_MATCH = 0.7;
var SENSE_DECAY = 1;
var VARIANT_DECAY = 0.25;
var CHAR_SENSE_DECAY = 0.25;
var MULTI_BONUS = 0.5;
var BONUS_MIN_COVER = 0.25;
var POPULARITY = 0.15;
var ALTERNATES_PER_WORD = 2;
var ALTERNATE_WEIGHT = 0.5;
var MIN_SCORE = 0.3;
function bridgeEnglish(question, glossary, max = 8) {
  const { words, candidates } = candidatesFor(question, glossary);
  if (words.length === 0 || max <= 0) return { terms: [], covered: [], uncovered: words.map((w) => w.word) };
  const allWords = words.map((_, i) => i);
  const picked = /* @__PURE__ */ new Map();
  const covered = /* @__PURE__ */ new Set();
  while (picked.size < max) {
    const open = allWords.filter((i) => !covered.has(i));
    if (open.length === 0) break;
    let best = null;
    for (const c of candidates) {
      if (picked.has(c.term)) continue;
      const gain = gainOf(c, open);
      if (gain >= MIN_SCORE && (!best || better(gain, c, best.gain, best.c))) best = { c, gain };
    }
    if (!best) break;
    picked.set(best.c.term, best.gain);
    for (const i of open) if ((best.c.cov[i] ?? 0) > 0) covered.add(i);
  }
  const weights = new Map(picked);
  for (const i of covered) {
    const ranked2 = candidates.filter((c) => (c.cov[i] ?? 0) > 0 && !picked.has(c.term)).map((c) => ({ c, score: gainOf(c, allWords) })).filter((x) => x.score >= MIN_SCORE).sort((a, b) => better(a.score, a.c, b.score, b.c) ? -1 : 1).slice(0, ALTERNATES_PER_WORD);
    for (const { c, score } of ranked2) {
      weights.set(c.term, Math.max(weights.get(c.term) ?? 0, ALTERNATE_WEIGHT * score));
    }
  }
  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  const top = ranked[0]?.[1] ?? 1;
  const terms = ranked.map(([term, w]) => ({ term, weight: round(w / top) }));
  const kept = candidates.filter((c) => terms.some((t) => t.term === c.term));
  const coveredWords = words.filter((_, i) => kept.some((c) => (c.cov[i] ?? 0) > 0)).map((w) => w.word);
  return { terms, covered: coveredWords, uncovered: words.map((w) => w.word).filter((w) => !coveredWords.includes(w)) };
}
function candidatesFor(question, glossary) {
  const words = questionWords(question);
  if (words.length === 0) return { words, candidates: [] };
  const index = indexOf(glossary);
  const stems = words.map((w) => w.stem);
  if (words.some((w) => AGENT.test(w.word))) stems.push("person");
  const hits = stemHits(stems, index.stems);
  const matcher = new Matcher(index, hits);
  const reachable = [...new Set([...hits.keys()].flatMap((s) => index.termsByStem.get(s) ?? []))].sort((a, b) => a - b);
  const candidates = [];
  for (const i of reachable) {
    const c = scoreTerm(index.terms[i], matcher, stems.length);
    if (c) candidates.push(c);
  }
  return { words, candidates };
}
var AGENT = /^(?:[a-z]{3,}(?:ists?|ians?|ators?)|officers?|officials?|managers?|providers?|holders?|workers?|directors?|supervisors?|inspectors?|investors?|members?|commissioners?|representatives?|employees?|leaders?|personnel|staff)$/;
function questionWords(question) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const w of question.toLowerCase().match(WORD) ?? []) {
    if (w.length < 2 || QUESTION_STOP.has(w)) continue;
    const stem = stemmer(w);
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push({ word: w, stem });
  }
  return out;
}
function stemsMatch(a, b) {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && short.length >= 0.7 * long.length && long.startsWith(short);
}
var bucketOf = (stem) => stem.slice(0, 5);
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(glossary) {
  let index = indexes.get(glossary);
  if (!index) {
    const stems = /* @__PURE__ */ new Set();
    const parse = (record, senseDecay) => {
      const out = /* @__PURE__ */ new Map();
      for (const [word, senses] of Object.entries(record)) {
        const parsed = senses.flatMap(
          (sense, k) => sense.split(";").map((variant, j) => ({ stems: variant.split(" ").filter(Boolean), rank: 1 / (1 + senseDecay * k + VARIANT_DECAY * j) }))
        );
        for (const m of parsed) for (const s of m.stems) stems.add(s);
        out.set(word, parsed);
      }
      return out;
    };
    const terms = Object.entries(glossary.terms).map(([term, t]) => ({ term, df: t.df, parts: t.parts ?? [term] }));
    const glosses = parse(glossary.glosses, SENSE_DECAY);
    const chars = parse(glossary.chars, CHAR_SENSE_DECAY);
    const buckets = /* @__PURE__ */ new Map();
    for (const stem of stems) buckets.set(bucketOf(stem), [...buckets.get(bucketOf(stem)) ?? [], stem]);
    index = { terms, termsByStem: termsByStem(terms, glosses, chars), glosses, chars, stems: buckets };
    indexes.set(glossary, index);
  }
  return index;
}
function termsByStem(terms, glosses, chars) {
  const out = /* @__PURE__ */ new Map();
  terms.forEach((t, i) => {
    const sources = [glosses.get(t.term), ...t.parts.map((p) => glosses.get(p)), ...t.parts.flatMap((p) => [...p]).map((ch) => chars.get(ch))];
    const seen = /* @__PURE__ */ new Set();
    for (const meanings of sources) for (const m of meanings ?? []) for (const s of m.stems) seen.add(s);
    for (const s of seen) out.set(s, [...out.get(s) ?? [], i]);
  });
  return out;
}
var DERIVATION = /^(?:ist|ism|ian|al|ic|or|er|ment|ship)$/;
function matchQuality(a, b) {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return DERIVATION.test(long.slice(short.length)) ? 1 : PREFIX_MATCH;
}
function stemHits(questionStems, glossStems) {
  const out = /* @__PURE__ */ new Map();
  questionStems.forEach((q, word) => {
    for (const g of glossStems.get(bucketOf(q)) ?? []) {
      if (stemsMatch(q, g)) out.set(g, [...out.get(g) ?? [], { word, quality: matchQuality(q, g) }]);
    }
  });
  return out;
}
var NO_MATCH = { credit: 0, covers: [] };
function match(meanings, hits) {
  if (!meanings) return NO_MATCH;
  let credit = 0;
  const covers = /* @__PURE__ */ new Map();
  for (const { stems, rank } of meanings) {
    let best = null;
    let matched = 0;
    for (const s of stems) {
      const h = hits.get(s);
      if (!h) continue;
      best ??= /* @__PURE__ */ new Map();
      let q = 0;
      for (const { word, quality } of h) {
        best.set(word, Math.max(best.get(word) ?? 0, quality));
        q = Math.max(q, quality);
      }
      matched += q;
    }
    if (!best) continue;
    const share = matched / stems.length;
    credit = Math.max(credit, share);
    for (const [word, quality] of best) covers.set(word, Math.max(covers.get(word) ?? 0, quality * rank * Math.sqrt(share)));
  }
  return credit === 0 ? NO_MATCH : { credit, covers: [...covers] };
}
var Matcher = class {
  constructor(index, hits) {
    this.index = index;
    this.hits = hits;
  }
  index;
  hits;
  words = /* @__PURE__ */ new Map();
  chars = /* @__PURE__ */ new Map();
  word(w) {
    let m = this.words.get(w);
    if (!m) this.words.set(w, m = match(this.index.glosses.get(w), this.hits));
    return m;
  }
  char(c) {
    let m = this.chars.get(c);
    if (!m) this.chars.set(c, m = match(this.index.chars.get(c), this.hits));
    return m;
  }
};
function apply(m, level, cov) {
  for (const [word, v] of m.covers) cov[word] = Math.max(cov[word], level * v);
  return m.credit;
}
function scoreTerm(entry, matcher, n) {
  const { term, parts } = entry;
  const single = [...term].length === 1;
  const wordCov = new Array(n).fill(0);
  const charCov = new Array(n).fill(0);
  const whole = parts.length > 1 ? apply(matcher.word(term), WORD_MATCH, wordCov) : 0;
  const credit = [];
  const charCredit = [];
  let positions = 0;
  for (const part of parts) {
    const chars = [...part];
    const word = chars.length >= 2 ? apply(matcher.word(part), WORD_MATCH, wordCov) : 0;
    let charsHit = 0;
    for (const ch of chars) {
      const hit = apply(matcher.char(ch), single ? SINGLE_CHAR_TERM : CHAR_MATCH, charCov) > 0;
      if (hit) charsHit++;
      if (hit || word > 0) positions++;
    }
    credit.push(word);
    charCredit.push(charsHit / chars.length);
  }
  const charsCount = single || positions >= 2;
  const cov = wordCov.map((w, i) => Math.max(w, charsCount ? charCov[i] : 0));
  if (!cov.some((c) => c > 0)) return null;
  const parted = parts.reduce((sum, _, p) => sum + Math.max(credit[p], charsCount ? charCredit[p] : 0), 0) / parts.length;
  const fit = parts.length === 1 ? 1 : Math.max(parted, whole);
  if (fit === 0) return null;
  return { term, cov, factor: entry.df ** POPULARITY * fit * fit };
}
function gainOf(c, stems) {
  let sum = 0;
  let k = 0;
  for (const i of stems) {
    const v = c.cov[i] ?? 0;
    sum += v;
    if (v >= BONUS_MIN_COVER) k++;
  }
  if (sum === 0) return 0;
  return c.factor * sum * (1 + MULTI_BONUS * Math.max(0, k - 1));
}
function better(score, c, otherScore, other) {
  if (Math.abs(score - otherScore) > 1e-9) return score > otherScore;
  if (c.term.length !== other.term.length) return c.term.length < other.term.length;
  return c.term < other.term;
}
function round(x) {
  return Math.round(x * 1e3) / 1e3;
}

export {
  MODALITY_WORDS,
  wordTokens,
  bigramTokens,
  stemWords,
  bridgeEnglish
};
