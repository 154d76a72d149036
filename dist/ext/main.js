import {
  MODALITY_WORDS,
  bigramTokens,
  bridgeEnglish,
  wordTokens
} from "./chunk-75ENKTQQ.js";

// indexer/build.ts
import { createHash as createHash3 } from "node:crypto";
import { join as join3 } from "node:path";

// indexer/config.ts
import { z } from "zod";
var SCHEMA_VERSION = 3;
var DEFAULT_MODEL_ID = "Xenova/bge-small-zh-v1.5";
var BGE_ZH_QUERY_INSTRUCTION = "\u4E3A\u8FD9\u4E2A\u53E5\u5B50\u751F\u6210\u8868\u793A\u4EE5\u7528\u4E8E\u68C0\u7D22\u76F8\u5173\u6587\u7AE0\uFF1A";
var flag = z.enum(["0", "1", "true", "false", "yes", "no", ""]).transform((v) => v === "1" || v === "true" || v === "yes");
var EnvSchema = z.object({
  CORPUS_DIR: z.string().min(1).default("corpus"),
  INDEX_DIR: z.string().min(1).default("index"),
  REGQA_CACHE_DIR: z.string().min(1).default("node_modules/.cache/regqa"),
  REGQA_MODEL: z.string().min(1).default(DEFAULT_MODEL_ID),
  REGQA_MODEL_DIR: z.string().min(1).optional(),
  REGQA_OFFLINE: flag.optional(),
  REGQA_QUANTIZED: flag.default(true),
  REGQA_POOLING: z.enum(["mean", "cls"]).optional(),
  REGQA_QUERY_INSTRUCTION: z.string().optional(),
  REGQA_EMBED_BATCH: z.coerce.number().int().min(1).max(1024).default(32),
  REGQA_HNSW_M: z.coerce.number().int().min(4).max(128).default(16),
  REGQA_HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(8).max(2e3).default(200),
  REGQA_HNSW_EF_SEARCH: z.coerce.number().int().min(8).max(2e3).default(128)
});
function indexConfigFromEnv(env = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`invalid configuration ${first?.path.join(".")}: ${first?.message}`);
  }
  const e = parsed.data;
  const isBge = /bge/i.test(e.REGQA_MODEL);
  const model = e.REGQA_MODEL === "none" ? null : {
    id: e.REGQA_MODEL,
    dir: e.REGQA_MODEL_DIR ?? null,
    // A local folder without an explicit choice means "use only this folder".
    offline: e.REGQA_OFFLINE ?? e.REGQA_MODEL_DIR !== void 0,
    quantized: e.REGQA_QUANTIZED,
    // bge is trained with the [CLS] vector; sentence-transformers models with mean pooling.
    pooling: e.REGQA_POOLING ?? (isBge ? "cls" : "mean"),
    queryInstruction: e.REGQA_QUERY_INSTRUCTION ?? (isBge && /zh/i.test(e.REGQA_MODEL) ? BGE_ZH_QUERY_INSTRUCTION : ""),
    batchSize: e.REGQA_EMBED_BATCH
  };
  return {
    corpusDir: e.CORPUS_DIR,
    outDir: e.INDEX_DIR,
    model,
    hnsw: { M: e.REGQA_HNSW_M, efConstruction: e.REGQA_HNSW_EF_CONSTRUCTION, efSearch: e.REGQA_HNSW_EF_SEARCH },
    cacheDir: e.REGQA_CACHE_DIR === "none" ? null : e.REGQA_CACHE_DIR
  };
}

// indexer/corpus.ts
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { z as z2 } from "zod";

// indexer/numerals.ts
var DIGITS = {
  \u96F6: 0,
  "\u3007": 0,
  \u4E00: 1,
  \u4E8C: 2,
  \u4E24: 2,
  \u4E09: 3,
  \u56DB: 4,
  \u4E94: 5,
  \u516D: 6,
  \u4E03: 7,
  \u516B: 8,
  \u4E5D: 9
};
var UNITS = { \u5341: 10, \u767E: 100, \u5343: 1e3 };
var DIGIT_CHARS = ["\u96F6", "\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D"];
var NUMERAL_CLASS = "\u96F6\u3007\u4E00\u4E8C\u4E24\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341\u767E\u53430-9\uFF10-\uFF19";
function parseNumeral(text) {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 65248));
  if (/^\d{1,4}$/.test(ascii)) return Number(ascii) > 0 ? Number(ascii) : null;
  if (ascii.length === 0 || ascii.length > 12) return null;
  let total = 0;
  let pending = null;
  let lastUnit = Infinity;
  for (const ch of ascii) {
    const digit = DIGITS[ch];
    if (digit !== void 0) {
      if (pending !== null && pending !== 0) return null;
      pending = digit;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === void 0 || unit >= lastUnit) return null;
    const multiplier = pending ?? (total === 0 && unit === 10 ? 1 : null);
    if (multiplier === null || multiplier === 0) return null;
    total += multiplier * unit;
    lastUnit = unit;
    pending = null;
  }
  if (pending !== null) {
    total += pending;
  }
  return total > 0 ? total : null;
}
function formatNumeral(n) {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) throw new RangeError(`numeral out of range: ${n}`);
  const parts = [];
  const places = [1e3, 100, 10, 1];
  const names = ["\u5343", "\u767E", "\u5341", ""];
  let zeroPending = false;
  places.forEach((place, i) => {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      if (parts.length > 0) zeroPending = true;
      return;
    }
    if (zeroPending) parts.push("\u96F6");
    zeroPending = false;
    const digit = place === 10 && d === 1 && parts.length === 0 ? "" : DIGIT_CHARS[d];
    parts.push(digit + names[i]);
  });
  return parts.join("");
}
function articleLabel(n, sub = 0) {
  return `\u7B2C${formatNumeral(n)}\u6761${sub > 0 ? `\u4E4B${formatNumeral(sub)}` : ""}`;
}
function paragraphLabel(n) {
  return `\u7B2C${formatNumeral(n)}\u6B3E`;
}

// indexer/lines.ts
var ARTIFACT = /\[bookmark:[^\]]*\]/g;
var PAD = /[\s\u3000\u00a0]+/g;
var STRUCTURE = new RegExp(`^\u7B2C([${NUMERAL_CLASS}]+)(\u7F16|\u7AE0|\u8282)(?:[\\s\\u3000]+(.*)|$)`);
var ARTICLE = new RegExp(
  `^\u7B2C([${NUMERAL_CLASS}]+)\u6761(?:\u4E4B([${NUMERAL_CLASS}]+))?(?:[\\s\\u3000]+(.*)|$)`
);
var ITEM = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$/;
function cleanLine(raw) {
  const artifacts = raw.match(ARTIFACT) ?? [];
  let text = raw.replace(ARTIFACT, "").replace(/\*\*/g, "");
  const heading = /^\s*#{1,6}\s+/.test(text);
  text = text.replace(/^\s*#{1,6}\s+/, "");
  text = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
  return { text, markdownHeading: heading, artifacts };
}
function unpad(text) {
  return text.replace(PAD, "");
}
function tidyBody(text) {
  return text.replace(PAD, " ").trim();
}
function classifyLines(source) {
  const lines = [];
  const artifacts = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const cleaned = cleanLine(raw);
    for (const removed of cleaned.artifacts) artifacts.push({ line, removed });
    const text = cleaned.text;
    if (text === "") return;
    const structure = STRUCTURE.exec(text);
    if (structure && (structure[3] ?? "").length <= 30) {
      const n = parseNumeral(structure[1]);
      if (n !== null) {
        const title = unpad(structure[3] ?? "");
        const level = structure[2];
        lines.push({ kind: "structure", line, level, heading: `\u7B2C${unpad(structure[1])}${level}${title ? ` ${title}` : ""}` });
        return;
      }
    }
    const article = ARTICLE.exec(text);
    if (article) {
      const n = parseNumeral(article[1]);
      const sub = article[2] === void 0 ? 0 : parseNumeral(article[2]);
      if (n !== null && sub !== null) {
        lines.push({ kind: "article", line, n, sub, body: tidyBody(article[3] ?? "") });
        return;
      }
    }
    const item = ITEM.exec(text);
    if (item) {
      const number = parseNumeral(item[1]);
      if (number !== null) {
        lines.push({ kind: "item", line, number, text: tidyBody(text) });
        return;
      }
    }
    lines.push({ kind: "text", line, text: tidyBody(text), markdownHeading: cleaned.markdownHeading });
  });
  return { lines, artifacts };
}

// indexer/parse.ts
var keyOf = (no) => `${no.n}.${no.sub}`;
var TERMINAL = /[。；;：:！!？?…”’」』》）)]$/;
var ORPHAN_MIN_CHARS = 20;
var ORPHAN_MIN_SHARE = 0.8;
var ORPHAN_MAX_HEAD = 8;
function parseStatute(source, meta) {
  const issues = [];
  const report = (severity, code, where, message) => issues.push({ regulationId: meta.id, severity, code, where, message });
  const { lines, artifacts } = classifyLines(source);
  for (const a of artifacts) report("repaired", "artifact-stripped", `line ${a.line}`, `removed ${a.removed}`);
  const firstBody = lines.findIndex((l) => l.kind === "structure" || l.kind === "article");
  const preamble = firstBody === -1 ? lines : lines.slice(0, firstBody);
  const body = firstBody === -1 ? [] : lines.slice(firstBody);
  if (firstBody === -1) report("fatal", "unparseable", meta.sourceFile, "no article (\u7B2CN\u6761) found in the text");
  const sections = parsePreamble(preamble, meta, report);
  const { occurrences, headings } = groupOccurrences(body, report);
  reportRejoins(occurrences.flatMap(rejoinBrokenParagraphs), report);
  dropOrphanFragments(occurrences, report);
  reportRepeatedBlocks(occurrences, report);
  const articles = mergeOccurrences(occurrences, report);
  if (meta.complete) reportMissingNumbers(articles, report);
  const regulation = {
    id: meta.id,
    title: meta.title,
    aliases: meta.aliases,
    jurisdiction: meta.jurisdiction,
    status: meta.status,
    sourceFile: meta.sourceFile,
    chapters: headings,
    articles,
    sections
  };
  return { regulation, issues };
}
var foldTitle = (s) => s.replace(/[\s()（）《》〈〉]/g, "");
function parsePreamble(lines, meta, report) {
  const titleParts = [];
  const paragraphs2 = [];
  let sawTitle = false;
  for (const l of lines) {
    const text = l.kind === "article" ? l.body : l.kind === "structure" ? l.heading : l.text;
    if (foldTitle(text) === foldTitle(meta.title)) {
      sawTitle = true;
      report("info", "title-line", `line ${l.line}`, `title line: ${text}`);
    } else if (sawTitle && paragraphs2.length === 0 && titleParts.length === 0 && /^[(（][^()（）]{1,12}[)）]$/.test(text)) {
      report("info", "title-line", `line ${l.line}`, `title annotation: ${text}`);
    } else if (l.kind === "text" && l.markdownHeading && paragraphs2.length === 0) {
      titleParts.push(text);
    } else {
      paragraphs2.push({ lines: [l.line], lead: text, items: [] });
    }
  }
  if (!sawTitle && meta.titleFromManifest) {
    report("info", "title-from-manifest", meta.sourceFile, `the text has no title line; title from the manifest: ${meta.title}`);
  }
  if (paragraphs2.length === 0) {
    if (titleParts.length > 0) report("warning", "unattached-text", "preamble", `heading without text: ${titleParts.join("")}`);
    return [];
  }
  const title = titleParts.join("") || "\u524D\u8A00";
  const finished = paragraphs2.map(finishParagraph);
  return [
    {
      id: /公告/.test(title) ? "notice" : "preamble",
      label: /公告/.test(title) ? "\u516C\u544A" : "\u524D\u8A00",
      title,
      paragraphs: finished,
      text: finished.map((p) => p.text).join("\n")
    }
  ];
}
function groupOccurrences(lines, report) {
  const occurrences = [];
  const headings = /* @__PURE__ */ new Map();
  let current = null;
  let chapter = null;
  let headingSinceLastArticle = false;
  let previous = null;
  for (const l of lines) {
    if (l.kind === "structure") {
      if (l.level === "\u7AE0") {
        chapter = l.heading;
        headingSinceLastArticle = true;
        if (!headings.has(l.heading)) headings.set(l.heading, chapterNumber(l.heading));
      }
      current = null;
      continue;
    }
    if (l.kind === "article") {
      const no = { n: l.n, sub: l.sub };
      if (!headingSinceLastArticle && previous !== null && !follows(previous, no)) chapter = null;
      headingSinceLastArticle = false;
      previous = no;
      current = { no, key: keyOf(no), line: l.line, chapter, paragraphs: [] };
      if (l.body) current.paragraphs.push({ lines: [l.line], lead: l.body, items: [] });
      occurrences.push(current);
      continue;
    }
    if (current === null) {
      report("warning", "unattached-text", `line ${l.line}`, `text outside any article, not indexed: ${l.text}`);
      continue;
    }
    if (l.kind === "item") {
      let para = current.paragraphs.at(-1);
      if (!para) {
        para = { lines: [], lead: "", items: [] };
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
function chapterNumber(heading) {
  const m = /^第(.+?)[编章节]/.exec(heading);
  return (m && parseNumeral(m[1])) ?? Number.MAX_SAFE_INTEGER;
}
function follows(prev, next) {
  return next.n === prev.n && next.sub === prev.sub + 1 || next.n === prev.n + 1 && next.sub === 0;
}
var lineRange = (lines) => {
  const lo = Math.min(...lines);
  const hi = Math.max(...lines);
  return lo === hi ? `line ${lo}` : `lines ${lo}\u2013${hi}`;
};
function rejoinBrokenParagraphs(occ) {
  const repairs = [];
  const out = [];
  for (const para of occ.paragraphs) {
    const prev = out.at(-1);
    if (prev && prev.items.length === 0 && prev.lead !== "" && !TERMINAL.test(prev.lead) && para.lead !== "") {
      repairs.push({
        key: occ.key,
        label: articleLabel(occ.no.n, occ.no.sub),
        lines: [...prev.lines, ...para.lines],
        tail: prev.lead.slice(-8),
        head: para.lead.slice(0, 8)
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
function reportRejoins(repairs, report) {
  const byBreak = /* @__PURE__ */ new Map();
  for (const r of repairs) {
    const id = `${r.key}|${r.tail}|${r.head}`;
    byBreak.set(id, [...byBreak.get(id) ?? [], r]);
  }
  for (const copies of byBreak.values()) {
    const r = copies[0];
    report(
      "repaired",
      "broken-paragraph",
      r.label,
      `rejoined a sentence broken across paragraphs: \u201C\u2026${r.tail}\u201D + \u201C${r.head}\u2026\u201D (${copies.map((c) => lineRange(c.lines)).join(", ")})`
    );
  }
}
function commonSuffixLength(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function dropOrphanFragments(occurrences, report) {
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
              "repaired",
              "orphan-fragment",
              lineRange(para.lines),
              `dropped a fragment found after ${articleLabel(occ.no.n, occ.no.sub)} that repeats the end of ${articleLabel(other.no.n, other.no.sub)}: ${p}`
            );
            return false;
          }
        }
      }
      return true;
    });
  }
}
var occurrenceText = (occ) => occ.paragraphs.map((p) => finishParagraph(p, 0).text).join("\n");
function reportRepeatedBlocks(occurrences, report) {
  const firstText = /* @__PURE__ */ new Map();
  let run = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0];
    const last = run.at(-1);
    const identical = run.every((o) => firstText.get(o.key) === occurrenceText(o));
    report(
      "repaired",
      "duplicate-block",
      `lines ${first.line}\u2013${last.paragraphs.at(-1)?.lines.at(-1) ?? last.line}`,
      `${articleLabel(first.no.n, first.no.sub)}\u2013${articleLabel(last.no.n, last.no.sub)} (${run.length} articles) repeat earlier text${identical ? "; identical copies collapsed" : "; some copies differ (see text-conflict)"}`
    );
    run = [];
  };
  for (const occ of occurrences) {
    const last = run.at(-1);
    if (last && (occ.no.n < last.no.n || occ.no.n === last.no.n && occ.no.sub <= last.no.sub)) flush();
    if (firstText.has(occ.key)) run.push(occ);
    else {
      flush();
      firstText.set(occ.key, occurrenceText(occ));
    }
  }
  flush();
}
function mergeOccurrences(occurrences, report) {
  const byKey = /* @__PURE__ */ new Map();
  for (const occ of occurrences) byKey.set(occ.key, [...byKey.get(occ.key) ?? [], occ]);
  const articles = [];
  const conflicts = [];
  for (const copies of byKey.values()) {
    const { no } = copies[0];
    const label = articleLabel(no.n, no.sub);
    const variants = /* @__PURE__ */ new Map();
    for (const c of copies) {
      const text = occurrenceText(c);
      variants.set(text, [...variants.get(text) ?? [], c]);
    }
    const ranked = [...variants.entries()].sort((a, b) => b[1].length - a[1].length);
    const kept = ranked[0][1][0];
    for (const [text, occs] of ranked.slice(1)) {
      report("warning", "text-conflict", label, `copies differ; kept the text at line ${kept.line}, other text at line ${occs[0].line}: ${text}`);
    }
    const chapters = [...new Set(copies.map((c) => c.chapter).filter((c) => c !== null))];
    if (chapters.length > 1) conflicts.push({ no, chapters });
    const paragraphs2 = kept.paragraphs.map(finishParagraph);
    articles.push({ no, label, chapters, paragraphs: paragraphs2, text: paragraphs2.map((p) => p.text).join("\n") });
  }
  articles.sort((a, b) => a.no.n - b.no.n || a.no.sub - b.no.sub);
  reportChapterProblems(articles, conflicts, report);
  return articles;
}
function reportChapterProblems(articles, conflicts, report) {
  const runs = groupRuns(conflicts, (c) => c.chapters.join(" / "));
  for (const run of runs) {
    report(
      "warning",
      "chapter-conflict",
      rangeLabel(run.map((c) => c.no)),
      `copies of the text place these articles under different chapters: ${run[0].chapters.join(" vs ")}; both kept, none chosen`
    );
  }
  const anyChapters = articles.some((a) => a.chapters.length > 0);
  if (!anyChapters) return;
  for (const run of groupRuns(articles.filter((a) => a.chapters.length === 0), () => "")) {
    report("warning", "chapter-unknown", rangeLabel(run.map((a) => a.no)), "no chapter heading can be trusted for these articles (heading lost in the source)");
  }
}
function groupRuns(items, key) {
  const sorted = [...items].sort((a, b) => a.no.n - b.no.n || a.no.sub - b.no.sub);
  const runs = [];
  for (const item of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && key(last) === key(item) && follows(last.no, item.no)) run.push(item);
    else runs.push([item]);
  }
  return runs;
}
function rangeLabel(nos) {
  const first = nos[0];
  const last = nos.at(-1);
  const a = articleLabel(first.n, first.sub);
  return nos.length === 1 ? a : `${a}\u2013${articleLabel(last.n, last.sub)}`;
}
function reportMissingNumbers(articles, report) {
  const present = new Set(articles.filter((a) => a.no.sub === 0).map((a) => a.no.n));
  const max = Math.max(0, ...present);
  const missing = [];
  for (let n = 1; n <= max; n++) if (!present.has(n)) missing.push({ no: { n, sub: 0 } });
  for (const run of groupRuns(missing, () => "")) {
    report("warning", "missing-articles", rangeLabel(run.map((m) => m.no)), `article numbers missing from the text (${run.length}); not invented`);
  }
}
function finishParagraph(raw, index) {
  const text = [raw.lead, ...raw.items.map((i) => i.text)].filter((t) => t !== "").join("\n");
  return { number: index + 1, text, items: raw.items };
}

