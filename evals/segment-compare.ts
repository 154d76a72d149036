// npx tsx server/edge/segment-compare.ts [--index DIR] [--questions FILE] [--json]
//
// The edge segments questions with jieba-wasm (jieba-rs); the index was segmented with nodejs-jieba
// (cppjieba). This measures (1) how often the two cut the eval questions differently and (2), what
// matters, whether retrieval still cites the same clauses: the in-process assistant runs over the
// same index with each segmenter, lexical-only on both sides so that only segmentation differs.
import * as jiebaWasm from 'jieba-wasm';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadSeed } from './dataset.ts';
import { indexConfigFromEnv } from '../indexer/config/index-config.ts';
import { jiebaCoined, jiebaSegmenter } from '../indexer/build/segment.ts';
import { wordTokens, type Segment } from '../indexer/language/tokens.ts';
import { createAssistant } from '../server/core/assistant.ts';
import { parseQuestion } from '../server/core/understand/question.ts';
import type { AskInput, AskResult } from '../server/core/types.ts';
import { loadIndexData } from '../server/node/assistant.ts';
import { wasmCoined, wasmSegmenter } from '../server/edge/segment.ts';

export interface SegmentDifference {
  text: string;
  node: string[];
  wasm: string[];
}

export interface RetrievalDifference {
  id: string;
  question: string;
  node: string[];
  wasm: string[];
}

export interface SegmentComparison {
  questions: number;
  /** Texts segmented: each question and the user turns of its history. */
  texts: number;
  /** Texts whose raw cut_for_search output differs (order included). */
  rawDiffer: number;
  /** Texts whose retrieval words (wordTokens of the parsed search text, as a set) differ. */
  tokenDiffer: number;
  segmentDifferences: SegmentDifference[];
  /** Questions whose cited clauses (regulationId + label, in order) are the same with both segmenters. */
  sameCitations: number;
  citationDifferences: RetrievalDifference[];
  /** Questions whose ranked top-10 search results are identical. */
  sameTop10: number;
}

export interface CompareQuestion extends AskInput {
  id: string;
}

export const citationKeys = (r: Pick<AskResult, 'citations'>) => r.citations.map((c) => `${c.regulationId} ${c.label}`);

export async function compareSegmenters(indexDir: string, questions: readonly CompareQuestion[]): Promise<SegmentComparison> {
  const { data } = await loadIndexData(indexDir);
  const node = jiebaSegmenter(data.dictionary);
  const wasm = wasmSegmenter(jiebaWasm, data.dictionary);

  const texts = [...new Set(questions.flatMap((q) => [q.question, ...(q.history ?? []).filter((t) => t.role === 'user').map((t) => t.content)]))];
  const segmentDifferences: SegmentDifference[] = [];
  let tokenDiffer = 0;
  for (const text of texts) {
    const a = node(text);
    const b = wasm(text);
    if (a.join('|') !== b.join('|')) segmentDifferences.push({ text, node: a, wasm: b });
    const search = parseQuestion(text, data.regulations).searchText;
    const words = (s: Segment) => [...new Set(wordTokens(s, search))].sort().join('|');
    if (words(node) !== words(wasm)) tokenDiffer++;
  }

  // Lexical-only on both sides: dense retrieval does not depend on segmentation.
  const withNode = createAssistant({ index: data, segment: node, coined: jiebaCoined, dense: null });
  const withWasm = createAssistant({ index: data, segment: wasm, coined: wasmCoined(jiebaWasm), dense: null });
  const citationDifferences: RetrievalDifference[] = [];
  let sameTop10 = 0;
  for (const q of questions) {
    const input: AskInput = { question: q.question, history: q.history, regulationId: q.regulationId };
    const [a, b] = [citationKeys(await withNode.ask(input)), citationKeys(await withWasm.ask(input))];
    if (a.join('\n') !== b.join('\n')) citationDifferences.push({ id: q.id, question: q.question, node: a, wasm: b });
    const top = async (assistant: typeof withNode) => (await assistant.search(q.question, 10, q.regulationId)).map((c) => `${c.regulationId} ${c.label}`).join('\n');
    if ((await top(withNode)) === (await top(withWasm))) sameTop10++;
  }

  return {
    questions: questions.length,
    texts: texts.length,
    rawDiffer: segmentDifferences.length,
    tokenDiffer,
    segmentDifferences,
    sameCitations: questions.length - citationDifferences.length,
    citationDifferences,
    sameTop10,
  };
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

export function formatComparison(c: SegmentComparison): string {
  const lines = [
    `Segmentation, nodejs-jieba vs jieba-wasm, over ${c.texts} texts (${c.questions} questions and their history's user turns):`,
    `  raw cut differs:        ${c.rawDiffer}/${c.texts} (${pct(c.rawDiffer, c.texts)})`,
    `  retrieval words differ: ${c.tokenDiffer}/${c.texts} (${pct(c.tokenDiffer, c.texts)})`,
    ...c.segmentDifferences.map((d) => `    ${d.text}\n      node: ${d.node.join(' ')}\n      wasm: ${d.wasm.join(' ')}`),
    `Retrieval (lexical, same index), ${c.questions} questions:`,
    `  same citations:         ${c.sameCitations}/${c.questions} (${pct(c.sameCitations, c.questions)})`,
    `  same ranked top-10:     ${c.sameTop10}/${c.questions} (${pct(c.sameTop10, c.questions)})`,
    ...c.citationDifferences.map((d) => `    ${d.id} ${d.question}\n      node: ${d.node.join('; ') || '(none)'}\n      wasm: ${d.wasm.join('; ') || '(none)'}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { index: { type: 'string' }, questions: { type: 'string' }, json: { type: 'boolean' } } });
  const indexDir = values.index ?? indexConfigFromEnv().outDir;
  const questions = await loadSeed(values.questions);
  const result = await compareSegmenters(indexDir, questions);
  console.log(values.json ? JSON.stringify(result, null, 2) : formatComparison(result));
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`segment-compare failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
