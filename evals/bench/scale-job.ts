// One job of the scale benchmark (a phase at a size) and what it measures; the worker's stderr log
// and the helpers it samples memory with. Shared by the parent (scale.ts) and the worker phases.
import type { LoopLimits } from './measure.ts';
import type { Summary } from './stats.ts';
import type { VectorKind } from './synthetic.ts';

export interface ScaleJob {
  phase: 'lexical' | 'dense';
  size: number;
  seed: number;
  scratch: string;
  lexicalBudgetMs: number;
  /** Timed passes over the questions; one at sizes where a query takes seconds. */
  lexicalQueryLimits: LoopLimits;
  dims: number;
  vectorKind: VectorKind;
  hnsw: { M: number; efConstruction: number }[];
  efSearch: number[];
  queries: number;
  hnswBudgetMs: number;
  /** Also load hnsw.bin the way the server does (readVerified: whole file in memory, sha256). */
  productLoadCheck: boolean;
  /** Where the lexical phase leaves lexical.bin for the dense phase's hybrid timing (with the M=16 graph); none: no hybrid timing. */
  lexicalFile?: string;
  recallTarget: number;
}

export interface LexicalResult {
  vocabulary: { actors: number; phrases: number; words: number };
  units: number;
  truncated: boolean;
  buildMs: number;
  rssAfterBuildBytes: number;
  /** Memory the index holds: heap plus array buffers after the build (and a GC), minus before. */
  indexHeapBytes: number;
  queries?: { lexicalSearch: Summary; baselineSearch: Summary; questions: number };
  serialise?: { ms: number; bytes: number } | { error: string };
  loadMs?: number;
}

export interface HnswResult {
  M: number;
  efConstruction: number;
  added: number;
  truncated: boolean;
  buildMs: number;
  saveMs: number;
  fileBytes: number;
  loadMs: number;
  productLoad?: { streamedSha256Ms: number; readVerified: { ms: number } | { error: string }; exceedsReadFileLimit: boolean };
  sweep: { efSearch: number; recall: number; query: Summary }[];
  hybrid?: HybridResult | { error: string };
}

/** The seed questions through lexicalSearch alone and fused with HNSW (at the recall target's efSearch). */
export interface HybridResult {
  efSearch: number;
  questions: number;
  runs: { depth: 'product' | 'top 10'; lexical: Summary; hybrid: Summary }[];
}

export interface DenseResult {
  kind: VectorKind;
  dims: number;
  generateMs: number;
  vectorsFile?: { packMs: number; bytes: number };
  bruteForce?: { prepareMs: number; query: Summary };
  hnsw: HnswResult[];
}

export interface PhaseResult {
  size: number;
  phase: ScaleJob['phase'];
  lexical?: LexicalResult;
  dense?: DenseResult;
}

export const log = (line: string) => process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${line}\n`);
export const rssNow = () => process.memoryUsage().rss;
export const gc = () => (globalThis as { gc?: () => void }).gc?.();