// indexer/corpus.ts
var ManifestSchema = z2.object({
  regulations: z2.array(
    z2.object({
      id: z2.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lowercase letters, digits and dashes"),
      title: z2.string().min(1),
      aliases: z2.array(z2.string().min(1)).default([]),
      jurisdiction: z2.string().min(1),
      status: z2.enum(["draft", "in-force"]),
      statusNote: z2.string().optional(),
      sourceFile: z2.string().min(1).refine((f) => basename(f) === f, "sourceFile must be a file name inside the corpus folder"),
      /** false for excerpts whose article numbers have gaps by design. */
      complete: z2.boolean().default(true)
    })
  ).min(1).refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, "regulation ids must be unique")
});
async function loadCorpus(dir) {
  const names = (await readdir(dir)).sort();
  const hash = createHash("sha256");
  if (names.includes("manifest.json")) return loadWithManifest(dir, hash);
  return loadPlainFolder(dir, names.filter((n) => n.endsWith(".txt")), hash);
}
async function loadWithManifest(dir, hash) {
  const rawManifest = await readFile(join(dir, "manifest.json"), "utf8");
  hash.update(rawManifest);
  const parsed = ManifestSchema.safeParse(safeJson(rawManifest));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { regulations: [], issues: [fatal("manifest", "manifest.json", message)], hash: hash.digest("hex") };
  }
  const regulations = [];
  const issues = [];
  for (const entry of parsed.data.regulations) {
    let source;
    try {
      source = await readFile(join(dir, entry.sourceFile), "utf8");
    } catch (error) {
      issues.push(fatal(entry.id, entry.sourceFile, `cannot read source file: ${error.message}`));
      continue;
    }
    hash.update(`\0${entry.sourceFile}\0${source}`);
    const meta = { ...entry, titleFromManifest: true };
    const result = parseStatute(source, meta);
    regulations.push(result.regulation);
    issues.push(...result.issues);
  }
  return { regulations, issues, hash: hash.digest("hex") };
}
async function loadPlainFolder(dir, files, hash) {
  const regulations = [];
  const issues = [];
  if (files.length === 0) issues.push(fatal("corpus", dir, "no manifest.json and no .txt statute files"));
  for (const file of files) {
    const source = await readFile(join(dir, file), "utf8");
    hash.update(`\0${file}\0${source}`);
    const id = file.replace(/\.txt$/, "").toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    const title = source.split(/\r?\n/).find((l) => l.trim() !== "")?.trim() ?? "";
    if (title === "") {
      issues.push(fatal(id, file, "empty file: the first line must be the title"));
      continue;
    }
    const meta = { id, title, aliases: [], jurisdiction: "", status: "in-force", sourceFile: file, complete: false };
    const result = parseStatute(source, meta);
    regulations.push(result.regulation);
    issues.push(...result.issues.filter((i) => i.code !== "title-line"));
  }
  return { regulations, issues, hash: hash.digest("hex") };
}
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    return { __invalidJson: error.message };
  }
}
function fatal(regulationId, where, message) {
  return { regulationId, severity: "fatal", code: regulationId === "corpus" ? "unparseable" : "manifest", where, message };
}

// indexer/dictionary.ts
var DEFINED = [
  /所称([\u4e00-\u9fff]{2,12}?)[，,]?(?:是指|包括)/g,
  /[（(][一二三四五六七八九十]+[）)]([\u4e00-\u9fff]{2,12}?)[，,]是指/g
];
var NOUNISH = /^(n[a-z]*|vn|b)$/;
var MIN_COUNT = 2;
var ROLE_SUFFIX = /^[官员局委厅处室所站]$/;
function definedTerms(regulations) {
  const terms = /* @__PURE__ */ new Set();
  for (const text of allTexts(regulations)) {
    for (const re of DEFINED) for (const m of text.matchAll(re)) terms.add(m[1]);
  }
  return [...terms].sort();
}
function recurringCompounds(regulations, tag2) {
  const counts = /* @__PURE__ */ new Map();
  for (const text of allTexts(regulations)) {
    for (const sentence of text.split(/[。；;，,、：:\n（）()“”]/)) {
      const words = tag2(sentence);
      for (let i = 0; i < words.length; i++) {
        for (const span of [2, 3]) {
          const run = words.slice(i, i + span);
          if (run.length < span || !run.every((w) => NOUNISH.test(w.tag))) continue;
          const last = run.at(-1).word;
          if (run[0].word.length < 2 || last.length < 2 && !ROLE_SUFFIX.test(last)) continue;
          const compound = run.map((w) => w.word).join("");
          if (compound.length < 3 || compound.length > 7) continue;
          counts.set(compound, (counts.get(compound) ?? 0) + 1);
        }
      }
    }
  }
  const frequent = [...counts.entries()].filter(([, n]) => n >= MIN_COUNT);
  return frequent.filter(([w, n]) => !frequent.some(([longer, m]) => longer !== w && longer.includes(w) && m >= n)).map(([w]) => w).sort();
}
function userDictionary(regulations, tag2) {
  return [.../* @__PURE__ */ new Set([...definedTerms(regulations), ...recurringCompounds(regulations, tag2)])].sort();
}
function* allTexts(regulations) {
  for (const r of regulations) {
    for (const a of r.articles) yield a.text;
    for (const s of r.sections) yield s.text;
  }
}

// indexer/lexical.ts
import MiniSearch from "minisearch";
var LEXICAL_OPTIONS = {
  idField: "i",
  fields: ["words", "bigrams"],
  storeFields: [],
  tokenize: (text) => text.split(" "),
  processTerm: (term) => term || null
};
function lexicalDoc(segment, unit, i) {
  const heading = unit.chapter.replace(/第[^章]+章\s*/g, "");
  const text = heading ? `${heading}
${unit.text}` : unit.text;
  return { i, words: wordTokens(segment, text, true).join(" "), bigrams: bigramTokens(unit.text).join(" ") };
}
function buildLexical(segment, units) {
  const index = new MiniSearch(LEXICAL_OPTIONS);
  index.addAll(units.map((u, i) => lexicalDoc(segment, u, i)));
  return index;
}
function loadLexical(json2) {
  return MiniSearch.loadJSON(json2, LEXICAL_OPTIONS);
}

// indexer/lint.ts
var hasFatal = (issues) => issues.some((i) => i.severity === "fatal");
var ORDER = { fatal: 0, warning: 1, repaired: 2, info: 3 };
function formatLintTable(issues, width = 160) {
  if (issues.length === 0) return "No problems found.";
  const rows = [...issues].sort((a, b) => a.regulationId.localeCompare(b.regulationId) || ORDER[a.severity] - ORDER[b.severity]).map((i) => [i.regulationId, i.severity, i.code, i.where, i.message]);
  const header = ["regulation", "severity", "code", "where", "message"];
  const fixed = [0, 1, 2, 3].map((c) => Math.max(displayWidth(header[c]), ...rows.map((r) => displayWidth(r[c]))));
  const messageWidth = Math.max(30, width - fixed.reduce((a, b) => a + b + 3, 0));
  const line = (cells) => cells.map((cell, c) => c < 4 ? padEnd(cell, fixed[c]) : clip(cell, messageWidth)).join(" | ");
  const counts = ["fatal", "warning", "repaired", "info"].map((s) => `${issues.filter((i) => i.severity === s).length} ${s}`).join(", ");
  return [line(header), fixed.map((w) => "-".repeat(w)).join("-+-") + "-+-" + "-".repeat(12), ...rows.map(line), "", counts].join("\n");
}
function displayWidth(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
function padEnd(s, width) {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}
function clip(s, width) {
  const flat = s.replace(/\n/g, " \u23CE ");
  if (displayWidth(flat) <= width) return flat;
  let out = "";
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "\u2026";
}

// indexer/segment.ts
import { fileURLToPath } from "node:url";
import * as jieba from "nodejs-jieba";
var EXTRACTOR_STUB = fileURLToPath(new URL("./jieba-extractor-stub.utf8", import.meta.url));
var loaded = false;
var inserted = /* @__PURE__ */ new Set();
function jiebaSegmenter(userWords = []) {
  if (!loaded) {
    jieba.load({ idfDict: EXTRACTOR_STUB, stopWordDict: EXTRACTOR_STUB });
    loaded = true;
  }
  for (const word of userWords) {
    if (inserted.has(word)) continue;
    jieba.insertWord(word);
    inserted.add(word);
  }
  return (text) => jieba.cutForSearch(text, true);
}
function jiebaTag(text) {
  if (!loaded) jiebaSegmenter();
  return jieba.tag(text);
}

// indexer/store.ts
import { createHash as createHash2, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir as readdir2, readFile as readFile2, rename, rm, stat } from "node:fs/promises";
import { join as join2 } from "node:path";
import { z as z3 } from "zod";
var IndexManifestSchema = z3.object({
  schemaVersion: z3.number().int(),
  buildId: z3.string(),
  builtAt: z3.string(),
  corpusHash: z3.string(),
  configHash: z3.string(),
  counts: z3.object({ regulations: z3.number(), articles: z3.number(), units: z3.number(), dictionary: z3.number() }),
  dense: z3.boolean(),
  /** Why the index is lexical-only, in one line, when dense is false. */
  denseNote: z3.string().nullable(),
  model: z3.object({ id: z3.string(), dims: z3.number().int().positive(), pooling: z3.enum(["mean", "cls"]), quantized: z3.boolean(), queryInstruction: z3.string() }).nullable(),
  hnsw: z3.object({ M: z3.number(), efConstruction: z3.number(), efSearch: z3.number() }).nullable(),
  files: z3.record(z3.string(), z3.object({ sha256: z3.string(), bytes: z3.number().int() }))
});
var IndexLoadError = class extends Error {
  constructor(message, file) {
    super(`${message} (${file}). Rebuild it with: npm run index -- --force`);
    this.file = file;
    this.name = "IndexLoadError";
  }
  file;
};
var sha256 = (data) => createHash2("sha256").update(data).digest("hex");
var IndexWriter = class _IndexWriter {
  constructor(root) {
    this.root = root;
    this.dir = join2(root, `.build-${this.buildId}`);
  }
  root;
  buildId = `${(/* @__PURE__ */ new Date()).toISOString().replace(/[-:.TZ]/g, "")}-${randomBytes(3).toString("hex")}`;
  dir;
  files = {};
  static async create(root) {
    const writer = new _IndexWriter(root);
    await mkdir(writer.dir, { recursive: true });
    return writer;
  }
  async write(name, data) {
    await writeDurably(join2(this.dir, name), data);
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    this.files[name] = { sha256: sha256(buf), bytes: buf.length };
  }
  /** For artefacts a library writes itself (hnswlib's writeIndex): checksum what landed on disk. */
  async adopt(name) {
    const buf = await readFile2(join2(this.dir, name));
    await fsync(join2(this.dir, name));
    this.files[name] = { sha256: sha256(buf), bytes: buf.length };
  }
  async commit(manifest) {
    const full = { ...manifest, schemaVersion: SCHEMA_VERSION, buildId: this.buildId, files: this.files };
    await writeDurably(join2(this.dir, "manifest.json"), JSON.stringify(full, null, 2));
    const version = `v-${this.buildId}`;
    await rename(this.dir, join2(this.root, version));
    await fsync(this.root);
    const pointer = join2(this.root, `.CURRENT-${this.buildId}`);
    await writeDurably(pointer, version);
    await rename(pointer, join2(this.root, "CURRENT"));
    await fsync(this.root);
    await pruneOldVersions(this.root, version);
    return join2(this.root, version);
  }
  async abandon() {
    await rm(this.dir, { recursive: true, force: true });
  }
};
async function writeDurably(file, data) {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function fsync(path) {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function pruneOldVersions(root, keep) {
  const entries = (await readdir2(root)).sort();
  const versions = entries.filter((e) => e.startsWith("v-") && e !== keep);
  const stale = [...versions.slice(0, -1), ...entries.filter((e) => e.startsWith(".build-") || e.startsWith(".CURRENT-"))];
  await Promise.all(stale.map((e) => rm(join2(root, e), { recursive: true, force: true })));
}
async function currentVersionDir(root) {
  let pointer;
  try {
    pointer = (await readFile2(join2(root, "CURRENT"), "utf8")).trim();
  } catch {
    return null;
  }
  if (!/^v-[\w-]+$/.test(pointer)) throw new IndexLoadError(`CURRENT holds an invalid version name "${pointer.slice(0, 40)}"`, join2(root, "CURRENT"));
  return join2(root, pointer);
}
async function readManifest(dir) {
  const file = join2(dir, "manifest.json");
  let raw;
  try {
    raw = await readFile2(file, "utf8");
  } catch {
    throw new IndexLoadError("index manifest is missing", file);
  }
  let json2;
  try {
    json2 = JSON.parse(raw);
  } catch {
    throw new IndexLoadError("index manifest is not valid JSON (truncated or corrupted?)", file);
  }
  const parsed = IndexManifestSchema.safeParse(json2);
  if (!parsed.success) throw new IndexLoadError("index manifest does not match the expected layout", file);
  if (parsed.data.schemaVersion !== SCHEMA_VERSION) {
    throw new IndexLoadError(`index schema version ${parsed.data.schemaVersion} is not the supported ${SCHEMA_VERSION}`, file);
  }
  return parsed.data;
}
async function readVerified(dir, manifest, read) {
  const out = /* @__PURE__ */ new Map();
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = join2(dir, name);
    let size;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      const code = error.code;
      throw new IndexLoadError(code === "ENOENT" ? "index artefact is missing" : `index artefact cannot be read (${code})`, file);
    }
    if (size !== expected.bytes) throw new IndexLoadError(`index artefact is ${size} bytes, expected ${expected.bytes} (truncated?)`, file);
    const keep = read.includes(name);
    const hash = createHash2("sha256");
    const chunks = [];
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk);
      if (keep) chunks.push(chunk);
    }
    if (hash.digest("hex") !== expected.sha256) throw new IndexLoadError("index artefact checksum mismatch (corrupted?)", file);
    if (keep) out.set(name, Buffer.concat(chunks));
  }
  return out;
}

// indexer/units.ts
function articleKey(article, sub) {
  return sub > 0 ? `${article}-${sub}` : String(article);
}
function unitsOf(regulations) {
  const units = [];
  for (const r of regulations) {
    for (const s of r.sections) {
      units.push({ id: `${r.id}/${s.id}`, regulationId: r.id, kind: "section", article: null, sub: 0, paragraph: null, label: s.label, chapter: "", text: s.text });
    }
    for (const a of r.articles) {
      const key = articleKey(a.no.n, a.no.sub);
      const chapter = a.chapters.join("\uFF0F");
      units.push({ id: `${r.id}/${key}`, regulationId: r.id, kind: "article", article: a.no.n, sub: a.no.sub, paragraph: null, label: a.label, chapter, text: a.text });
      if (a.paragraphs.length < 2) continue;
      for (const p of a.paragraphs) {
        units.push({
          id: `${r.id}/${key}/${p.number}`,
          regulationId: r.id,
          kind: "paragraph",
          article: a.no.n,
          sub: a.no.sub,
          paragraph: p.number,
          label: `${a.label}${paragraphLabel(p.number)}`,
          chapter,
          text: p.text
        });
      }
    }
  }
  return units;
}

// indexer/vector-index.ts
import { open as open2, rename as rename2 } from "node:fs/promises";
import hnswlib from "hnswlib-node";
var { HierarchicalNSW } = hnswlib;
var HNSW_RANDOM_SEED = 100;
var HnswIndex = class {
  constructor(native, dims) {
    this.native = native;
    this.dims = dims;
  }
  native;
  dims;
  get size() {
    return this.native.getCurrentCount();
  }
  search(query, k) {
    checkDims(query, this.dims);
    const n = Math.min(Math.floor(k), this.size);
    if (n <= 0) return { ids: [], scores: [] };
    const { neighbors, distances } = this.native.searchKnn(Array.from(query), n);
    return { ids: neighbors, scores: distances.map((d) => 1 - d) };
  }
};
function buildHnsw(vectors, params) {
  const first = vectors[0];
  if (!first) throw new Error("cannot build an HNSW index over zero vectors");
  const dims = first.length;
  const native = new HierarchicalNSW("cosine", dims);
  native.initIndex({
    maxElements: vectors.length,
    m: params.M,
    efConstruction: params.efConstruction,
    randomSeed: HNSW_RANDOM_SEED
  });
  vectors.forEach((v, label) => {
    checkDims(v, dims);
    native.addPoint(Array.from(v), label);
  });
  native.setEf(params.efSearch);
  return new HnswIndex(native, dims);
}
async function saveHnsw(index, file) {
  const tmp = `${file}.tmp-${process.pid}`;
  await index.native.writeIndex(tmp);
  await rename2(tmp, file);
}
async function loadHnsw(file, dims, params) {
  const stored = await storedHnswDims(file);
  if (stored !== dims) throw new Error(`${file} holds ${stored}-dimensional vectors, expected ${dims}`);
  const native = new HierarchicalNSW("cosine", dims);
  await native.readIndex(file);
  native.setEf(params.efSearch);
  return new HnswIndex(native, dims);
}
async function storedHnswDims(file) {
  const handle = await open2(file, "r");
  try {
    const header = Buffer.alloc(48);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    if (bytesRead < header.length) throw new Error(`${file} is not an hnswlib index (too short)`);
    return Number(header.readBigUInt64LE(32) - header.readBigUInt64LE(40)) / 4;
  } finally {
    await handle.close();
  }
}
function packVectors(vectors) {
  const dims = vectors[0]?.length ?? 0;
  const buf = Buffer.alloc(vectors.length * dims * 4);
  let offset = 0;
  for (const v of vectors) {
    checkDims(v, dims);
    for (const x of v) offset = buf.writeFloatLE(x, offset);
  }
  return buf;
}
function checkDims(v, dims) {
  if (v.length !== dims) throw new Error(`vector has ${v.length} dimensions, index has ${dims}`);
}

