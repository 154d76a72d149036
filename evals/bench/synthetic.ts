// Synthetic corpora for the scale benchmark. Text: statute-like sentences (actor + modality + action)
// recombined from real clauses cut into jieba words, so the vocabulary, word lengths and term-frequency
// skew are those of Chinese regulations. Vectors: unit vectors in 512 dimensions.
import { loadCorpus } from '../../indexer/build/corpus.ts';
import { LEXICAL_FIELDS } from '../../indexer/format/lexical.ts';
import { LexicalBuilder } from '../../indexer/lexical/build.ts';
import { jiebaTag } from '../../indexer/build/segment.ts';
import { MODALITY_WORDS } from '../../indexer/language/zh/modality.ts';
import { bigramTokens, wordTokens, type Segment } from '../../indexer/language/tokens.ts';
import { unitsOf } from '../../indexer/statute/units.ts';
import { extractDuties } from '../../server/core/answer/duties.ts';
import type { LexicalQuery } from '../../server/core/retrieve/types.ts';

// ---- sizes ----

/** "10k,100k,1m" → [10000, 100000, 1000000]. */
export function parseSizes(value: string): number[] {
  const sizes = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).map((s) => {
    const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(s);
    if (!m) throw new Error(`invalid size "${s}" (use e.g. 10k, 100k, 1m)`);
    const n = Number(m[1]) * (m[2] === 'm' ? 1e6 : m[2] === 'k' ? 1e3 : 1);
    if (!Number.isInteger(n) || n < 100 || n > 5e6) throw new Error(`size ${s} must be a whole number of units within 100..5m`);
    return n;
  });
  if (sizes.length === 0) throw new Error('no sizes given');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

// ---- randomness ----

/** sfc32: small, fast, seedable; Math.random cannot be seeded and the runs must be reproducible. */
export function rng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // the first outputs of a fresh state are poorly mixed
  return next;
}

function gaussian(next: () => number): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;

// ---- text ----

/**
 * Material from real clauses, each piece cut into jieba words (a partition: joining gives the text back).
 * Actors and modalities come from duty statements; actions from every clause phrase (between ，；：。), so
 * the vocabulary and its Zipf-like frequencies are those of the whole corpus, not only of duty sentences.
 */
export interface Vocabulary {
  actors: string[][];
  modalities: string[];
  actions: string[][];
  /** Distinct words across all parts. */
  words: number;
}

const PHRASE_BREAK = /[，,；;：:。\n]/;

export async function corpusVocabulary(corpusDirs: string[]): Promise<Vocabulary> {
  const actors: string[][] = [];
  const modalities = new Set<string>();
  const actions: string[][] = [];
  const cut = (text: string) => jiebaTag(text).map((t) => t.word);
  for (const dir of corpusDirs) {
    for (const unit of unitsOf((await loadCorpus(dir)).regulations)) {
      // Paragraph units repeat their article's text; articles and sections cover everything once.
      if (unit.kind === 'paragraph') continue;
      for (const duty of extractDuties(unit.text)) {
        if (duty.actor) actors.push(cut(duty.actor));
        modalities.add(duty.modality);
      }
      for (const phrase of unit.text.split(PHRASE_BREAK)) {
        // Phrases long enough to splice; very long ones are lists that would make every unit huge.
        const words = cut(phrase.trim());
        if (words.length >= 3 && words.length <= 40) actions.push(words);
      }
    }
  }
  if (actors.length === 0 || actions.length === 0) throw new Error(`no duty statements found in ${corpusDirs.join(', ')}`);
  const words = new Set([...actors.flat(), ...actions.flat()]).size;
  return { actors, modalities: [...modalities].filter((m) => !['鼓励', '支持'].includes(m)), actions, words };
}

export interface SyntheticUnit {
  text: string;
  /** Index tokens as jieba would give them for this text (the partition, filtered like wordTokens). */
  words: string[];
}

/**
 * Unit i of a synthetic corpus: 1–3 sentences, each an actor, a modality and an action spliced from the
 * head of one real phrase and the tail of another. Deterministic in (seed, i), so units can be generated
 * in chunks without holding the whole corpus in memory.
 */
export function syntheticUnit(vocab: Vocabulary, seed: number, i: number): SyntheticUnit {
  const next = rng(seed * 1_000_003 + i);
  const sentences = 1 + Math.floor(next() * 3);
  const pieces: string[] = [];
  let text = '';
  for (let s = 0; s < sentences; s++) {
    const head = pick(vocab.actions, next);
    const tail = pick(vocab.actions, next);
    const action = [...head.slice(0, Math.ceil(head.length / 2)), ...tail.slice(Math.floor(tail.length / 2))];
    const sentence = [...pick(vocab.actors, next), pick(vocab.modalities, next), ...action];
    pieces.push(...sentence);
    text += `${sentence.join('')}。`;
  }
  // The same filter wordTokens applies, on a partition instead of search-mode segmentation: pre-tokenised
  // input is what lets a million units be generated without running jieba a million times.
  const identity: Segment = () => pieces;
  return { text, words: wordTokens(identity, '', true) };
}

