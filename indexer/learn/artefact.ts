// The learned artefact (learned.json): what the index learns from its corpus's question log, plus the
// CC-CEDICT pivot synonyms, in one versioned file beside the other artefacts (checksummed by the
// manifest like them). Words are stored once in a vocabulary and referred to by position. Edge-safe.
import { z } from 'zod';
import { ARTEFACTS } from '../format/artefacts.ts';
import { IndexLoadError } from '../format/manifest.ts';

export const LEARNED_VERSION = 1;

/** Word → [word, weight] lists: translations (question word → statute words) and pivot synonyms. */
export type WordTable = Map<string, [string, number][]>;

export interface LoggedQuestionWords {
  text: string;
  /** Content words of the question, as the build segments them. */
  words: string[];
  /** The units that answer it (positions in units.json). */
  units: number[];
  /** Written by the team, not asked by a user: it trains retrieval but never calibrates the decision. */
  curated?: boolean;
}

export interface LearnedModel {
  /** The question log trained on; null when the corpus has none. */
  log: { file: string; sha256: string; entries: number; answered: number } | null;
  /** Content words of every unit, in unit order: the documents of the translation language model. */
  unitWords: string[][];
  /** Question word → the statute words that translate into it, with p(question word | statute word). */
  translation: WordTable;
  /** The other direction: question word → statute words with p(statute word | question word). */
  reverse: WordTable;
  /** The log's answered questions: the nearest-question signal and the cross-validation folds. */
  questions: LoggedQuestionWords[];
  /** Word → corpus words that share one of its CC-CEDICT glosses (weight by the sense's rank). */
  pivot: WordTable;
}

/** A model that learned nothing from questions (no log): the units' words and, when given, pivot synonyms. */
export function unlearnedModel(unitWords: string[][], pivot: WordTable = new Map()): LearnedModel {
  return { log: null, unitWords, translation: new Map(), reverse: new Map(), questions: [], pivot };
}

const Row = z.tuple([z.number().int().nonnegative(), z.array(z.tuple([z.number().int().nonnegative(), z.number()]))]);

const LearnedSchema = z.object({
  version: z.literal(LEARNED_VERSION),
  log: z.object({ file: z.string(), sha256: z.string(), entries: z.number().int(), answered: z.number().int() }).nullable(),
  vocabulary: z.array(z.string()),
  units: z.array(z.array(z.number().int().nonnegative())),
  translation: z.array(Row),
  reverse: z.array(Row),
  questions: z.array(z.object({ text: z.string(), words: z.array(z.number().int().nonnegative()), units: z.array(z.number().int().nonnegative()), curated: z.literal(true).optional() })),
  pivot: z.array(Row),
});

/** Probabilities keep four significant digits: the table stays small and its text stable. */
const round = (p: number) => Number(p.toPrecision(4));

export function encodeLearned(model: LearnedModel): string {
  const ids = new Map<string, number>();
  const id = (w: string) => {
    let n = ids.get(w);
    if (n === undefined) ids.set(w, (n = ids.size));
    return n;
  };
  const rows = (table: WordTable) => [...table].map(([w, list]) => [id(w), list.map(([t, p]) => [id(t), round(p)])]);
  const units = model.unitWords.map((words) => words.map(id));
  const translation = rows(model.translation);
  const reverse = rows(model.reverse);
  const questions = model.questions.map((q) => ({ text: q.text, words: q.words.map(id), units: q.units, ...(q.curated ? { curated: true } : {}) }));
  const pivot = rows(model.pivot);
  return JSON.stringify({ version: LEARNED_VERSION, log: model.log, vocabulary: [...ids.keys()], units, translation, reverse, questions, pivot });
}

export function decodeLearned(json: string): LearnedModel {
  const parsed = LearnedSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new IndexLoadError(`learned model version ${LEARNED_VERSION} expected; the artefact does not match`, ARTEFACTS.learned);
  const raw = parsed.data;
  const word = (n: number) => {
    const w = raw.vocabulary[n];
    if (w === undefined) throw new IndexLoadError(`refers to word ${n} beyond its vocabulary`, ARTEFACTS.learned);
    return w;
  };
  const table = (rows: z.infer<typeof Row>[]): WordTable => new Map(rows.map(([w, list]) => [word(w), list.map(([t, p]) => [word(t), p] as [string, number])]));
  return {
    log: raw.log,
    unitWords: raw.units.map((u) => u.map(word)),
    translation: table(raw.translation),
    reverse: table(raw.reverse),
    questions: raw.questions.map((q) => ({ text: q.text, words: q.words.map(word), units: q.units, ...(q.curated ? { curated: true } : {}) })),
    pivot: table(raw.pivot),
  };
}