// indexer/build.ts
var glossaryModule = () => import("./glossary-V35XYAO5.js");
var cedictModule = () => import("./cedict-5KXTXUPT.js");
var embedModule = () => import("./embed-I2JHAWS3.js");
function configHash(config) {
  const model = config.model && { ...config.model, batchSize: void 0 };
  return createHash3("sha256").update(JSON.stringify({ SCHEMA_VERSION, model, hnsw: config.model ? config.hnsw : null })).digest("hex");
}
async function buildIndex(options) {
  const { config, log = () => {
  } } = options;
  const corpus = await loadCorpus(config.corpusDir);
  if (hasFatal(corpus.issues)) return { status: "failed", issues: corpus.issues };
  const wantedConfig = configHash(config);
  if (!options.force) {
    const existing = await existingManifest(config.outDir);
    if (existing && existing.manifest.corpusHash === corpus.hash && existing.manifest.configHash === wantedConfig) {
      return { status: "up-to-date", dir: existing.dir, manifest: existing.manifest, issues: corpus.issues };
    }
  }
  const started = Date.now();
  const dictionary = userDictionary(corpus.regulations, jiebaTag);
  const segment = jiebaSegmenter(dictionary);
  const units = unitsOf(corpus.regulations);
  const lexical = buildLexical(segment, units);
  const senses = await (await cedictModule()).loadSenses(config.cacheDir);
  const glossary = (await glossaryModule()).buildGlossary(units, segment, senses);
  const writer = await IndexWriter.create(config.outDir);
  try {
    await writer.write("corpus.json", JSON.stringify({ regulations: corpus.regulations }));
    await writer.write("units.json", JSON.stringify(units));
    await writer.write("lexical.json", JSON.stringify(lexical));
    await writer.write("dictionary.txt", dictionary.join("\n"));
    await writer.write("glossary.json", JSON.stringify(glossary));
    await writer.write("lint.json", JSON.stringify(corpus.issues, null, 1));
    const dense = await buildDense(writer, units, options);
    if (!dense.model) log(`Dense retrieval off: ${dense.note} The index is lexical-only (BM25).`);
    const articles = corpus.regulations.reduce((n, r) => n + r.articles.length, 0);
    const dir = await writer.commit({
      builtAt: (/* @__PURE__ */ new Date()).toISOString(),
      corpusHash: corpus.hash,
      configHash: wantedConfig,
      counts: { regulations: corpus.regulations.length, articles, units: units.length, dictionary: dictionary.length },
      dense: dense.model !== null,
      denseNote: dense.model ? null : dense.note,
      model: dense.model,
      hnsw: dense.model ? config.hnsw : null
    });
    log(`Indexed ${corpus.regulations.length} regulations, ${articles} articles, ${units.length} units in ${Date.now() - started} ms \u2192 ${dir}`);
    return { status: "built", dir, manifest: await readManifest(dir), issues: corpus.issues };
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}
async function buildDense(writer, units, options) {
  const { model } = options.config;
  if (!model) return { model: null, note: "no embedding model configured (REGQA_MODEL=none)." };
  const { EmbedderUnavailable, loadEmbedder } = await embedModule();
  let embedder;
  try {
    embedder = await loadEmbedder(model);
  } catch (error) {
    if (error instanceof EmbedderUnavailable) return { model: null, note: `${error.reason}.` };
    throw error;
  }
  const vectors = await embedder.embedPassages(
    units.map((u) => u.text),
    options.onEmbedProgress
  );
  await writer.write("vectors.f32", packVectors(vectors));
  const hnsw = buildHnsw(vectors, options.config.hnsw);
  await saveHnsw(hnsw, join3(writer.dir, "hnsw.bin"));
  await writer.adopt("hnsw.bin");
  return {
    model: { id: model.id, dims: embedder.dims, pooling: model.pooling, quantized: model.quantized, queryInstruction: model.queryInstruction },
    note: ""
  };
}
async function existingManifest(root) {
  try {
    const dir = await currentVersionDir(root);
    return dir ? { dir, manifest: await readManifest(dir) } : null;
  } catch {
    return null;
  }
}

// indexer/command.ts
import { parseArgs } from "node:util";
function runCommand(usage, options, main) {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    return;
  }
  let flags;
  try {
    flags = parseArgs({ args: argv, options }).values;
  } catch (error) {
    console.error(`${error.message}
${usage}`);
    process.exitCode = 2;
    return;
  }
  main(flags).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`failed: ${error.message}`);
      process.exit(1);
    }
  );
}

// server/config.ts
import { z as z4 } from "zod";
var flag2 = z4.enum(["0", "1", "true", "false", "yes", "no"]).transform((v) => v === "1" || v === "true" || v === "yes");
var EnvSchema2 = z4.object({
  PORT: z4.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z4.string().min(1).default("127.0.0.1"),
  CORS_ORIGINS: z4.string().default("").transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean)),
  RATE_LIMIT_PER_MIN: z4.coerce.number().int().min(1).default(60),
  RATE_LIMIT_BURST: z4.coerce.number().int().min(1).default(20),
  MAX_CONCURRENT: z4.coerce.number().int().min(1).default(8),
  MAX_QUEUE: z4.coerce.number().int().min(0).default(64),
  REQUEST_TIMEOUT_MS: z4.coerce.number().int().min(100).default(15e3),
  LOG_REQUESTS: flag2.default(true)
});
function serverConfigFromEnv(env = process.env) {
  const parsed = EnvSchema2.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`invalid configuration ${first?.path.join(".")}: ${first?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    corsOrigins: e.CORS_ORIGINS,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MIN, burst: e.RATE_LIMIT_BURST },
    maxConcurrent: e.MAX_CONCURRENT,
    maxQueue: e.MAX_QUEUE,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    logRequests: e.LOG_REQUESTS
  };
}

// server/http/app.ts
import { OpenAPIHono as OpenAPIHono2 } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { languageDetector } from "hono/language";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";

// server/http/api.ts
import { createRoute, OpenAPIHono, z as z6 } from "@hono/zod-openapi";

// server/http/format.ts
var STATUS = { draft: "\u8349\u6848", "in-force": "\u73B0\u884C\u6709\u6548" };
var statusLabel = (status) => STATUS[status];
var regulationHref = (id, anchor) => `/regulations/${encodeURIComponent(id)}${anchor ? `#${anchor}` : ""}`;
var articleAnchor = (label) => /^第[^条]+条(?:之[一二三四五六七八九十]+)?/.exec(label)?.[0] ?? label;

// server/http/csv.ts
var field = (value) => `"${String(value ?? "").replaceAll('"', '""')}"`;
function toCsv(rows) {
  return `\uFEFF${rows.map((row) => row.map(field).join(",")).join("\r\n")}\r
`;
}
function dutiesCsv(list) {
  return toCsv([
    ["\u6CD5\u89C4", "\u72B6\u6001", "\u6761\u6B3E", "\u4E3B\u4F53", "\u5C42\u7EA7", "\u60C5\u6001", "\u804C\u8D23", "\u6761\u6587"],
    ...list.groups.flatMap(
      (g) => g.duties.map((d) => [d.regulationTitle, statusLabel(g.status), d.label, d.actor, d.level, d.modality, d.action, d.text])
    )
  ]);
}

// server/http/errors.ts
import { HTTPException } from "hono/http-exception";

// server/http/schemas.ts
import { z as z5 } from "@hono/zod-openapi";
var LIMITS = {
  question: 2e3,
  historyTurns: 20,
  turnContent: 4e3,
  query: 500,
  actor: 100,
  k: 50,
  bodyBytes: 64 * 1024
};
var FORBIDDEN_CHARS = new RegExp("[\\u0000-\\u0008\\u000B-\\u001F\\u007F]|\\p{Cs}", "u");
var clean = (s) => !FORBIDDEN_CHARS.test(s);
var fails = (code) => ({ error: code });
function typedText(max, codes) {
  return z5.string().refine((s) => s.trim() !== "", fails(codes.empty)).max(max, fails(codes.long)).refine(clean, fails(codes.chars));
}
var RegulationId = z5.string().min(1).max(200).openapi({ example: "guizhou-big-data" });
var Lang = z5.enum(["zh", "en"], fails("lang_invalid"));
var Turn = z5.object(
  {
    role: z5.enum(["user", "assistant"], fails("history_invalid")),
    content: z5.string(fails("history_invalid")).max(LIMITS.turnContent, fails("history_invalid")).refine(clean, fails("history_invalid"))
  },
  fails("history_invalid")
).openapi("Turn");
var AskBody = z5.object(
  {
    question: typedText(LIMITS.question, { empty: "question_empty", long: "question_too_long", chars: "question_invalid_chars" }).openapi({
      example: "\u8C01\u5E94\u5F53\u660E\u786E\u6570\u636E\u4E13\u5458\uFF1F"
    }),
    history: z5.array(Turn).max(LIMITS.historyTurns, fails("history_too_long")).optional(),
    regulationId: RegulationId.optional(),
    lang: Lang.optional()
  },
  fails("body_not_object")
).openapi("AskRequest");
var SearchQuery = z5.object({
  q: typedText(LIMITS.query, { empty: "query_empty", long: "query_too_long", chars: "query_invalid_chars" }).openapi({ example: "\u6570\u636E\u4E13\u5458" }),
  k: z5.coerce.number(fails("k_invalid")).int(fails("k_invalid")).min(1, fails("k_invalid")).max(LIMITS.k, fails("k_invalid")).default(10).openapi({ example: 10 }),
  regulationId: RegulationId.optional()
});
var DutiesQuery = z5.object({
  actor: typedText(LIMITS.actor, { empty: "actor_empty", long: "actor_too_long", chars: "actor_invalid_chars" }).openapi({ example: "\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8" }),
  regulationId: RegulationId.optional()
});
var RegulationParams = z5.object({
  id: RegulationId.openapi({ param: { name: "id", in: "path" } })
});
var ARTICLE_NO = /^\d+(?:-[1-9]\d?)?$/;
var ArticleParams = RegulationParams.extend({
  n: z5.string().regex(ARTICLE_NO, fails("article_invalid")).openapi({ param: { name: "n", in: "path" }, example: "14", description: "Article number; 133-1 is \u7B2C\u4E00\u767E\u4E09\u5341\u4E09\u6761\u4E4B\u4E00." })
});
function articleNo(param) {
  const [n = "", sub = "0"] = param.split("-");
  return { n: Number(n), sub: Number(sub) };
}
var ErrorBody = z5.object({ error: z5.object({ code: z5.string().openapi({ example: "question_empty" }), message: z5.string().openapi({ example: "\u95EE\u9898\u4E0D\u80FD\u4E3A\u7A7A\u3002" }) }) }).openapi("Error");
var Status = z5.enum(["draft", "in-force"]);
var Citation = z5.object({
  regulationId: z5.string(),
  regulationTitle: z5.string(),
  article: z5.number().int().nullable().openapi({ description: "null for a non-article section such as the notice of a draft" }),
  paragraph: z5.number().int().nullable(),
  label: z5.string().openapi({ example: "\u7B2C\u5341\u56DB\u6761\u7B2C\u4E09\u6B3E" }),
  text: z5.string(),
  score: z5.number()
}).openapi("Citation");
var AskResponse = z5.object({ answer: z5.string(), found: z5.boolean(), lang: Lang, citations: z5.array(Citation) }).openapi("AskResponse");
var SearchResponse = z5.array(Citation).openapi("SearchResponse");
var SectionRef = z5.object({ id: z5.string(), label: z5.string(), title: z5.string() });
var RegulationBase = z5.object({
  id: z5.string(),
  title: z5.string(),
  aliases: z5.array(z5.string()),
  jurisdiction: z5.string(),
  status: Status,
  chapters: z5.array(z5.string())
});
var RegulationSummary = RegulationBase.extend({ articles: z5.number().int(), sections: z5.array(SectionRef) }).openapi("RegulationSummary");
var RegulationsResponse = z5.object({ regulations: z5.array(RegulationSummary) }).openapi("RegulationList");
var Paragraph = z5.object({ number: z5.number().int(), text: z5.string(), items: z5.array(z5.object({ number: z5.number().int(), text: z5.string() })) }).openapi("Paragraph");
var Article = z5.object({
  no: z5.object({ n: z5.number().int(), sub: z5.number().int() }),
  label: z5.string().openapi({ example: "\u7B2C\u5341\u56DB\u6761" }),
  chapters: z5.array(z5.string()).openapi({ description: "Candidate chapter headings; several when copies of the source disagree." }),
  paragraphs: z5.array(Paragraph),
  text: z5.string()
}).openapi("Article");
var Regulation = RegulationBase.extend({
  sourceFile: z5.string(),
  articles: z5.array(Article),
  sections: z5.array(SectionRef.extend({ paragraphs: z5.array(Paragraph), text: z5.string() }))
}).openapi("Regulation");
var ArticleResponse = z5.object({ regulationId: z5.string(), regulationTitle: z5.string(), status: Status, article: Article }).openapi("ArticleResponse");
var Duty = z5.object({
  regulationId: z5.string(),
  regulationTitle: z5.string(),
  article: z5.number().int(),
  paragraph: z5.number().int().nullable(),
  label: z5.string(),
  actor: z5.string().openapi({ example: "\u53BF\u7EA7\u4EE5\u4E0A\u4EBA\u6C11\u653F\u5E9C\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8" }),
  level: z5.string().openapi({ example: "\u53BF\u7EA7\u4EE5\u4E0A" }),
  modality: z5.enum(["\u5E94\u5F53", "\u5FC5\u987B", "\u4E0D\u5F97", "\u53EF\u4EE5", "\u8D1F\u8D23", "\u9F13\u52B1", "\u652F\u6301"]),
  action: z5.string(),
  text: z5.string()
}).openapi("Duty");
var DutyList = z5.object({
  actor: z5.string(),
  matchedActors: z5.array(z5.string()),
  groups: z5.array(z5.object({ regulationId: z5.string(), regulationTitle: z5.string(), status: Status, duties: z5.array(Duty) }))
}).openapi("DutyList");
var Health = z5.object({
  status: z5.literal("ok"),
  builtAt: z5.string(),
  counts: z5.object({ regulations: z5.number().int(), articles: z5.number().int(), units: z5.number().int() }),
  dense: z5.boolean(),
  denseNote: z5.string().nullable(),
  model: z5.string().nullable()
}).openapi("Health");

// server/http/errors.ts
var TYPE_NAMES = {
  string: { zh: "\u5B57\u7B26\u4E32", en: "a string" },
  number: { zh: "\u6570\u5B57", en: "a number" },
  array: { zh: "\u6570\u7EC4", en: "an array" },
  object: { zh: "\u5BF9\u8C61", en: "an object" },
  boolean: { zh: "\u5E03\u5C14\u503C", en: "a boolean" }
};
var typeName = (expected, lang) => TYPE_NAMES[expected ?? ""]?.[lang] ?? expected ?? "";
var MESSAGES = {
  missing_field: { zh: (p) => `\u7F3A\u5C11\u53C2\u6570 ${p.field}\u3002`, en: (p) => `Missing field ${p.field}.` },
  wrong_type: {
    zh: (p) => `\u53C2\u6570 ${p.field} \u5E94\u4E3A${typeName(p.expected, "zh")}\u3002`,
    en: (p) => `Field ${p.field} must be ${typeName(p.expected, "en")}.`
  },
  invalid_field: { zh: (p) => `\u53C2\u6570 ${p.field} \u65E0\u6548\u3002`, en: (p) => `Field ${p.field} is invalid.` },
  body_not_json: {
    zh: () => "\u8BF7\u6C42\u4F53\u5FC5\u987B\u662F JSON\uFF0CContent-Type \u5E94\u4E3A application/json\u3002",
    en: () => "The request body must be JSON, with Content-Type: application/json."
  },
  invalid_utf8: { zh: () => "\u8BF7\u6C42\u4F53\u4E0D\u662F\u6709\u6548\u7684 UTF-8 \u6587\u672C\u3002", en: () => "The request body is not valid UTF-8." },
  invalid_json: { zh: () => "\u8BF7\u6C42\u4F53\u4E0D\u662F\u6709\u6548\u7684 JSON\u3002", en: () => "The request body is not valid JSON." },
  body_not_object: { zh: () => "\u8BF7\u6C42\u4F53\u5E94\u4E3A JSON \u5BF9\u8C61\u3002", en: () => "The request body must be a JSON object." },
  question_empty: { zh: () => "\u95EE\u9898\u4E0D\u80FD\u4E3A\u7A7A\u3002", en: () => "The question must not be empty." },
  question_too_long: {
    zh: () => `\u95EE\u9898\u4E0D\u80FD\u8D85\u8FC7 ${LIMITS.question} \u4E2A\u5B57\u7B26\u3002`,
    en: () => `The question must be at most ${LIMITS.question} characters long.`
  },
  question_invalid_chars: {
    zh: () => "\u95EE\u9898\u5305\u542B\u4E0D\u5141\u8BB8\u7684\u63A7\u5236\u5B57\u7B26\u6216\u65E0\u6548\u5B57\u7B26\u3002",
    en: () => "The question contains control characters or invalid characters."
  },
  history_too_long: {
    zh: () => `\u5BF9\u8BDD\u5386\u53F2\u6700\u591A ${LIMITS.historyTurns} \u8F6E\u3002`,
    en: () => `The conversation history may have at most ${LIMITS.historyTurns} turns.`
  },
  history_invalid: {
    zh: (p) => `\u5BF9\u8BDD\u5386\u53F2\u7B2C ${p.turn} \u8F6E\u683C\u5F0F\u6709\u8BEF\uFF1A\u5E94\u4E3A {"role": "user" \u6216 "assistant", "content": \u4E0D\u8D85\u8FC7 ${LIMITS.turnContent} \u5B57\u3001\u4E0D\u542B\u63A7\u5236\u5B57\u7B26\u7684\u6587\u672C}\u3002`,
    en: (p) => `Turn ${p.turn} of the history is malformed: expected {"role": "user" or "assistant", "content": text of at most ${LIMITS.turnContent} characters without control characters}.`
  },
  lang_invalid: { zh: () => 'lang \u53EA\u80FD\u662F "zh" \u6216 "en"\u3002', en: () => 'lang must be "zh" or "en".' },
  query_empty: { zh: () => "\u641C\u7D22\u8BCD\u4E0D\u80FD\u4E3A\u7A7A\u3002", en: () => "The search query must not be empty." },
  query_too_long: { zh: () => `\u641C\u7D22\u8BCD\u4E0D\u80FD\u8D85\u8FC7 ${LIMITS.query} \u4E2A\u5B57\u7B26\u3002`, en: () => `The search query must be at most ${LIMITS.query} characters long.` },
  query_invalid_chars: { zh: () => "\u641C\u7D22\u8BCD\u5305\u542B\u4E0D\u5141\u8BB8\u7684\u63A7\u5236\u5B57\u7B26\u6216\u65E0\u6548\u5B57\u7B26\u3002", en: () => "The search query contains control characters or invalid characters." },
  k_invalid: { zh: () => `k \u5E94\u4E3A 1 \u5230 ${LIMITS.k} \u4E4B\u95F4\u7684\u6574\u6570\u3002`, en: () => `k must be a whole number from 1 to ${LIMITS.k}.` },
  actor_empty: { zh: () => "\u8BF7\u586B\u5199\u673A\u6784\u6216\u4E3B\u4F53\u540D\u79F0\uFF0C\u4F8B\u5982\u201C\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8\u201D\u3002", en: () => "Give an actor, e.g. \u6570\u636E\u4E3B\u7BA1\u90E8\u95E8." },
  actor_too_long: { zh: () => `\u673A\u6784\u540D\u79F0\u4E0D\u80FD\u8D85\u8FC7 ${LIMITS.actor} \u4E2A\u5B57\u7B26\u3002`, en: () => `The actor must be at most ${LIMITS.actor} characters long.` },
  actor_invalid_chars: { zh: () => "\u673A\u6784\u540D\u79F0\u5305\u542B\u4E0D\u5141\u8BB8\u7684\u63A7\u5236\u5B57\u7B26\u6216\u65E0\u6548\u5B57\u7B26\u3002", en: () => "The actor contains control characters or invalid characters." },
  article_invalid: {
    zh: (p) => `\u6761\u6587\u7F16\u53F7\u201C${p.value}\u201D\u65E0\u6548\uFF1A\u5E94\u4E3A\u6570\u5B57\uFF0C\u4F8B\u5982 14\uFF0C\u6216 133-1 \u8868\u793A\u7B2C\u4E00\u767E\u4E09\u5341\u4E09\u6761\u4E4B\u4E00\u3002`,
    en: (p) => `Invalid article number "${p.value}": use digits, e.g. 14, or 133-1 for \u7B2C\u4E00\u767E\u4E09\u5341\u4E09\u6761\u4E4B\u4E00.`
  },
  article_out_of_range: {
    zh: (p) => `\u6761\u6587\u7F16\u53F7 ${p.value} \u8D85\u51FA\u8303\u56F4\uFF1A\u300A${p.title}\u300B\u7684\u6761\u6587\u7F16\u53F7\u4E3A 1 \u5230 ${p.max}\u3002`,
    en: (p) => `Article number ${p.value} is out of range: \u300A${p.title}\u300B numbers its articles 1 to ${p.max}.`
  },
  regulation_not_found: {
    zh: (p) => `\u6CA1\u6709\u627E\u5230\u6CD5\u89C4\u201C${p.value}\u201D\u3002\u53EF\u7528\u7684\u6CD5\u89C4\u89C1 /api/regulations\u3002`,
    en: (p) => `No regulation "${p.value}". See /api/regulations for the available ones.`
  },
  article_not_found: {
    zh: (p) => `\u300A${p.title}\u300B\u7684\u6587\u672C\u4E2D\u6CA1\u6709${p.label}\u3002`,
    en: (p) => `${p.label} (article ${p.value}) is not in the text of \u300A${p.title}\u300B.`
  },
  not_found: { zh: () => "\u6CA1\u6709\u8FD9\u4E2A\u9875\u9762\u6216\u63A5\u53E3\u3002", en: () => "No such page or endpoint." },
  payload_too_large: {
    zh: () => `\u8BF7\u6C42\u4F53\u8D85\u8FC7 ${LIMITS.bodyBytes / 1024} KiB \u7684\u4E0A\u9650\u3002`,
    en: () => `The request body exceeds the ${LIMITS.bodyBytes / 1024} KiB limit.`
  },
  rate_limited: {
    zh: (p) => `\u8BF7\u6C42\u8FC7\u4E8E\u9891\u7E41\uFF0C\u8BF7 ${p.seconds} \u79D2\u540E\u518D\u8BD5\u3002`,
    en: (p) => `Too many requests; try again in ${p.seconds} s.`
  },
  overloaded: { zh: () => "\u670D\u52A1\u5668\u7E41\u5FD9\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5\u3002", en: () => "The server is busy; try again shortly." },
  timeout: { zh: () => "\u5904\u7406\u8D85\u65F6\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5\u3002", en: () => "The request took too long; try again shortly." },
  internal: { zh: () => "\u670D\u52A1\u5668\u5185\u90E8\u9519\u8BEF\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5\u3002", en: () => "Internal server error; try again later." },
  malformed_request: {
    zh: () => "\u8BF7\u6C42\u683C\u5F0F\u4E0D\u6B63\u786E\uFF08\u4F8B\u5982\u7F51\u5740\u4E2D\u542B\u6709\u672A\u7F16\u7801\u7684\u5B57\u7B26\uFF0C\u8BF7\u7528 URL \u7F16\u7801\uFF09\u3002",
    en: () => "Malformed HTTP request (for example, unencoded characters in the URL; percent-encode them)."
  },
  headers_too_large: { zh: () => "\u8BF7\u6C42\u5934\u8FC7\u5927\u3002", en: () => "The request headers are too large." }
};
var isErrorCode = (s) => Object.hasOwn(MESSAGES, s);
var ApiError = class extends HTTPException {
  constructor(status, code, params = {}, retryAfter) {
    super(status, { message: code });
    this.code = code;
    this.params = params;
    this.retryAfter = retryAfter;
    this.name = "ApiError";
  }
  code;
  params;
  retryAfter;
};
function errorResponse(c, error) {
  const lang = c.get("language") ?? "zh";
  if (error.retryAfter !== void 0) c.header("Retry-After", String(error.retryAfter));
  return c.json({ error: { code: error.code, message: messageOf(error.code, lang, error.params) } }, error.status);
}
function validationError(issues, input) {
  const issue = issues[0];
  if (!issue) return new ApiError(400, "invalid_field", { field: "?" });
  const path = issue.path;
  const field2 = path.join(".");
  const value = path.reduce((v, key) => v !== null && typeof v === "object" ? v[key] : void 0, input);
  const params = {
    field: field2,
    value: typeof value === "string" ? value : JSON.stringify(value),
    turn: path[0] === "history" && typeof path[1] === "number" ? path[1] + 1 : void 0
  };
  if (isErrorCode(issue.message)) return new ApiError(400, issue.message, params);
  if (issue.code === "invalid_type") {
    if (path.length === 0) return new ApiError(400, "body_not_object");
    if (value === void 0) return new ApiError(400, "missing_field", params);
    return new ApiError(400, "wrong_type", { ...params, expected: issue.expected });
  }
  return new ApiError(400, "invalid_field", params);
}
function rejectedInput(c, target) {
  if (target === "json") return c.req.json();
  if (target === "query") return c.req.query();
  if (target === "param") return c.req.param();
  return void 0;
}
function parseOrThrow(schema, input) {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues, input);
  return result.data;
}
function messageOf(code, lang, params = {}) {
  return MESSAGES[code][lang](params);
}