/**
 * Builds the product's lexical index (words and bigrams fields, as indexer/format/lexical.ts) in chunks,
 * checking the clock between chunks: a build that would take too long stops early and reports how far
 * it got, so the rate can still be extrapolated. The time includes generating the synthetic text.
 */
export function buildSyntheticLexical(vocab: Vocabulary, seed: number, size: number, budgetMs: number, onChunk?: (done: number) => void) {
  const builder = new LexicalBuilder([LEXICAL_FIELDS.words, LEXICAL_FIELDS.bigrams]);
  const started = performance.now();
  const CHUNK = 10_000;
  let done = 0;
  while (done < size && performance.now() - started < budgetMs) {
    const end = Math.min(size, done + CHUNK);
    for (let i = done; i < end; i++) {
      const unit = syntheticUnit(vocab, seed, i);
      builder.add([unit.words, bigramTokens(unit.text)]);
    }
    done = end;
    onChunk?.(done);
  }
  const index = builder.finish();
  return { index, done, ms: performance.now() - started };
}

/** A question as the assistant would query for it: content words (no modality words) and their bigrams. */
export function lexicalQueryOf(segment: Segment, question: string): LexicalQuery {
  const own = [...new Set(wordTokens(segment, question).filter((w) => !MODALITY_WORDS.has(w)))];
  return { words: own.map((term) => ({ term, weight: 1 })), bigrams: bigramTokens(own.join(' ')) };
}

// ---- vectors ----

export type VectorKind = 'latent' | 'isotropic';

/**
 * Random unit vectors. `isotropic`: uniform on the 512-sphere — the adversarial case for any graph
 * index, since all pairwise distances concentrate and "nearest" barely means anything. `latent`: a
 * mixture of clusters in a 32-dimensional latent space, mapped into 512 dimensions by a fixed random
 * matrix plus small isotropic noise — closer to real sentence embeddings, whose intrinsic dimension is
 * far below their width. Queries are fresh draws from the same distribution.
 */
export class VectorSource {
  static readonly LATENT_DIMS = 32;
  static readonly CLUSTERS = 1000;
  static readonly NOISE = 0.05;
  private readonly projection: Float32Array;
  private readonly centres: Float32Array;

  constructor(
    readonly kind: VectorKind,
    readonly dims: number,
    seed: number,
  ) {
    const next = rng(seed);
    const L = VectorSource.LATENT_DIMS;
    this.projection = Float32Array.from({ length: kind === 'latent' ? L * dims : 0 }, () => gaussian(next) / Math.sqrt(L));
    this.centres = Float32Array.from({ length: kind === 'latent' ? VectorSource.CLUSTERS * L : 0 }, () => gaussian(next));
  }

  /** `count` unit vectors, row after row in one buffer (2 GB at 1M × 512: no per-row objects). */
  sample(count: number, seed: number): Float32Array {
    const next = rng(seed);
    const { dims } = this;
    const out = new Float32Array(count * dims);
    const L = VectorSource.LATENT_DIMS;
    const z = new Float32Array(L);
    // Uniform noise with the variance of N(0, NOISE²): as good as Gaussian here and 4× cheaper.
    const spread = VectorSource.NOISE * Math.sqrt(12);
    for (let r = 0; r < count; r++) {
      const row = out.subarray(r * dims, (r + 1) * dims);
      if (this.kind === 'isotropic') {
        for (let d = 0; d < dims; d++) row[d] = gaussian(next);
      } else {
        const c = Math.floor(next() * VectorSource.CLUSTERS) * L;
        for (let l = 0; l < L; l++) z[l] = this.centres[c + l]! + 0.5 * gaussian(next);
        for (let d = 0; d < dims; d++) row[d] = (next() - 0.5) * spread;
        for (let l = 0; l < L; l++) {
          const zl = z[l]!;
          const base = l * dims;
          for (let d = 0; d < dims; d++) row[d]! += zl * this.projection[base + d]!;
        }
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += row[d]! * row[d]!;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) row[d]! /= norm;
    }
    return out;
  }
}

/** Row views into a flat buffer, in the Float32Array[] shape the indexer's functions take. */
export function rows(flat: Float32Array, dims: number): Float32Array[] {
  return Array.from({ length: flat.length / dims }, (_, r) => flat.subarray(r * dims, (r + 1) * dims));
}