// server/http/json-body.ts
var JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
var jsonBody = async (c, next) => {
  if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) throw new ApiError(400, "body_not_json");
  const bytes = await c.req.arrayBuffer();
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, "invalid_utf8");
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json");
  }
  const lang = body?.lang;
  if (lang === "zh" || lang === "en") c.set("language", lang);
  await next();
};

// server/http/lookup.ts
function requireRegulation(assistant, id) {
  const found = assistant.regulation(id);
  if (!found) throw new ApiError(404, "regulation_not_found", { value: id });
  return found;
}
var optionalRegulation = (assistant, id) => id === void 0 ? void 0 : requireRegulation(assistant, id).id;

// server/http/sse.ts
import { streamSSE } from "hono/streaming";
var SSE_EVENTS_DOC = 'With `Accept: text/event-stream` or `?stream=1`: events `answer` (data `{"text"}`, one per sentence, concatenated they are the answer), then `citations` (data `{"found","lang","citations"}`), then `done` (data `{}`).';
function sentences(text) {
  return text.split(/(?<=[。！？；\n])(?!\n)|(?<=\D[.!?;])(?=\s)(?!\n)/).filter((s) => s !== "");
}
function streamAnswer(c, result) {
  return streamSSE(c, async (stream) => {
    for (const text of sentences(result.answer)) await stream.writeSSE({ event: "answer", data: JSON.stringify({ text }) });
    const { found, lang, citations } = result;
    await stream.writeSSE({ event: "citations", data: JSON.stringify({ found, lang, citations }) });
    await stream.writeSSE({ event: "done", data: "{}" });
  });
}
var wantsStream = (c) => c.req.query("stream") === "1" || (c.req.header("accept") ?? "").includes("text/event-stream");

// server/http/api.ts
var ERROR_DESCRIPTIONS = {
  400: 'Invalid input; the message says what to fix, in Chinese or (lang "en" / Accept-Language) English',
  404: "Unknown regulation or article",
  413: "Request body over 64 KiB",
  429: "Rate limited; see Retry-After",
  503: "Too many requests in progress; see Retry-After",
  504: "The request took too long"
};
var json = (schema, description) => ({ description, content: { "application/json": { schema } } });
function errors(...statuses) {
  return Object.fromEntries(
    [...statuses, 429, 503, 504].map((status) => [status, json(ErrorBody, ERROR_DESCRIPTIONS[status])])
  );
}
var askRoute = createRoute({
  method: "post",
  path: "/api/ask",
  summary: "Answer a question, citing the clauses it rests on",
  description: SSE_EVENTS_DOC,
  middleware: [jsonBody],
  request: {
    query: z6.object({ stream: z6.enum(["1"]).optional() }),
    body: { required: true, content: { "application/json": { schema: AskBody } } }
  },
  responses: {
    200: {
      description: "The answer, as JSON or as server-sent events",
      content: {
        "application/json": { schema: AskResponse },
        "text/event-stream": { schema: z6.string().openapi({ description: SSE_EVENTS_DOC }) }
      }
    },
    ...errors(400, 404, 413)
  }
});
var searchRoute = createRoute({
  method: "get",
  path: "/api/search",
  summary: "Clauses ranked by relevance to a query",
  request: { query: SearchQuery },
  responses: { 200: json(SearchResponse, "Ranked clauses, in the citation shape"), ...errors(400, 404) }
});
var regulationsRoute = createRoute({
  method: "get",
  path: "/api/regulations",
  summary: "The regulations in the index",
  responses: { 200: json(RegulationsResponse, "One summary per regulation"), ...errors() }
});
var regulationRoute = createRoute({
  method: "get",
  path: "/api/regulations/{id}",
  summary: "The full structured text of one regulation",
  request: { params: RegulationParams },
  responses: { 200: json(Regulation, "Chapters, articles, paragraphs and sections"), ...errors(404) }
});
var articleRoute = createRoute({
  method: "get",
  path: "/api/regulations/{id}/articles/{n}",
  summary: "One article",
  request: { params: ArticleParams },
  responses: { 200: json(ArticleResponse, "The article with its paragraphs"), ...errors(400, 404) }
});
var dutiesRoute = createRoute({
  method: "get",
  path: "/api/duties",
  summary: "Every duty of an actor (\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8, \u901A\u4FE1\u7BA1\u7406\u90E8\u95E8, \u2026), grouped by regulation",
  request: { query: DutiesQuery },
  responses: { 200: json(DutyList, "The duties of the matched actors"), ...errors(400, 404) }
});
var dutiesCsvRoute = createRoute({
  method: "get",
  path: "/api/duties.csv",
  summary: "The same duty list as CSV (UTF-8 with BOM, for Excel)",
  request: { query: DutiesQuery },
  responses: {
    200: { description: "CSV: \u6CD5\u89C4, \u72B6\u6001, \u6761\u6B3E, \u4E3B\u4F53, \u5C42\u7EA7, \u60C5\u6001, \u804C\u8D23, \u6761\u6587", content: { "text/csv": { schema: z6.string() } } },
    ...errors(400, 404)
  }
});
var healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  summary: "Index status",
  responses: { 200: json(Health, "When the index was built, its counts, and whether dense retrieval is on") }
});
function apiRoutes(assistant) {
  const regulation = (id) => requireRegulation(assistant, id);
  const scope = (id) => optionalRegulation(assistant, id);
  return new OpenAPIHono().openapi(askRoute, async (c) => {
    const input = c.req.valid("json");
    scope(input.regulationId);
    const result = await assistant.ask(input);
    return wantsStream(c) ? streamAnswer(c, result) : c.json(result, 200);
  }).openapi(searchRoute, async (c) => {
    const { q, k, regulationId } = c.req.valid("query");
    return c.json(await assistant.search(q, k, scope(regulationId)), 200);
  }).openapi(regulationsRoute, (c) => c.json({ regulations: assistant.regulations() }, 200)).openapi(regulationRoute, (c) => c.json(regulation(c.req.valid("param").id), 200)).openapi(articleRoute, (c) => {
    const { id, n } = c.req.valid("param");
    const reg = regulation(id);
    const no = articleNo(n);
    const last = Math.max(...reg.articles.map((a) => a.no.n));
    if (no.n < 1 || no.n > last) throw new ApiError(400, "article_out_of_range", { value: n, title: reg.title, max: last });
    const article = reg.articles.find((a) => a.no.n === no.n && a.no.sub === no.sub);
    if (!article) throw new ApiError(404, "article_not_found", { value: n, title: reg.title, label: articleLabel(no.n, no.sub) });
    return c.json({ regulationId: reg.id, regulationTitle: reg.title, status: reg.status, article }, 200);
  }).openapi(dutiesRoute, (c) => {
    const { actor, regulationId } = c.req.valid("query");
    return c.json(assistant.duties(actor, scope(regulationId)), 200);
  }).openapi(dutiesCsvRoute, (c) => {
    const { actor, regulationId } = c.req.valid("query");
    c.header("Content-Disposition", `attachment; filename="duties.csv"; filename*=UTF-8''${encodeURIComponent(`\u804C\u8D23-${actor}.csv`)}`);
    return c.body(dutiesCsv(assistant.duties(actor, scope(regulationId))), 200, { "Content-Type": "text/csv; charset=utf-8" });
  }).openapi(healthRoute, (c) => c.json({ status: "ok", ...assistant.health() }, 200));
}

// server/http/assets.ts
import { Hono } from "hono";

// server/http/styles.ts
var PAGE_CSS = `
:root {
  --ink: #1d2733; --muted: #5b6776; --line: #dde2e8; --bg: #f5f7fa; --card: #fff;
  --accent: #0a58a8; --accent-ink: #fff; --draft: #a34b00; --draft-bg: #fff3e0;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.7;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

header.site { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem clamp(1rem, 4vw, 2rem); background: var(--card); border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.1rem; color: var(--ink); text-decoration: none; }
.brand span { color: var(--muted); font-weight: 400; margin-left: .25rem; }
header.site nav { display: flex; gap: 1rem; }
header.site nav a { text-decoration: none; color: var(--muted); padding: .25rem 0; border-bottom: 2px solid transparent; }
header.site nav a[aria-current="page"] { color: var(--ink); border-bottom-color: var(--accent); }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem clamp(1rem, 4vw, 2rem) 3rem; }
footer.site { max-width: 60rem; margin: 0 auto; padding: 1rem clamp(1rem, 4vw, 2rem) 2rem; color: var(--muted); font-size: .85rem; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1rem; margin: 0 0 .25rem; }
.meta, .lead { color: var(--muted); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45em; border-radius: .3em; vertical-align: middle; line-height: 1.6; }
.badge.draft { color: var(--draft); background: var(--draft-bg); border: 1px solid #f3c58b; }

.regulations { list-style: none; padding: 0; }
.regulations li { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; margin-bottom: .75rem; }
.regulations a { font-weight: 600; font-size: 1.05rem; }
.regulations .meta { display: block; font-size: .9rem; }

.notice-banner { background: var(--draft-bg); color: var(--draft); border-radius: .4rem; padding: .5rem .9rem; }
.toc ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .95rem; }
.section, .chapter { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .25rem 1.25rem 1rem; margin: 1rem 0; }
.section h2, .chapter h2 { margin-top: 1rem; }
.uncertain { color: var(--draft); font-weight: 400; font-size: .8rem; }
.article { padding: .6rem 0; border-top: 1px solid var(--line); scroll-margin-top: 1rem; }
.article:target { background: #fffbe6; box-shadow: 0 0 0 .5rem #fffbe6; }
.article h3 a { color: var(--ink); text-decoration: none; }
.paras { margin: 0; padding-left: 3.2em; }
.paras li { white-space: pre-line; }
.paras li::marker { content: "\u7B2C" counter(list-item) "\u6B3E  "; color: var(--muted); font-size: .8rem; }
.gap { color: var(--draft); font-size: .9rem; margin: .5rem 0; }

.duties-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; }
.field { display: flex; flex-direction: column; gap: .25rem; flex: 1 1 14rem; }
label { font-weight: 600; font-size: .9rem; }
input, select, button, .button { font: inherit; padding: .5rem .75rem; border-radius: .4rem; border: 1px solid #b8c1cc; background: #fff; color: var(--ink); }
button, .button { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #7fb2ea; outline-offset: 2px; }
.results-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; margin-top: 1.5rem; }
.results-head h2 { margin: 0; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; }
table.duties { border-collapse: collapse; width: 100%; font-size: .92rem; }
.duties th, .duties td { text-align: left; vertical-align: top; padding: .55rem .7rem; border-bottom: 1px solid var(--line); }
.duties th { background: #eef2f6; white-space: nowrap; }
.duties td:nth-child(2), .duties td:nth-child(4), .duties td:nth-child(5) { white-space: nowrap; }
.duties details summary { color: var(--muted); font-size: .8rem; cursor: pointer; }
.modality { font-size: .8rem; padding: 0 .4em; border-radius: .3em; border: 1px solid; }
.modality.must { color: #0a58a8; } .modality.must-not { color: #b42318; } .modality.may { color: #3f6212; } .modality.encouraged { color: #6d28d9; }
.empty { background: var(--card); border: 1px dashed var(--line); border-radius: .5rem; padding: 1rem; }

regqa-chat { display: block; }
`;

// server/http/widget.ts
var TEXT = {
  zh: {
    title: "\u6CD5\u89C4\u95EE\u7B54",
    subtitle: "\u4F9D\u636E\u6CD5\u89C4\u539F\u6587\u56DE\u7B54\uFF0C\u5E76\u6CE8\u660E\u6761\u6B3E\u51FA\u5904",
    newChat: "\u65B0\u5BF9\u8BDD",
    switchLang: "English",
    log: "\u5BF9\u8BDD\u8BB0\u5F55",
    examples: "\u8BD5\u8BD5\u8FD9\u4E9B\u95EE\u9898\uFF1A",
    label: "\u4F60\u7684\u95EE\u9898",
    placeholder: "\u4F8B\u5982\uFF1A\u8C01\u5E94\u5F53\u660E\u786E\u6570\u636E\u4E13\u5458\uFF1F",
    hint: "Enter \u53D1\u9001\uFF0CShift+Enter \u6362\u884C",
    send: "\u53D1\u9001",
    you: "\u4F60",
    assistant: "\u52A9\u624B",
    thinking: "\u6B63\u5728\u67E5\u627E\u76F8\u5173\u6761\u6B3E\u2026",
    sources: "\u4F9D\u636E\u6761\u6B3E",
    draft: "\u8349\u6848",
    fullText: "\u67E5\u770B\u6761\u6587\u5168\u6587",
    notFoundHint: "\u53EF\u4EE5\u6362\u4E2A\u8BF4\u6CD5\u518D\u95EE\uFF0C\u6216\u6D4F\u89C8\u6536\u5F55\u7684\u6CD5\u89C4\u3002",
    browse: "\u6D4F\u89C8\u6CD5\u89C4",
    network: "\u7F51\u7EDC\u9519\u8BEF\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5\u3002",
    failed: "\u51FA\u9519\u4E86\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5\u3002"
  },
  en: {
    title: "Regulations Q&A",
    subtitle: "Answers from the text of the regulations, citing the clauses",
    newChat: "New chat",
    switchLang: "\u4E2D\u6587",
    log: "Conversation",
    examples: "Try asking:",
    label: "Your question",
    placeholder: "e.g. who must appoint a data specialist?",
    hint: "Enter to send, Shift+Enter for a new line",
    send: "Send",
    you: "You",
    assistant: "Assistant",
    thinking: "Looking up the relevant clauses\u2026",
    sources: "Cited clauses",
    draft: "draft",
    fullText: "Read the full article",
    notFoundHint: "Try rephrasing, or browse the regulations.",
    browse: "Browse regulations",
    network: "Network error; please try again.",
    failed: "Something went wrong; please try again."
  }
};
var EXAMPLES = ["\u8C01\u5E94\u5F53\u660E\u786E\u6570\u636E\u4E13\u5458\uFF1F", "\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8\u6709\u54EA\u4E9B\u804C\u8D23\uFF1F", "\u8D35\u9633\u8349\u6848\u5F81\u6C42\u610F\u89C1\u622A\u6B62\u5230\u4EC0\u4E48\u65F6\u5019\uFF1F", "who must appoint a data specialist?"];
var WIDGET_CSS = `
:host { display: block; --accent: #0a58a8; --ink: #1d2733; --muted: #5b6776; --line: #dde2e8; --draft: #a34b00; --draft-bg: #fff3e0;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: var(--ink); line-height: 1.65; }
* { box-sizing: border-box; }
.chat { display: flex; flex-direction: column; background: #fff; border: 1px solid var(--line); border-radius: .75rem; overflow: hidden; box-shadow: 0 1px 3px rgba(16,24,40,.06); }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .9rem 1.1rem; border-bottom: 1px solid var(--line); background: #f8fafc; }
.bar .titles { flex: 1 1 14rem; }
h2 { margin: 0; font-size: 1.15rem; }
.sub { margin: 0; color: var(--muted); font-size: .85rem; }
.tools { display: flex; gap: .5rem; }
button { font: inherit; cursor: pointer; border-radius: .45rem; }
.ghost { background: #fff; border: 1px solid var(--line); color: var(--ink); padding: .3rem .7rem; font-size: .85rem; }
.ghost:hover { border-color: var(--accent); color: var(--accent); }
button:focus-visible, textarea:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid #7fb2ea; outline-offset: 2px; }
.log { display: flex; flex-direction: column; gap: .9rem; padding: 1rem 1.1rem; min-height: 10rem; max-height: 70vh; overflow-y: auto; }
.log:empty { display: none; }
.msg { max-width: 92%; }
.msg .who { display: block; font-size: .75rem; color: var(--muted); margin-bottom: .15rem; }
.msg .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; padding: .6rem .85rem; border-radius: .75rem; }
.user { align-self: flex-end; text-align: left; }
.user .who { text-align: right; }
.user .text { background: var(--accent); color: #fff; border-bottom-right-radius: .2rem; }
.bot .text { background: #f1f4f8; border-bottom-left-radius: .2rem; }
.bot[aria-busy="true"] .text:empty::before { content: attr(data-thinking); color: var(--muted); }
.notfound .text { background: #fafafa; border: 1px dashed var(--line); color: var(--muted); }
.hint-line { margin: .35rem 0 0; font-size: .85rem; color: var(--muted); }
.error .text { background: #fef3f2; color: #b42318; border: 1px solid #fecdca; }
.cites { list-style: none; margin: .5rem 0 0; padding: 0; display: flex; flex-direction: column; gap: .35rem; }
.cites-label { font-size: .75rem; color: var(--muted); margin: .5rem 0 0; }
details { border: 1px solid var(--line); border-radius: .6rem; background: #fff; }
summary { cursor: pointer; padding: .3rem .7rem; font-size: .88rem; color: var(--accent); list-style-position: inside; }
details[open] summary { border-bottom: 1px solid var(--line); }
blockquote { margin: 0; padding: .5rem .8rem; font-size: .9rem; white-space: pre-line; border-left: 3px solid var(--accent); background: #f8fafc; }
details a { display: inline-block; margin: .35rem .8rem .5rem; font-size: .85rem; color: var(--accent); }
.badge { display: inline-block; margin-right: .35rem; font-size: .72rem; font-weight: 600; padding: 0 .4em; border-radius: .3em; color: var(--draft); background: var(--draft-bg); border: 1px solid #f3c58b; }
.examples { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; padding: .75rem 1.1rem 0; }
.examples span { font-size: .85rem; color: var(--muted); }
.examples button { background: #eef4fb; border: 1px solid #cfe0f3; color: var(--accent); padding: .25rem .65rem; font-size: .85rem; border-radius: 1rem; }
form { padding: .75rem 1.1rem 1rem; }
label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .3rem; }
.row { display: flex; gap: .5rem; align-items: stretch; }
textarea { flex: 1; font: inherit; padding: .55rem .75rem; border: 1px solid #b8c1cc; border-radius: .5rem; resize: vertical; min-height: 2.9rem; }
.send { background: var(--accent); color: #fff; border: 1px solid var(--accent); padding: 0 1.25rem; font-weight: 600; }
.send:disabled { opacity: .55; cursor: progress; }
.kbd { margin: .3rem 0 0; font-size: .75rem; color: var(--muted); }
@media (max-width: 480px) {
  .row { flex-direction: column; }
  .send { padding: .55rem; }
  .msg { max-width: 100%; }
}
`;
var WIDGET_JS = String.raw`(() => {
'use strict';
if (customElements.get('regqa-chat')) return;

// document.currentScript exists only while this script first runs: remember where it came from.
const SCRIPT_ORIGIN = document.currentScript && document.currentScript.src ? new URL(document.currentScript.src).origin : location.origin;
const TEXT = ${JSON.stringify(TEXT)};
const EXAMPLES = ${JSON.stringify(EXAMPLES)};
const LIMITS = ${JSON.stringify({ turns: LIMITS.historyTurns, turnChars: LIMITS.turnContent, question: LIMITS.question })};
const CSS = ${JSON.stringify(WIDGET_CSS)};

function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children || []) if (child) node.append(child);
  return node;
}

// 第十四条第三款 → 第十四条: the anchor of the article on its regulation's page.
const articleAnchor = (label) => (/^第[^条]+条(?:之[一二三四五六七八九十]+)?/.exec(label) || [label])[0];

// Server-sent events from a fetch body: yields {event, data} per blank-line-terminated block.
async function* sseEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      yield { event, data: data.join('\n') };
    }
  }
}

class RegqaChat extends HTMLElement {
  static get observedAttributes() { return ['lang']; }

  constructor() {
    super();
    this.history = [];
    this.labels = [];
    this.busy = false;
    this.root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    this.root.adoptedStyleSheets = [sheet];
  }

  get apiBase() { return (this.getAttribute('api-base') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }
  get uiLang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh'; }
  get t() { return TEXT[this.uiLang]; }

  connectedCallback() {
    if (this.form) return;
    this.statuses = fetch(this.apiBase + '/api/regulations')
      .then((res) => (res.ok ? res.json() : { regulations: [] }))
      .then((data) => new Map(data.regulations.map((r) => [r.id, r.status])))
      .catch(() => new Map());
    this.build();
  }

  attributeChangedCallback() { if (this.form) this.relabel(); }

  // Static text is registered once and re-filled on a language switch; messages keep their language.
  i18n(node, key, attr) {
    this.labels.push({ node, key, attr });
    return node;
  }

  relabel() {
    for (const { node, key, attr } of this.labels) {
      if (attr) node.setAttribute(attr, this.t[key]);
      else node.textContent = this.t[key];
    }
  }

  build() {
    this.log = this.i18n(el('div', { class: 'log', role: 'log', 'aria-live': 'polite' }), 'log', 'aria-label');
    this.input = this.i18n(el('textarea', { id: 'q', name: 'question', rows: '2', maxlength: String(LIMITS.question), autocomplete: 'off' }), 'placeholder', 'placeholder');
    this.sendButton = this.i18n(el('button', { type: 'submit', class: 'send' }), 'send');
    const newChat = this.i18n(el('button', { type: 'button', class: 'ghost' }), 'newChat');
    const switchLang = this.i18n(el('button', { type: 'button', class: 'ghost' }), 'switchLang');
    const examples = EXAMPLES.map((q) => el('button', { type: 'button', text: q }));
    this.form = el('form', { 'aria-labelledby': 'q-label' }, [
      this.i18n(el('label', { for: 'q', id: 'q-label' }), 'label'),
      el('div', { class: 'row' }, [this.input, this.sendButton]),
      this.i18n(el('p', { class: 'kbd' }), 'hint'),
    ]);
    this.root.append(
      el('section', { class: 'chat', 'aria-labelledby': 'title' }, [
        el('div', { class: 'bar' }, [
          el('div', { class: 'titles' }, [this.i18n(el('h2', { id: 'title' }), 'title'), this.i18n(el('p', { class: 'sub' }), 'subtitle')]),
          el('div', { class: 'tools' }, [newChat, switchLang]),
        ]),
        this.log,
        el('div', { class: 'examples', role: 'group', 'aria-labelledby': 'examples-label' }, [
          this.i18n(el('span', { id: 'examples-label' }), 'examples'),
          ...examples,
        ]),
        this.form,
      ]),
    );
    this.relabel();

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => {
      // isComposing: Enter also confirms a pinyin candidate, which must not send the question.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    for (const button of examples) button.addEventListener('click', () => this.ask(button.textContent));
    newChat.addEventListener('click', () => {
      this.history = [];
      this.log.replaceChildren();
      this.input.focus();
    });
    switchLang.addEventListener('click', () => this.setAttribute('lang', this.uiLang === 'en' ? 'zh' : 'en'));
  }

  message(kind, who, text) {
    const body = el('p', { class: 'text', text });
    const node = el('div', { class: 'msg ' + kind }, [el('span', { class: 'who', text: who }), body]);
    this.log.append(node);
    node.scrollIntoView({ block: 'nearest' });
    return { node, body };
  }

  async ask(raw) {
    const question = (raw || '').trim();
    if (!question || this.busy) return;
    this.busy = true;
    this.sendButton.disabled = true;
    this.input.value = '';
    const t = this.t;
    this.message('user', t.you, question);
    const reply = this.message('bot', t.assistant, '');
    reply.node.setAttribute('aria-busy', 'true');
    reply.body.setAttribute('data-thinking', t.thinking);

    const request = { question, history: this.history.slice(-LIMITS.turns) };
    if (this.uiLang === 'en') request.lang = 'en';
    let answer = '';
    try {
      const res = await fetch(this.apiBase + '/api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(request),
      });
      if (!res.ok || !res.body) {
        const error = await res.json().catch(() => null);
        throw new Error((error && error.error && error.error.message) || t.failed);
      }
      for await (const { event, data } of sseEvents(res.body)) {
        if (event === 'answer') {
          answer += JSON.parse(data).text;
          reply.body.textContent = answer;
        } else if (event === 'citations') {
          await this.showCitations(reply.node, JSON.parse(data), t);
        }
      }
      this.history.push({ role: 'user', content: question }, { role: 'assistant', content: answer.slice(0, LIMITS.turnChars) });
    } catch (error) {
      reply.node.classList.add('error');
      reply.body.setAttribute('role', 'alert');
      reply.body.textContent = error instanceof TypeError ? t.network : error.message;
    } finally {
      reply.node.setAttribute('aria-busy', 'false');
      this.busy = false;
      this.sendButton.disabled = false;
      reply.node.scrollIntoView({ block: 'nearest' });
      this.input.focus();
    }
  }

  async showCitations(node, result, t) {
    if (!result.found) {
      node.classList.add('notfound');
      node.append(el('p', { class: 'hint-line' }, [t.notFoundHint + ' ', el('a', { href: this.apiBase + '/regulations', target: '_blank', rel: 'noopener', text: t.browse })]));
      return;
    }
    if (result.citations.length === 0) return;
    const statuses = await this.statuses;
    const items = result.citations.map((c) => {
      const href = this.apiBase + '/regulations/' + encodeURIComponent(c.regulationId) + '#' + articleAnchor(c.label);
      return el('li', {}, [
        el('details', {}, [
          el('summary', {}, [
            statuses.get(c.regulationId) === 'draft' ? el('span', { class: 'badge', text: t.draft }) : null,
            '《' + c.regulationTitle + '》' + c.label,
          ]),
          el('blockquote', { text: c.text }),
          el('a', { href, target: '_blank', rel: 'noopener', text: t.fullText }),
        ]),
      ]);
    });
    node.append(el('p', { class: 'cites-label', text: t.sources }), el('ul', { class: 'cites' }, items));
  }
}

customElements.define('regqa-chat', RegqaChat);
})();
`;

// server/http/assets.ts
var CACHE = "public, max-age=300";
function assetRoutes() {
  return new Hono().get("/styles.css", (c) => c.body(PAGE_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": CACHE })).get(
    "/widget.js",
    (c) => c.body(WIDGET_JS, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": CACHE,
      // Other sites embed the widget with a <script> tag: let them load it.
      "Cross-Origin-Resource-Policy": "cross-origin"
    })
  );
}

// server/http/concurrency.ts
var RETRY_AFTER_S = 1;
function concurrencyLimit(options) {
  let active = 0;
  const waiting = [];
  const release = () => {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const granted = Date.now() - next.since <= options.maxWaitMs;
      next.resume(granted);
      if (granted) return;
    }
    active--;
  };
  return async (c, next) => {
    if (active < options.max) active++;
    else if (waiting.length >= options.queue) throw new ApiError(503, "overloaded", {}, RETRY_AFTER_S);
    else {
      const granted = await new Promise((resume) => waiting.push({ since: Date.now(), resume }));
      if (!granted) throw new ApiError(504, "timeout");
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}

// server/http/duties-page.ts
import { Hono as Hono2 } from "hono";
import { html as html2 } from "hono/html";

// server/core/duties.ts
var BINDING = /(应当|必须|不得|负责|可以)/;
var ENCOURAGING = /^((?:鼓励|支持|引导)(?:和(?:鼓励|支持|引导))?)/;
var ACTOR_END = /(政府|部门|机关|机构|单位|企业|组织|个人|者|委员会|常委会|办公厅|主体|院校|学校|中心|平台|官|专员|人员|公民|法人|各地区|各部门)$/;
function sentences2(clause) {
  return clause.split(/(?<=[。；;])|\n/).map((s) => s.trim()).filter((s) => s.length > 1);
}
function extractDuties(clause) {
  const out = [];
  for (const sentence of sentences2(clause)) {
    const statement = dutyOf(sentence);
    if (statement) out.push(statement);
  }
  return out;
}
function dutyOf(sentence) {
  const body = sentence.replace(/^[（(][一二三四五六七八九十]+[）)]/, "");
  const encouraging = ENCOURAGING.exec(body);
  if (encouraging) {
    const modality = encouraging[1].startsWith("\u652F\u6301") ? "\u652F\u6301" : "\u9F13\u52B1";
    return { actor: "", modality, action: trimEnd(body), sentence };
  }
  const binding = BINDING.exec(body);
  if (!binding) return null;
  const before = body.slice(0, binding.index);
  const actor = before.split(/[，,：:]/).at(-1).trim();
  if (!ACTOR_END.test(actor) || actor.length > 40) return null;
  return { actor, modality: binding[1], action: trimEnd(body.slice(binding.index + binding[1].length)), sentence };
}
var trimEnd = (s) => s.replace(/[。；;，,\s]+$/, "");
function actionHead(action) {
  return action.split(/[，,；;。]/)[0].trim();
}
function actorLevel(actor) {
  if (actor === "") return "\u672A\u6307\u660E";
  if (/^县级以上/.test(actor)) return "\u53BF\u7EA7\u4EE5\u4E0A";
  if (/^省、市州/.test(actor)) return "\u7701\u3001\u5E02\u5DDE";
  if (/^(?:省人民政府|省级|省)/.test(actor)) return "\u7701\u7EA7";
  if (/^市州/.test(actor)) return "\u5E02\u5DDE";
  if (/^(?:市人民政府|市人民代表大会|市)/.test(actor)) return "\u5E02\u7EA7";
  if (/^县级/.test(actor)) return "\u53BF\u7EA7";
  if (/^各级/.test(actor)) return "\u5404\u7EA7";
  return "\u672A\u6307\u660E";
}
var LEVEL_PREFIX = /^(?:县级以上|省、市州|省级|市州|各级|省|市|县级|县)?(?:人民政府)?(?:及其?|和|与)?/;
function actorCore(actor) {
  const core = actor.replace(LEVEL_PREFIX, "");
  return core === "" ? actor : core;
}
function actorMatches(clauseActor, asked) {
  const core = actorCore(asked.trim());
  if (core === "") return false;
  return clauseActor.includes(core) || clauseActor !== "" && core.includes(actorCore(clauseActor)) && actorCore(clauseActor).length >= 2;
}

// server/http/layout.ts
import { html } from "hono/html";
var NAV = [
  { key: "chat", href: "/", label: "\u95EE\u7B54" },
  { key: "regulations", href: "/regulations", label: "\u6CD5\u89C4" },
  { key: "duties", href: "/duties", label: "\u804C\u8D23\u67E5\u8BE2" }
];
function layout({ title, nav, body, scripts = [] }) {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 法规问答</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/styles.css">
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <a class="brand" href="/">法规问答 <span lang="en">RegQA</span></a>
  <nav aria-label="主导航">
    ${NAV.map((item) => html`<a href="${item.href}"${item.key === nav ? html` aria-current="page"` : ""}>${item.label}</a>`)}
  </nav>
</header>
<main id="main">
${body}
</main>
<footer class="site">
  回答与引文均来自收录法规的原文，仅供参考，请以官方公布的文本为准。草案尚未施行。 · <a href="/openapi.json">API</a>
</footer>
</body>
</html>`;
}
var draftBadge = (status) => status === "draft" && html`<span class="badge draft">草案</span>`;

// server/http/duties-page.ts
var PROBES = ["\u90E8\u95E8", "\u653F\u5E9C", "\u673A\u5173", "\u673A\u6784"];
var DATALIST_SIZE = 30;
function commonActors(assistant) {
  const counts = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const probe of PROBES) {
    for (const duty of assistant.duties(probe).groups.flatMap((g) => g.duties)) {
      const key = `${duty.regulationId} ${duty.label} ${duty.actor} ${duty.action}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const core = actorCore(duty.actor);
      if (/[、及和与]/.test(core)) continue;
      counts.set(core, (counts.get(core) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, DATALIST_SIZE).map(([actor]) => actor);
}
var MODALITY_CLASS = {
  \u5E94\u5F53: "must",
  \u5FC5\u987B: "must",
  \u8D1F\u8D23: "must",
  \u4E0D\u5F97: "must-not",
  \u53EF\u4EE5: "may",
  \u9F13\u52B1: "encouraged",
  \u652F\u6301: "encouraged"
};
function dutyRows(list) {
  return list.groups.flatMap(
    (g) => g.duties.map(
      (d) => html2`<tr>
  <td>${d.regulationTitle} ${draftBadge(g.status)}</td>
  <td><a href="${regulationHref(d.regulationId, articleAnchor(d.label))}">${d.label}</a></td>
  <td>${d.actor}</td>
  <td>${d.level}</td>
  <td><span class="modality ${MODALITY_CLASS[d.modality]}">${d.modality}</span></td>
  <td>${d.action}<details><summary>条文原文</summary><p>${d.text}</p></details></td>
</tr>`
    )
  );
}
function results(list, regulationId, suggestions) {
  const rows = dutyRows(list);
  if (rows.length === 0) {
    return html2`<p class="empty" role="status">没有找到“${list.actor}”的职责。可以试试：${suggestions.slice(0, 5).join("\u3001")}。</p>`;
  }
  const csv = `/api/duties.csv?${new URLSearchParams({ actor: list.actor, ...regulationId && { regulationId } })}`;
  return html2`<section class="results" aria-labelledby="results-title">
  <div class="results-head">
    <h2 id="results-title">“${list.actor}”的职责（${rows.length} 条）</h2>
    <a class="button" href="${csv}" download>导出 CSV</a>
  </div>
  <p class="meta">匹配的主体：${list.matchedActors.join("\uFF1B")}</p>
  <div class="table-wrap">
    <table class="duties">
      <thead><tr><th scope="col">法规</th><th scope="col">条款</th><th scope="col">主体</th><th scope="col">层级</th><th scope="col">情态</th><th scope="col">职责</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </div>
</section>`;
}
function dutiesPageRoutes(assistant) {
  const actors = commonActors(assistant);
  const regulations = assistant.regulations();
  return new Hono2().get("/duties", (c) => {
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ""));
    const asked = query.actor === void 0 ? null : parseOrThrow(DutiesQuery, query);
    const regulationId = optionalRegulation(assistant, asked?.regulationId);
    const body = html2`
<h1>部门职责查询</h1>
<p class="lead">输入机构或主体，列出收录法规中它应当、必须、不得、可以做的事，以及法规鼓励、支持的事项。</p>
<form class="duties-form" method="get" action="/duties" role="search">
  <div class="field">
    <label for="actor">机构 / 主体</label>
    <input id="actor" name="actor" list="actors" value="${asked?.actor ?? ""}" required maxlength="100" autocomplete="off" placeholder="例如：数据主管部门">
    <datalist id="actors">${actors.map((a) => html2`<option value="${a}"></option>`)}</datalist>
  </div>
  <div class="field">
    <label for="regulationId">法规</label>
    <select id="regulationId" name="regulationId">
      <option value="">全部法规</option>
      ${regulations.map((r) => html2`<option value="${r.id}"${r.id === regulationId ? html2` selected` : ""}>${r.title}</option>`)}
    </select>
  </div>
  <button type="submit">查询</button>
</form>
${asked && results(assistant.duties(asked.actor, regulationId), regulationId, actors)}`;
    return c.html(layout({ title: "\u90E8\u95E8\u804C\u8D23\u67E5\u8BE2", nav: "duties", body }));
  });
}

// server/http/pages.ts
import { Hono as Hono3 } from "hono";
import { html as html3 } from "hono/html";
function chapterGroups(articles) {
  const groups = [];
  for (const article of articles) {
    const last = groups.at(-1);
    if (last && (article.chapters.length === 0 || article.chapters.join("\n") === last.headings.join("\n"))) last.articles.push(article);
    else groups.push({ headings: article.chapters, articles: [article] });
  }
  return groups;
}
var chapterAnchor = (heading) => heading.split(/\s/)[0] ?? heading;
var paragraphs = (ps) => html3`<ol class="paras">${ps.map((p) => html3`<li value="${p.number}">${p.text}</li>`)}</ol>`;
function gapNote(previous, article) {
  const from = (previous?.no.n ?? 0) + 1;
  if (article.no.sub > 0 || from >= article.no.n) return false;
  const to = article.no.n - 1;
  const span = from === to ? articleLabel(from) : `${articleLabel(from)}\u81F3${articleLabel(to)}`;
  return html3`<p class="gap">原文缺${span}。</p>`;
}
function articleHtml(article, previous) {
  return html3`${gapNote(previous, article)}
<article class="article" id="${article.label}">
  <h3><a href="#${article.label}">${article.label}</a></h3>
  ${paragraphs(article.paragraphs)}
</article>`;
}
function regulationPage(reg) {
  const groups = chapterGroups(reg.articles);
  const anchorGroup = /* @__PURE__ */ new Map();
  for (const g of groups) for (const h of g.headings) if (!anchorGroup.has(h)) anchorGroup.set(h, g);
  const previous = new Map(reg.articles.map((a, i) => [a, reg.articles[i - 1]]));
  const body = html3`
<article class="regulation">
  <h1>${reg.title} ${draftBadge(reg.status)}</h1>
  <p class="meta">${reg.jurisdiction} · ${statusLabel(reg.status)} · 共 ${reg.articles.length} 条 · 又称：${reg.aliases.filter((a) => new RegExp("\\p{Script=Han}", "u").test(a)).join("\u3001")}</p>
  ${reg.status === "draft" && html3`<p class="notice-banner" role="note">这是征求意见稿（草案），尚未施行，条文可能修改。</p>`}
  <nav class="toc" aria-label="目录">
    <ol>
      ${reg.sections.map((s) => html3`<li><a href="#${s.label}">${s.title}</a></li>`)}
      ${reg.chapters.map((ch) => html3`<li>${anchorGroup.has(ch) ? html3`<a href="#${chapterAnchor(ch)}">${ch}</a>` : ch}</li>`)}
    </ol>
  </nav>
  ${reg.sections.map(
    (s) => html3`<section class="section" id="${s.label}" aria-labelledby="${s.label}-title">
  <h2 id="${s.label}-title">${s.title}</h2>
  ${s.paragraphs.map((p) => html3`<p>${p.text}</p>`)}
</section>`
  )}
  ${groups.map(
    (g) => html3`<section class="chapter">
  ${g.headings.length > 0 && html3`<h2>${g.headings.map((h, i) => html3`${i > 0 ? " / " : ""}<span${anchorGroup.get(h) === g ? html3` id="${chapterAnchor(h)}"` : ""}>${h}</span>`)}${g.headings.length > 1 && html3` <small class="uncertain">（各版本原文的章标题不一致）</small>`}</h2>`}
  ${g.articles.map((a) => articleHtml(a, previous.get(a)))}
</section>`
  )}
</article>`;
  return layout({ title: reg.title, nav: "regulations", body });
}
function regulationsPage(assistant) {
  const body = html3`
<h1>收录的法规</h1>
<ul class="regulations">
  ${assistant.regulations().map(
    (r) => html3`<li>
    <a href="${regulationHref(r.id)}">${r.title}</a> ${draftBadge(r.status)}
    <span class="meta">${r.jurisdiction} · ${statusLabel(r.status)} · 共 ${r.articles} 条</span>
  </li>`
  )}
</ul>`;
  return layout({ title: "\u6CD5\u89C4", nav: "regulations", body });
}
var CHAT_PAGE = layout({
  title: "\u95EE\u7B54",
  nav: "chat",
  body: html3`<h1 class="visually-hidden">法规问答</h1><regqa-chat></regqa-chat>`,
  scripts: ["/widget.js"]
});
function pageRoutes(assistant) {
  return new Hono3().get("/", (c) => c.html(CHAT_PAGE)).get("/regulations", (c) => c.html(regulationsPage(assistant))).get("/regulations/:id", (c) => {
    return c.html(regulationPage(requireRegulation(assistant, c.req.param("id"))));
  });
}

// server/http/client.ts
function clientAddress(c) {
  const incoming = c.env?.incoming;
  if (incoming) return incoming.socket?.remoteAddress ?? "unknown";
  return c.req.header("cf-connecting-ip") ?? "unknown";
}

// server/http/rate-limit.ts
var TokenBuckets = class {
  constructor(perMinute, burst, maxClients = 1e4, now = Date.now) {
    this.burst = burst;
    this.maxClients = maxClients;
    this.now = now;
    this.perMs = perMinute / 6e4;
  }
  burst;
  maxClients;
  now;
  buckets = /* @__PURE__ */ new Map();
  perMs;
  /** Takes a token for `key`: 0 when granted, else the whole seconds until one is available. */
  take(key) {
    const now = this.now();
    const previous = this.buckets.get(key);
    const bucket = previous ? { tokens: Math.min(this.burst, previous.tokens + (now - previous.at) * this.perMs), at: now } : { tokens: this.burst, at: now };
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== void 0) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1e3));
  }
};
function rateLimit(options) {
  const buckets = new TokenBuckets(options.perMinute, options.burst);
  return async (c, next) => {
    const wait = buckets.take(clientAddress(c));
    if (wait > 0) throw new ApiError(429, "rate_limited", { seconds: wait }, wait);
    await next();
  };
}

// server/http/request-log.ts
function requestLog(write = (line) => console.log(line)) {
  return async (c, next) => {
    const started = performance.now();
    await next();
    write(
      JSON.stringify({
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        client: clientAddress(c)
      })
    );
  };
}

// server/http/app.ts
function createApp(assistant, config) {
  const app = new OpenAPIHono2({
    defaultHook: async (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error.issues, await rejectedInput(c, result.target)));
    }
  });
  if (config.logRequests) app.use(requestLog());
  app.use(
    languageDetector({ supportedLanguages: ["zh", "en"], fallbackLanguage: "zh", order: ["querystring", "header"], caches: false }),
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"]
      },
      // Routes that need a different value (the embeddable widget's CORP) set it themselves.
      overwrite: false
    })
  );
  app.use(
    "/api/*",
    cors({
      origin: config.corsOrigins.includes("*") ? "*" : config.corsOrigins,
      allowMethods: ["GET", "POST"],
      allowHeaders: ["Content-Type", "Accept", "Accept-Language"],
      maxAge: 600
    }),
    rateLimit(config.rateLimit),
    // Checks Content-Length before a byte is read; a chunked body is cut off as soon as it passes the limit.
    bodyLimit({
      maxSize: LIMITS.bodyBytes,
      onError: () => {
        throw new ApiError(413, "payload_too_large");
      }
    }),
    // Outside the concurrency cap, so that time spent queueing counts against the deadline too.
    timeout(config.requestTimeoutMs, () => new ApiError(504, "timeout")),
    concurrencyLimit({ max: config.maxConcurrent, queue: config.maxQueue, maxWaitMs: config.requestTimeoutMs })
  );
  app.route("/", apiRoutes(assistant));
  app.route("/", pageRoutes(assistant));
  app.route("/", dutiesPageRoutes(assistant));
  app.route("/", assetRoutes());
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "regqa",
      version: "0.1.0",
      description: 'Questions answered from Chinese regulations, citing the exact clauses. Errors are {"error":{"code","message"}}.'
    }
  });
  app.notFound((c) => errorResponse(c, new ApiError(404, "not_found")));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    console.error(JSON.stringify({ error: error.message, stack: error.stack, method: c.req.method, path: c.req.path }));
    return errorResponse(c, new ApiError(500, "internal"));
  });
  return app;
}

// server/http/node-serve.ts
import { serve } from "@hono/node-server";
function serveApp(app, options, onListening) {
  const server = serve({ fetch: app.fetch, ...options }, onListening);
  server.on("clientError", (error, socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    socket.end(error.code === "HPE_HEADER_OVERFLOW" ? rawError(431, "headers_too_large") : rawError(400, "malformed_request"));
  });
  return server;
}
function rawError(status, code) {
  const body = JSON.stringify({ error: { code, message: `${messageOf(code, "zh")} ${messageOf(code, "en")}` } });
  const reason = status === 400 ? "Bad Request" : "Request Header Fields Too Large";
  const head = [`HTTP/1.1 ${status} ${reason}`, "Content-Type: application/json; charset=utf-8", `Content-Length: ${Buffer.byteLength(body)}`, "Connection: close"];
  return `${head.join("\r\n")}\r
\r
${body}`;
}

// server/node/assistant.ts
import { join as join4 } from "node:path";

// server/core/actors-en.ts
var LEVELS = [
  [/^县级以上/, "at or above county level"],
  [/^省、市州/, "at provincial and prefecture level"],
  [/^省/, "provincial"],
  [/^市州/, "prefecture-level"],
  [/^市/, "municipal"],
  [/^各级/, "at all levels"]
];
var BODIES = [
  ["\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8", "data administration department"],
  ["\u884C\u4E1A\u4E3B\u7BA1\u90E8\u95E8", "competent industry department"],
  ["\u6709\u5173\u90E8\u95E8", "relevant departments"],
  ["\u901A\u4FE1\u7BA1\u7406\u90E8\u95E8", "telecommunications administration"],
  ["\u7F51\u4FE1\u90E8\u95E8", "cyberspace affairs department"],
  ["\u5DE5\u4E1A\u548C\u4FE1\u606F\u5316\u90E8\u95E8", "industry and information technology department"],
  ["\u519C\u4E1A\u519C\u6751\u90E8\u95E8", "agriculture and rural affairs department"],
  ["\u6587\u5316\u548C\u65C5\u6E38\u90E8\u95E8", "culture and tourism department"],
  ["\u536B\u751F\u5065\u5EB7\u90E8\u95E8", "health department"],
  ["\u4EBA\u529B\u8D44\u6E90\u793E\u4F1A\u4FDD\u969C\u90E8\u95E8", "human resources and social security department"],
  ["\u516C\u5B89\u673A\u5173", "public security organs"],
  ["\u56FD\u5BB6\u5B89\u5168\u673A\u5173", "state security organs"],
  ["\u5E02\u573A\u76D1\u7BA1\u90E8\u95E8", "market regulation department"],
  ["\u8D22\u653F\u90E8\u95E8", "finance department"],
  ["\u80FD\u6E90\u90E8\u95E8", "energy department"],
  ["\u4EBA\u6C11\u4EE3\u8868\u5927\u4F1A", "people's congress"],
  ["\u6570\u636E\u5904\u7406\u8005", "data processors"],
  ["\u4F01\u4E1A", "enterprises"],
  ["\u56FD\u5BB6\u673A\u5173", "state organs"]
];
function translateActor(actor) {
  const level = LEVELS.find(([re]) => re.test(actor));
  const rest = level ? actor.replace(level[0], "") : actor;
  const government = /^人民政府/.test(rest);
  const afterGov = rest.replace(/^人民政府/, "").replace(/^(?:及其?|和|与)/, "");
  const body = BODIES.find(([zh]) => afterGov === zh || afterGov.endsWith(zh));
  const levelEn = level?.[1] ?? "";
  const gov = levelEn.startsWith("at") ? `people's governments ${levelEn}` : `${levelEn ? `${levelEn} ` : ""}people's government`;
  if (government && afterGov === "") return gov;
  if (government && body) {
    const joined = /^(?:及其?|和|与)/.test(rest.replace(/^人民政府/, ""));
    return joined ? `${gov} and their ${body[1]}` : `the ${body[1]} of ${gov}`;
  }
  if (body && afterGov === body[0]) return `${levelEn && !levelEn.startsWith("at") ? `${levelEn} ` : ""}${body[1]}`;
  return actor;
}
function actorFromEnglish(text) {
  const asked = text.toLowerCase();
  const found = BODIES.filter(([, en]) => asked.includes(en.replace(/s$/, ""))).sort((a, b) => b[1].length - a[1].length)[0];
  return found?.[0] ?? null;
}

// server/core/answer.ts
var citationLabel = (c) => `\u300A${c.regulationTitle}\u300B${c.label}`;
function citationLabelEn(c) {
  if (c.article === null) return `\u300A${c.regulationTitle}\u300B (${c.label})`;
  const sub = /之(.+)$/.exec(c.label)?.[1];
  return `\u300A${c.regulationTitle}\u300B Article ${c.article}${sub ? `-${sub}` : ""}${c.paragraph ? `(${c.paragraph})` : ""}`;
}
function composeAnswer(input) {
  const { clauses, lang } = input;
  const lead = leadSentence(input);
  const cite = lang === "en" ? citationLabelEn : citationLabel;
  const support = clauses.map((c, i) => `${i + 1}. ${cite(c.citation)}${draftMark(c, lang)}\uFF1A${c.citation.text}`);
  const drafts = [...new Set(clauses.filter((c) => c.status === "draft").map((c) => c.citation.regulationTitle))];
  const note = drafts.length ? lang === "en" ? `Note: ${drafts.map((t) => `\u300A${t}\u300B`).join(", ")} is a draft published for public comment and is not yet in force.` : `\u6CE8\u610F\uFF1A${drafts.map((t) => `\u300A${t}\u300B`).join("\u3001")}\u662F\u5F81\u6C42\u610F\u89C1\u7A3F\uFF08\u8349\u6848\uFF09\uFF0C\u5C1A\u672A\u65BD\u884C\u3002` : "";
  const heading = lang === "en" ? "Supporting clauses (original Chinese text):" : "\u4F9D\u636E\uFF1A";
  return [lead, "", heading, ...support, ...note ? ["", note] : []].join("\n");
}
var draftMark = (c, lang) => c.status === "draft" ? lang === "en" ? " [draft]" : "\uFF08\u8349\u6848\uFF09" : "";
function leadSentence(input) {
  switch (input.kind) {
    case "lookup":
      return lookupLead(input);
    case "who":
      return whoLead(input);
    case "duty":
      return dutyLead(input);
    case "definition":
      return definitionLead(input);
    case "general":
      return generalLead(input);
  }
}
function grouped(items) {
  const out = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = item.text.normalize("NFKC").replace(/\s/g, "");
    const group = out.get(key) ?? { text: item.text, citations: [] };
    group.citations.push(item.citation);
    out.set(key, group);
  }
  return [...out.values()];
}
var joinCitations = (cs, lang) => cs.map(lang === "en" ? citationLabelEn : citationLabel).join(lang === "en" ? "; " : "\uFF1B");
function withCitations(text, cs, lang) {
  const body = text.replace(/[。；;.]$/, "");
  return lang === "en" ? `${body} (${joinCitations(cs, lang)}).` : `${body}\uFF08${joinCitations(cs, lang)}\uFF09\u3002`;
}
var capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
var ANSWER_SHAPES = [
  [/什么时候|何时|截止|期限|日期|哪天|多久|\bwhen\b|deadline|date/i, /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日/],
  [/电话|号码|传真|怎么联系|联系方式|\bphone\b|\bfax\b|\bcall\b|contact/i, /\d{3,4}-\d{7,8}/],
  [/地址|寄到|邮编|在哪里|\baddress\b|\bmail\b|post ?code/i, /地址|邮政编码/]
];
function bestSentence(text, focus, question = "") {
  const wanted = ANSWER_SHAPES.filter(([asks]) => asks.test(question)).map(([, has]) => has);
  let best = "";
  let bestScore = -1;
  for (const s of sentences2(text)) {
    const score = focus.reduce((n, f) => n + (s.includes(f) ? f.length : 0), 0) + wanted.filter((has) => has.test(s)).length * 100;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}
function whoLead(input) {
  const { clauses, focus, lang } = input;
  const statements = clauses.flatMap((c) => {
    const sentence = bestSentence(c.citation.text, focus);
    const duty = extractDuties(sentence)[0];
    return duty ? [{ duty, citation: c.citation }] : [];
  });
  if (statements.length === 0) return generalLead({ ...input, kind: "general" });
  const items = grouped(
    statements.map(({ duty, citation }) => ({
      text: lang === "en" ? dutyLineEn(duty.actor, duty.modality, actionHead(duty.action)) : `${duty.actor || "\u5404\u7EA7\u4EBA\u6C11\u653F\u5E9C"}${duty.modality}${actionHead(duty.action)}`,
      citation
    }))
  );
  return items.map((i) => withCitations(lang === "en" ? capitalise(i.text) : i.text, i.citations, lang)).join(lang === "en" ? " " : "");
}
function dutyLineEn(actor, modality, head) {
  const who = actor ? `${translateActor(actor)} (${actor})` : "The government";
  const verb = { \u5E94\u5F53: "shall", \u5FC5\u987B: "must", \u4E0D\u5F97: "must not", \u53EF\u4EE5: "may", \u8D1F\u8D23: "is responsible for", \u9F13\u52B1: "encourages", \u652F\u6301: "supports" };
  return `${who} ${verb[modality] ?? modality}: ${head}`;
}
function dutyLead(input) {
  const { clauses, actor, lang } = input;
  const statements = clauses.flatMap(
    (c) => extractDuties(c.citation.text).filter((d) => actor !== null && actorMatches(d.actor, actor)).map((d) => ({ text: `${d.modality}${actionHead(d.action)}`, citation: c.citation, general: d.modality === "\u8D1F\u8D23" }))
  );
  statements.sort((a, b) => Number(b.general) - Number(a.general));
  if (statements.length === 0) return generalLead({ ...input, kind: "general" });
  const items = grouped(statements).slice(0, 6);
  if (lang === "en") {
    return `Duties of the ${translateActor(actor).replace(/^the /, "")} (${actor}): ${items.map((i) => `${i.text} (${joinCitations(i.citations, lang)})`).join("; ")}.`;
  }
  return `${actor}\u7684\u804C\u8D23\u5305\u62EC\uFF1A${items.map((i) => `${i.text}\uFF08${joinCitations(i.citations, lang)}\uFF09`).join("\uFF1B")}\u3002`;
}
function definitionLead(input) {
  const { clauses, focus, lang } = input;
  for (const c of clauses) {
    const definition = sentences2(c.citation.text).find((s) => /是指|包括/.test(s) && focus.some((f) => s.includes(f)));
    if (definition) return withCitations(definition.replace(/^本条例下列用语的含义为：/, ""), [c.citation], lang);
  }
  return generalLead({ ...input, kind: "general" });
}
function lookupLead({ clauses, lang }) {
  return clauses.map(
    (c) => lang === "en" ? `${citationLabelEn(c.citation)} reads: ${c.citation.text}` : `${citationLabel(c.citation)}\u89C4\u5B9A\uFF1A${c.citation.text}`
  ).join("\n");
}
function generalLead({ clauses, focus, lang, question }) {
  const items = clauses.slice(0, 2).map((c) => ({ text: bestSentence(c.citation.text, focus, question), citation: c.citation }));
  return grouped(items).map((i) => withCitations(i.text, i.citations, lang)).join(lang === "en" ? " " : "");
}
function notFoundAnswer(lang, titles) {
  return lang === "en" ? `The regulations I can search (${titles.map((t) => `\u300A${t}\u300B`).join(", ")}) do not cover this question, so I cannot cite an answer.` : `\u73B0\u6709\u6761\u4F8B\uFF08${titles.map((t) => `\u300A${t}\u300B`).join("\u3001")}\uFF09\u6CA1\u6709\u6D89\u53CA\u8FD9\u4E2A\u95EE\u9898\uFF0C\u65E0\u6CD5\u7ED9\u51FA\u6709\u4F9D\u636E\u7684\u56DE\u7B54\u3002`;
}
function missingArticleAnswer(lang, title, article, sub, present) {
  const label = `\u7B2C${formatNumeral(article)}\u6761${sub ? `\u4E4B${formatNumeral(sub)}` : ""}`;
  return lang === "en" ? `\u300A${title}\u300B has no Article ${article}${sub ? `-${sub}` : ""} in its text (the articles present are ${present}). Nothing is cited.` : `\u300A${title}\u300B\u6587\u672C\u4E2D\u6CA1\u6709${label}\uFF08\u73B0\u6709\u6761\u6587\uFF1A${present}\uFF09\uFF0C\u56E0\u6B64\u4E0D\u5F15\u7528\u4EFB\u4F55\u6761\u6587\u3002`;
}

// server/core/query.ts
import * as OpenCC from "opencc-js/t2cn";
var EXPANSIONS = [
  [/(?:会|要)?(?:怎么|如何)(?:处理|处罚|罚)|什么后果|会被罚|罚多少(?:钱)?|(?:担|承担)什么责任|追究|\bpenalt\w*|\bpunish\w*|\bconsequences?\b|\bfine[ds]?\b|\bliab\w*/gi, "\u6CD5\u5F8B\u8D23\u4EFB \u5904\u7F5A \u5904\u5206"],
  [/(?:是)?为了(?:干)?什么|(?:立法)?目的(?:是什么)?|宗旨|\bpurpose\b|\bwhy\b.*\b(?:made|enacted|adopted)\b/gi, "\u4E3A\u4E86 \u5236\u5B9A"],
  [/什么时候(?:开始)?(?:施行|生效|实施)|(?:何时|哪天)(?:施行|生效|实施)|\b(?:come|comes|came) into (?:force|effect)\b|\btakes? effect\b|\beffective date\b/gi, "\u65BD\u884C"],
  [/\bbuy(?:ing)? and sell(?:ing)?\b|\btrad(?:e|ing) (?:in )?data\b/gi, "\u4EA4\u6613"]
];
var toSimplified = OpenCC.Converter({ from: "twp", to: "cn" });
var ZH_REF = new RegExp(
  `\u7B2C?([${NUMERAL_CLASS}]+)\u6761(?:\u4E4B([${NUMERAL_CLASS}]+))?(?:\u7B2C([${NUMERAL_CLASS}]+)\u6B3E)?`,
  "g"
);
var EN_REF = /\b(?:article|art\.?)\s*(\d{1,4})(?:\s*(?:\((\d{1,3})\)|,?\s*(?:paragraph|para\.?|§)\s*(\d{1,3})))?/gi;
var WHO = /谁|哪个部门|哪些部门|哪个机构|哪些机构|什么部门|哪一级|哪级|由哪|\bwho\b|\bwhich (?:department|agency|authority|body|government|office)/i;
var DEFINITION = /什么是|是什么意思|是指什么|指的是什么|指什么|是啥|啥是|的含义|的定义|怎么定义|如何定义|\bwhat (?:is|are|does)\b.*\b(?:mean|defined|definition)|\bdefin(?:e|ition)\b|^what (?:is|are) (?:a |an |the )?[\w\s-]{2,30}\??$/i;
var DUTY = /(.{2,20}?)(?:有哪些|有什么|的)?(?:职责|责任|义务|职能|任务)|(.{2,20}?)(?:应当|要|需要|必须|该)(?:做|干|履行)(?:什么|哪些)|(.{2,20}?)负责(?:什么|哪些)|\bwhat (?:must|should|does) (?:the )?(.{3,60}?) do\b|\b(?:duties|responsibilities|obligations) of (?:the )?(.{3,60}?)\??$/i;
var A_NOT_A = /([\u4e00-\u9fff])[不没]\1(?:以)?/g;
var DUTY_FRAME = /(?:有哪些|有什么|负有什么|承担什么|承担哪些|的)?(?:职责|责任|义务|职能|任务)|(?:应当|要|需要|必须|该)?(?:做|干|履行)(?:什么|哪些)(?:工作|事情)?|负责(?:什么|哪些)|\bwhat (?:must|should|does)\b|\b(?:duties|responsibilities|obligations) of\b|\bdo\b/gi;
var LOOKUP_FILLER = /^[\s，,。？?！!]*(?:讲了什么|说了什么|规定了什么|是什么|内容是什么|的内容|内容|原文|写了什么|怎么规定的?|怎么说的?|全文|讲的是什么|says?|say|what does it say|text|content)?[\s，,。？?！!]*$/i;
var ABBREVIATIONS = [
  [/工信(?!息)/g, "\u5DE5\u4E1A\u548C\u4FE1\u606F\u5316"],
  [/发改(?!革)/g, "\u53D1\u5C55\u6539\u9769"],
  [/人社(?!会)/g, "\u4EBA\u529B\u8D44\u6E90\u793E\u4F1A\u4FDD\u969C"],
  [/卫健(?!康)/g, "\u536B\u751F\u5065\u5EB7"],
  [/市监(?!管)/g, "\u5E02\u573A\u76D1\u7BA1"],
  [/文旅/g, "\u6587\u5316\u548C\u65C5\u6E38"],
  [/大数据局/g, "\u6570\u636E\u4E3B\u7BA1\u90E8\u95E8"],
  [/网信办/g, "\u7F51\u4FE1\u90E8\u95E8"]
];
function normalizeQuestion(question) {
  let text = toSimplified(question.normalize("NFKC")).replace(/\s+/g, " ").trim();
  for (const [short, full] of ABBREVIATIONS) text = text.replace(short, full);
  return text;
}
function isEnglishText(text) {
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin > 0 && latin >= cjk * 2;
}
function parseQuestion(question, regulations, lang) {
  const text = normalizeQuestion(question);
  const detected = isEnglishText(text) ? "en" : "zh";
  const { refs, rest: withoutRefs } = extractRefs(text);
  const paragraphOnly = refs.length === 0 ? bareParagraph(withoutRefs) : null;
  const { ids, rest } = findRegulations(withoutRefs, regulations);
  const kind = classify(text, refs, rest);
  return {
    text,
    lang: lang ?? detected,
    refs,
    regulationIds: ids,
    kind,
    actor: kind === "duty" ? dutyActor(rest) : null,
    paragraphOnly,
    searchText: EXPANSIONS.reduce((t, [frame]) => t.replace(frame, " "), kind === "duty" ? rest.replace(DUTY_FRAME, " ") : rest).replace(A_NOT_A, " ").replace(/\s+/g, " ").trim(),
    expansions: EXPANSIONS.filter(([frame]) => new RegExp(frame.source, "i").test(text)).flatMap(([, words]) => words.split(" "))
  };
}
function bareParagraph(text) {
  const m = new RegExp(`\u7B2C([${NUMERAL_CLASS}]+)\u6B3E|\\bparagraph\\s*(\\d{1,3})`, "i").exec(text);
  return m ? parseNumeral(m[1] ?? m[2]) : null;
}
function extractRefs(text) {
  const refs = [];
  let rest = text.replace(ZH_REF, (whole, n, sub, para) => {
    const article = parseNumeral(n);
    if (article === null || !whole.startsWith("\u7B2C") && /^[一两二三]$/.test(n)) return whole;
    const subNo = sub === void 0 ? 0 : parseNumeral(sub);
    const paraNo = para === void 0 ? null : parseNumeral(para);
    if (subNo === null) return whole;
    refs.push({ article, sub: subNo, paragraph: paraNo });
    return " ";
  });
  rest = rest.replace(EN_REF, (_whole, n, p1, p2) => {
    const p = p1 ?? p2;
    refs.push({ article: Number(n), sub: 0, paragraph: p === void 0 ? null : Number(p) });
    return " ";
  });
  return { refs, rest };
}
var fold = (s) => s.toLowerCase().replace(/[\s()（）《》〈〉"“”'‘’]/g, "");
var latinWord = (alias) => /^[\x20-\x7e]+$/.test(alias);
function findRegulations(text, regulations) {
  const found = [];
  let rest = text;
  const candidates = regulations.flatMap((r) => [r.title, ...r.aliases].map((name) => ({ id: r.id, name }))).sort((a, b) => b.name.length - a.name.length);
  for (const { id, name } of candidates) {
    const at = indexOfName(rest, name);
    if (at < 0) continue;
    found.push({ id, at });
    rest = rest.slice(0, at) + " ".repeat(name.length) + rest.slice(at + name.length);
  }
  for (const r of regulations) {
    const place = r.jurisdiction.replace(/[省市县区州]$/, "");
    if (place.length < 2 || found.some((f) => f.id === r.id)) continue;
    const sharing = regulations.filter((o) => o.jurisdiction.startsWith(place));
    const at = rest.indexOf(place);
    if (at >= 0 && sharing.length === 1) found.push({ id: r.id, at });
  }
  const ids = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.id))];
  return { ids, rest };
}
function indexOfName(text, name) {
  if (latinWord(name)) {
    const m = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").exec(text);
    return m ? m.index : -1;
  }
  const direct = text.indexOf(name);
  if (direct >= 0) return direct;
  const folded = fold(name);
  return folded.length >= 4 && fold(text).includes(folded) ? text.indexOf(name.slice(0, 2)) : -1;
}
function classify(text, refs, rest) {
  if (refs.length > 0 && LOOKUP_FILLER.test(rest.replace(/[的了吗呢啊]/g, ""))) return "lookup";
  if (WHO.test(text)) return "who";
  if (DEFINITION.test(text)) return "definition";
  if (DUTY.test(rest)) return "duty";
  return refs.length > 0 ? "lookup" : "general";
}
var ZH_ACTOR = /([\u4e00-\u9fff、]{0,20}?(?:部门|机关|机构|单位|企业|人民政府|政府|组织|官|专员|处理者|公民|个人|学校|院校))/;
function dutyActor(rest) {
  const zh = ZH_ACTOR.exec(rest);
  if (zh) return zh[1];
  const m = DUTY.exec(rest);
  const actor = m?.slice(1).find((g) => g !== void 0);
  return actor ? actor.replace(/^[\s，,。？?]+|[\s，,。？?]+$/g, "").replace(/^(?:the|请问)\s*/i, "") || null : null;
}

// server/core/conversation.ts
var HISTORY_TURNS = 6;
var CONTINUATION = /^(?:那|那么|那如果|如果是|要是|还有|另外|再问|and|what about|how about|then)\b|^(?:那|那么|还有|另外)|[呢]\s*[？?]?$/i;
var ANAPHORA = /(?:它|该条|这条|这一条|上述|前述|这个规定|这项|违反了|违反的话|不遵守|不履行|this article|that article|\bit\b|\bthis\b|\bthat\b|violat)/i;
function isFollowUp(question) {
  const q = normalizeQuestion(question);
  return CONTINUATION.test(q) || ANAPHORA.test(q) || q.replace(/[\s？?。！!，,]/g, "").length <= 4;
}
function resolveContext(question, history, regulations, ownTopic = true) {
  const recent = (history ?? []).slice(-HISTORY_TURNS);
  const previousUser = [...recent].reverse().find((t) => t.role === "user");
  if (!previousUser || ownTopic && !isFollowUp(question)) return { previousQuestion: null, regulationIds: [], citedArticles: [] };
  const lastAnswer = [...recent].reverse().find((t) => t.role === "assistant")?.content ?? "";
  const fromQuestion = findRegulations(normalizeQuestion(previousUser.content), regulations).ids;
  return {
    previousQuestion: previousUser.content,
    regulationIds: fromQuestion,
    citedArticles: citationsIn(lastAnswer, regulations)
  };
}
function citationsIn(answer, regulations) {
  const out = [];
  for (const m of normalizeQuestion(answer).matchAll(/《([^》]+)》\s*(第[^，,。；;：:\s《]{1,20})/g)) {
    const regulationId = findRegulations(m[1], regulations).ids[0] ?? null;
    for (const ref of extractRefs(m[2]).refs) out.push({ regulationId, ref });
  }
  return out;
}

// server/core/index-data.ts
function parseIndexData(info, a) {
  return {
    info,
    regulations: JSON.parse(a.corpus).regulations,
    units: JSON.parse(a.units),
    lexical: loadLexical(a.lexical),
    glossary: JSON.parse(a.glossary),
    dictionary: a.dictionary.split("\n").filter(Boolean)
  };
}
function documentFrequency(lexical, term) {
  const internal = lexical;
  return internal._index.get(term)?.get(internal._fieldIds.words)?.size ?? 0;
}

// server/core/retrieve.ts
var RRF_K = 60;
var BIGRAM_WEIGHT = 0.35;
var BM25 = { k: 1.2, b: 0.75 };
function lexicalSearch(index, units, query, filter) {
  const weights = new Map(query.words.map((w) => [w.term, w.weight]));
  const only = filter && ((r) => filter(units[r.id]));
  const words = query.words.length ? index.search(query.words.map((w) => w.term).join(" "), {
    fields: ["words"],
    boostTerm: (term) => weights.get(term) ?? 1,
    bm25: { ...BM25, d: 0.5 },
    filter: only
  }) : [];
  const bigrams = query.bigrams.length ? index.search([...new Set(query.bigrams)].join(" "), { fields: ["bigrams"], bm25: { ...BM25, d: 0.5 }, filter: only }) : [];
  const topWord = words[0]?.score ?? 1;
  const topBigram = bigrams[0]?.score ?? 1;
  const scores = /* @__PURE__ */ new Map();
  for (const r of words) scores.set(r.id, r.score / topWord);
  for (const r of bigrams) scores.set(r.id, (scores.get(r.id) ?? 0) + BIGRAM_WEIGHT * r.score / topBigram);
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}
function baselineSearch(index, words) {
  if (words.length === 0) return [];
  return index.search([...new Set(words)].join(" "), { fields: ["words"], bm25: { ...BM25, d: 0 } }).map((r) => ({ unit: r.id, score: r.score / Math.max(1, r.queryTerms.length) })).sort((a, b) => b.score - a.score);
}
function fuseRrf(lists, k = RRF_K) {
  const scores = /* @__PURE__ */ new Map();
  for (const list of lists) list.forEach((hit, rank) => scores.set(hit.unit, (scores.get(hit.unit) ?? 0) + 1 / (k + rank + 1)));
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}
var articleKeyOf = (u) => `${u.regulationId}/${u.article === null ? u.label : `${u.article}-${u.sub}`}`;
var PARAGRAPH_PREFERENCE = 0.85;
function rollUp(hits, units, articleUnitOf) {
  const byKey = /* @__PURE__ */ new Map();
  for (const hit of hits) {
    const u = units[hit.unit];
    const key = articleKeyOf(u);
    const isPart = u.kind === "paragraph";
    const entry = byKey.get(key) ?? { whole: null, part: null, regulationId: u.regulationId, articleUnit: isPart ? articleUnitOf(u) : hit.unit };
    if (isPart ? !entry.part || entry.part.score < hit.score : !entry.whole || entry.whole.score < hit.score) {
      if (isPart) entry.part = hit;
      else entry.whole = hit;
    }
    byKey.set(key, entry);
  }
  return [...byKey.entries()].map(([key, e]) => {
    const wholeScore = e.whole?.score ?? 0;
    const cite = e.part && e.part.score >= PARAGRAPH_PREFERENCE * wholeScore ? e.part : null;
    return { key, regulationId: e.regulationId, unit: e.articleUnit, paragraphUnit: cite?.unit ?? null, score: Math.max(wholeScore, e.part?.score ?? 0) };
  }).sort((a, b) => b.score - a.score);
}
function coverage(words, text, idf) {
  const allOptional = words.every((w) => w.optional);
  let total = 0;
  let hit = 0;
  for (const { term, weight, optional } of words) {
    if (optional && !allOptional) continue;
    const w = weight * idf(term);
    total += w;
    if (text.includes(term)) hit += w;
  }
  return total === 0 ? 0 : hit / total;
}

// server/core/assistant.ts
var DEFAULT_FOUND_THRESHOLD = 0.2;
var MAX_CITATIONS = 3;
var RELATIVE_SCORE = 0.75;
var COVERAGE_BAND = 0.8;
var DENSE_CANDIDATES = 50;
var FOLLOW_UP_OLD_TOPIC = 0.6;
var FOLLOW_UP_NEW_WORDS = 1.5;
var FOLLOW_UP_CITED_BOOST = 1.5;
var EXPANSION_WEIGHT = 0.8;
var ACTOR_BOOST = 1.6;
var RESPONSIBILITY_BOOST = 1.25;
var ACTOR_LIKE = /(部门|机关|机构|政府|企业|单位|组织|者)$/;
var DEFINITION_BOOST = 2;
function createAssistant(options) {
  const { index, segment } = options;
  const threshold = options.foundThreshold ?? DEFAULT_FOUND_THRESHOLD;
  const mode = options.mode ?? (options.dense ? "hybrid" : "bm25");
  const regulations = new Map(index.regulations.map((r) => [r.id, r]));
  const articleUnit = /* @__PURE__ */ new Map();
  index.units.forEach((u, i) => {
    if (u.kind !== "paragraph") articleUnit.set(`${u.regulationId}/${u.article}-${u.sub}/${u.kind === "section" ? u.label : ""}`, i);
  });
  const articleUnitOf = (u) => articleUnit.get(`${u.regulationId}/${u.article}-${u.sub}/`);
  const hasParagraphs = new Set(index.units.filter((u) => u.kind === "paragraph").map(articleUnitOf));
  const total = Math.max(1, index.units.length);
  const idf = (term) => Math.log(1 + total / (documentFrequency(index.lexical, term) + 0.5));
  let allDuties = null;
  let denseFailure = null;
  function citationOf(unitIndex, score) {
    const u = index.units[unitIndex];
    return {
      regulationId: u.regulationId,
      regulationTitle: regulations.get(u.regulationId).title,
      article: u.article,
      paragraph: u.paragraph,
      label: u.label,
      text: u.text,
      score: Math.round(score * 1e3) / 1e3
    };
  }
  function queryOf(parsed, context, own = contentWords(parsed.searchText)) {
    const expansionsBeside = (own2) => parsed.expansions.filter((w) => !own2.includes(w)).map((term) => ({ term, weight: EXPANSION_WEIGHT, optional: true }));
    if (parsed.lang === "en" && /[a-z]/i.test(parsed.searchText)) {
      const bridged = bridgeEnglish(parsed.searchText, index.glossary);
      const words2 = [...bridged.terms, ...expansionsBeside(bridged.terms.map((t) => t.term))];
      return { words: words2, bigrams: [], bridged: { covered: bridged.covered.length, uncovered: bridged.uncovered.length } };
    }
    const expansions = expansionsBeside(own);
    if (!context.previousQuestion) return { words: [...own.map((term) => ({ term, weight: 1 })), ...expansions], bigrams: bigramTokens(own.join(" ")) };
    const topic = withoutPlaces(parsed, own);
    const old = contentWords(parseQuestion(context.previousQuestion, index.regulations).searchText).filter((w) => !topic.includes(w));
    const words = [...topic.map((term) => ({ term, weight: FOLLOW_UP_NEW_WORDS })), ...old.map((term) => ({ term, weight: FOLLOW_UP_OLD_TOPIC })), ...expansions];
    return { words, bigrams: bigramTokens([...topic, ...old].join(" ")), required: [...topic, ...parsed.expansions] };
  }
  function contentWords(text) {
    return [...new Set(wordTokens(segment, text).filter((w) => !MODALITY_WORDS.has(w)))];
  }
  function withoutPlaces(parsed, words) {
    const places = parsed.regulationIds.map((id) => regulations.get(id).jurisdiction);
    return words.filter((w) => !places.some((place) => place.startsWith(w)));
  }
  async function rank(parsed, query, scope, context, runMode) {
    const filter = scope.length ? (u) => scope.includes(u.regulationId) : void 0;
    let hits;
    if (runMode === "baseline") {
      hits = baselineSearch(index.lexical, wordTokens(segment, parsed.text, true));
    } else {
      const lexical = runMode === "dense" ? [] : lexicalSearch(index.lexical, index.units, query, filter);
      const dense = runMode !== "bm25" ? (await denseHits(parsed.text)).filter((h) => !filter || filter(index.units[h.unit])) : [];
      hits = runMode === "hybrid" && dense.length ? fuseRrf([lexical.slice(0, 100), dense]) : runMode === "dense" ? dense : lexical;
    }
    if (query.required?.length) hits = requireWords(hits, query.required);
    if (context.citedArticles.length) hits = boostCited(hits, context);
    return rollUp(rerankForKind(hits, parsed, query), index.units, articleUnitOf);
  }
  function rerankForKind(hits, parsed, query) {
    let shaped = null;
    let responsibility = () => false;
    let factor = 1;
    if (parsed.kind === "duty" && parsed.actor) {
      const actor = parsed.actor;
      shaped = (text) => extractDuties(text).some((d) => actorMatches(d.actor, actor));
      factor = ACTOR_BOOST;
      responsibility = (text) => extractDuties(text).some((d) => d.modality === "\u8D1F\u8D23" && actorMatches(d.actor, actor));
    } else if (parsed.kind === "definition") {
      const terms = query.words.map((w) => w.term).filter((t) => t.length >= 2);
      shaped = (text) => terms.some((t) => definesTerm(text, t));
      factor = DEFINITION_BOOST;
    }
    if (!shaped) return hits;
    const test = shaped;
    return hits.map((h) => {
      const u = index.units[h.unit];
      const boost = !(u.kind === "article" && hasParagraphs.has(h.unit)) && test(u.text);
      return boost ? { unit: h.unit, score: h.score * factor * (responsibility(u.text) ? RESPONSIBILITY_BOOST : 1) } : h;
    }).sort((a, b) => b.score - a.score);
  }
  async function denseHits(text) {
    if (!options.dense || denseFailure) return [];
    try {
      return await options.dense(text, DENSE_CANDIDATES);
    } catch (error) {
      denseFailure = `query embedding failed: ${error.message}`;
      (options.warn ?? console.warn)(`warning: ${denseFailure}; serving lexical-only`);
      return [];
    }
  }
  function requireWords(hits, required) {
    const kept = hits.filter((h) => {
      const u = index.units[h.unit];
      if (u.kind === "article" && hasParagraphs.has(h.unit)) return false;
      return required.some((w) => u.text.includes(w));
    });
    return kept.length > 0 ? kept : hits;
  }
  function boostCited(hits, context) {
    const cited = (u) => context.citedArticles.some((c) => c.ref.article === u.article && c.ref.sub === u.sub && (c.regulationId === null || c.regulationId === u.regulationId));
    return hits.map((h) => cited(index.units[h.unit]) ? { unit: h.unit, score: h.score * FOLLOW_UP_CITED_BOOST } : h).sort((a, b) => b.score - a.score);
  }
  function select(hits, words, kind) {
    if (kind === "definition") {
      const terms = words.map((w) => w.term).filter((t) => t.length >= 2);
      const defining = hits.filter((h) => terms.some((t) => definesTerm(index.units[h.paragraphUnit ?? h.unit].text, t)));
      if (defining.length > 0) return select(defining, words);
    }
    const top = hits[0];
    if (!top) return { chosen: [], topCoverage: 0 };
    const cover = (h) => {
      const u = index.units[h.unit];
      return coverage(words, `${u.chapter}
${u.text}`, idf);
    };
    const topCoverage = cover(top);
    const chosen = [top, ...hits.slice(1, 6).filter((h) => h.score >= RELATIVE_SCORE * top.score && cover(h) >= Math.max(threshold, COVERAGE_BAND * topCoverage))];
    return { chosen: chosen.slice(0, MAX_CITATIONS), topCoverage };
  }
  function lookup(parsed, scope, lang) {
    const inScope = scope.length ? scope.map((id) => regulations.get(id)).filter(Boolean) : index.regulations;
    const clauses = [];
    const missing = [];
    for (const ref of parsed.refs) {
      for (const r of inScope) {
        const article = r.articles.find((a) => a.no.n === ref.article && a.no.sub === ref.sub);
        if (!article) {
          missing.push({ regulation: r, ref });
          continue;
        }
        const para = ref.paragraph === null ? void 0 : article.paragraphs.find((p) => p.number === ref.paragraph);
        const unit = index.units.findIndex(
          (u) => u.regulationId === r.id && u.article === ref.article && u.sub === ref.sub && u.paragraph === (para && article.paragraphs.length > 1 ? para.number : null)
        );
        if (unit >= 0) clauses.push({ citation: citationOf(unit, 1), status: r.status });
      }
    }
    if (clauses.length === 0) {
      const first = missing[0];
      return {
        answer: missingArticleAnswer(lang, first.regulation.title, first.ref.article, first.ref.sub, presentRange(first.regulation)),
        found: false,
        lang,
        citations: []
      };
    }
    return { answer: composeAnswer({ kind: "lookup", question: parsed.text, lang, focus: [], actor: null, clauses }), found: true, lang, citations: clauses.map((c) => c.citation) };
  }
  async function retrieve(input) {
    const parsed = parseQuestion(input.question, index.regulations, input.lang);
    if (parsed.actor && isEnglishText(parsed.actor)) {
      const bridged = bridgeEnglish(parsed.actor, index.glossary).terms.find((t) => ACTOR_LIKE.test(t.term));
      parsed.actor = actorFromEnglish(parsed.actor) ?? bridged?.term ?? null;
    }
    const own = contentWords(parsed.searchText);
    const ownTopic = parsed.refs.length > 0 || withoutPlaces(parsed, own).length > 0;
    const context = await withTopicArticles(resolveContext(input.question, input.history, index.regulations, ownTopic), input.regulationId);
    const scope = [...input.regulationId ? [input.regulationId] : parsed.regulationIds.length ? parsed.regulationIds : context.regulationIds];
    const topic = context.citedArticles[0];
    if (parsed.paragraphOnly !== null && topic) {
      parsed.refs = [{ ...topic.ref, paragraph: parsed.paragraphOnly }];
      parsed.kind = "lookup";
      if (topic.regulationId && scope.length === 0) scope.push(topic.regulationId);
    }
    const query = queryOf(parsed, context, own);
    const hits = parsed.refs.length ? [] : await rank(parsed, query, scope, context, mode);
    return { parsed, context, scope, query, hits };
  }
  async function withTopicArticles(context, regulationId) {
    if (!context.previousQuestion || context.citedArticles.length > 0) return context;
    const previous = parseQuestion(context.previousQuestion, index.regulations);
    const scope = regulationId ? [regulationId] : previous.regulationIds;
    const none = { previousQuestion: null, regulationIds: [], citedArticles: [] };
    const previousQuery = queryOf(previous, none);
    const hits = previous.refs.length ? [] : await rank(previous, previousQuery, scope, none, mode);
    const { chosen } = select(hits, previousQuery.words);
    const citedArticles = chosen.map((h) => {
      const u = index.units[h.unit];
      return { regulationId: u.regulationId, ref: { article: u.article ?? 0, sub: u.sub, paragraph: null } };
    });
    const refs = previous.refs.map((ref) => ({ regulationId: scope[0] ?? null, ref }));
    if (refs.length > 0) return { ...context, citedArticles: refs };
    return { ...context, citedArticles: [...refs, ...citedArticles] };
  }
  async function ask(input) {
    const { parsed, scope, query, hits } = await retrieve(input);
    const lang = parsed.lang;
    if (parsed.refs.length) return lookup(parsed, scope, lang);
    const { chosen, topCoverage } = select(hits, query.words, parsed.kind);
    if (chosen.length === 0 || topCoverage < threshold || !bridgedEnough(query)) {
      return { answer: notFoundAnswer(lang, index.regulations.map((r) => r.title)), found: false, lang, citations: [] };
    }
    const clauses = chosen.map((h) => ({ citation: citationOf(h.paragraphUnit ?? h.unit, h.score), status: regulations.get(h.regulationId).status }));
    const focus = query.words.map((w) => w.term);
    const answer = composeAnswer({ kind: parsed.kind, question: parsed.text, lang, focus, actor: parsed.actor, clauses });
    return { answer, found: true, lang, citations: clauses.map((c) => c.citation) };
  }
  async function search(q, k, regulationId) {
    const { hits, scope } = await retrieve({ question: q, regulationId });
    void scope;
    return hits.slice(0, k).map((h) => citationOf(h.paragraphUnit ?? h.unit, h.score));
  }
  function dutyIndex() {
    allDuties ??= index.units.filter((u, i) => u.kind === "paragraph" || u.kind === "article" && !hasParagraphs.has(i)).flatMap(
      (u) => extractDuties(u.text).map((d) => ({
        regulationId: u.regulationId,
        regulationTitle: regulations.get(u.regulationId).title,
        article: u.article,
        paragraph: u.paragraph,
        label: u.label,
        actor: d.actor,
        level: actorLevel(d.actor),
        modality: d.modality,
        action: d.action,
        text: u.text
      }))
    );
    return allDuties;
  }
  function duties(actor, regulationId) {
    const asked = actor.trim();
    const matched = dutyIndex().filter((d) => d.actor !== "" && actorMatches(d.actor, asked) && (!regulationId || d.regulationId === regulationId));
    const groups = index.regulations.map((r) => ({ regulationId: r.id, regulationTitle: r.title, status: r.status, duties: matched.filter((d) => d.regulationId === r.id) })).filter((g) => g.duties.length > 0);
    return { actor: asked, matchedActors: [...new Set(matched.map((d) => d.actor))], groups };
  }
  function summaries() {
    return index.regulations.map((r) => ({
      id: r.id,
      title: r.title,
      aliases: r.aliases,
      jurisdiction: r.jurisdiction,
      status: r.status,
      articles: r.articles.length,
      chapters: r.chapters,
      sections: r.sections.map((s) => ({ id: s.id, label: s.label, title: s.title }))
    }));
  }
  function health() {
    const { info } = index;
    const denseOn = info.dense && options.dense !== null && denseFailure === null;
    return {
      builtAt: info.builtAt,
      counts: info.counts,
      dense: denseOn,
      denseNote: denseOn ? null : denseFailure ?? options.denseNote ?? info.denseNote ?? "dense retrieval is off",
      model: info.model?.id ?? null
    };
  }
  return { ask, search, duties, regulations: summaries, regulation: (id) => regulations.get(id), health, retrieve };
}
function bridgedEnough(query) {
  if (!query.bridged) return true;
  const { covered, uncovered } = query.bridged;
  return covered > uncovered || covered + uncovered === 0;
}
function definesTerm(text, term) {
  return text.includes(`\u6240\u79F0${term}`) || new RegExp(`${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\uFF0C,]?(?:\u662F\u6307|\u6307\u7684\u662F|\u5305\u62EC)`).test(text);
}
function presentRange(r) {
  const runs = [];
  for (const a of r.articles) {
    const last = runs.at(-1);
    if (last && a.no.n === last[1] + 1) last[1] = a.no.n;
    else if (!last || a.no.n !== last[1]) runs.push([a.no.n, a.no.n]);
  }
  return runs.map(([a, b]) => a === b ? articleLabel(a) : `${articleLabel(a)}\u81F3${articleLabel(b)}`).join("\u3001");
}

// server/node/assistant.ts
async function resolveIndexDir(dir) {
  const current = await currentVersionDir(dir);
  if (current) return current;
  try {
    await readManifest(dir);
    return dir;
  } catch {
    throw new IndexLoadError("no index found: neither CURRENT nor manifest.json", dir);
  }
}
async function loadIndexData(dir) {
  const versionDir = await resolveIndexDir(dir);
  const manifest = await readManifest(versionDir);
  const files = await readVerified(versionDir, manifest, ["corpus.json", "units.json", "lexical.json", "glossary.json", "dictionary.txt"]);
  const text = (name) => {
    const buf = files.get(name);
    if (!buf) throw new IndexLoadError("index artefact is not listed in the manifest", join4(versionDir, name));
    return buf.toString("utf8");
  };
  const data = parseIndexData(manifest, {
    corpus: text("corpus.json"),
    units: text("units.json"),
    lexical: text("lexical.json"),
    glossary: text("glossary.json"),
    dictionary: text("dictionary.txt")
  });
  return { data, manifest, dir: versionDir };
}
async function loadAssistant(dir, options = {}) {
  const { data, manifest, dir: versionDir } = await loadIndexData(dir);
  const warn = options.warn ?? ((line) => console.warn(line));
  const segment = jiebaSegmenter(data.dictionary);
  const { dense, note } = await loadDense(versionDir, manifest, options.env ?? process.env);
  if (manifest.dense && !dense) warn(`warning: dense retrieval unavailable, serving lexical-only: ${note}`);
  return createAssistant({ index: data, segment, dense, denseNote: note, warn, mode: options.mode, foundThreshold: options.foundThreshold });
}
async function loadDense(dir, manifest, env) {
  if (!manifest.dense || !manifest.model || !manifest.hnsw) return { dense: null, note: manifest.denseNote };
  const local = indexConfigFromEnv({ ...env, REGQA_MODEL: manifest.model.id }).model;
  const hnsw = await loadHnsw(join4(dir, "hnsw.bin"), manifest.model.dims, manifest.hnsw);
  const { EmbedderUnavailable, loadEmbedder } = await import("./embed-I2JHAWS3.js");
  try {
    const embedder = await loadEmbedder({ ...local, pooling: manifest.model.pooling, quantized: manifest.model.quantized, queryInstruction: manifest.model.queryInstruction });
    if (embedder.dims !== manifest.model.dims) return { dense: null, note: `model ${manifest.model.id} now gives ${embedder.dims} dimensions, the index has ${manifest.model.dims}` };
    const dense = async (query, k) => {
      const { ids, scores } = hnsw.search(await embedder.embedQuery(query), k);
      return ids.map((unit, i) => ({ unit, score: scores[i] }));
    };
    return { dense, note: null };
  } catch (error) {
    if (error instanceof EmbedderUnavailable) return { dense: null, note: error.reason };
    throw error;
  }
}

// server/main.ts
var USAGE = "usage: npm start -- [--index DIR]   (env: PORT, HOST, INDEX_DIR, CORPUS_DIR, CORS_ORIGINS, RATE_LIMIT_PER_MIN, \u2026)";
runCommand(USAGE, { index: { type: "string" } }, async (args) => {
  const env = { ...process.env };
  if (args.index) env.INDEX_DIR = args.index;
  const server = serverConfigFromEnv(env);
  const index = indexConfigFromEnv(env);
  if (env.INDEX_DIR === void 0 || env.CORPUS_DIR !== void 0) {
    const result = await buildIndex({ config: index, log: (line) => console.log(line) });
    if (result.status === "failed") {
      console.error(formatLintTable(result.issues, process.stdout.columns ?? 160));
      console.error("Index not built: fix the fatal problems above (npm run index -- --check).");
      return 1;
    }
  } else {
    console.log(`Serving the index in ${index.outDir} as built (set CORPUS_DIR to rebuild it from a corpus).`);
  }
  const assistant = await loadAssistant(index.outDir);
  const health = assistant.health();
  console.log(
    `Index built ${health.builtAt}: ${health.counts.regulations} regulations, ${health.counts.articles} articles; ` + (health.dense ? `dense retrieval on (${health.model})` : `lexical-only (${health.denseNote})`)
  );
  const app = createApp(assistant, server);
  const httpServer = serveApp(app, { port: server.port, hostname: server.host }, (info) => {
    console.log(`regqa listening on http://${server.host}:${info.port}`);
  });
  await new Promise((resolve, reject) => {
    const stop = () => httpServer.close(() => resolve());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    httpServer.once(
      "error",
      (error) => reject(new Error(error.code === "EADDRINUSE" ? `port ${server.port} on ${server.host} is already in use (set PORT to another port)` : error.message))
    );
  });
  return 0;
});
