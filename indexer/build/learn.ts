// Build step: the corpus's question log → learned.json (translation table, the log's questions for the
// nearest-question signal, CC-CEDICT pivot synonyms), and the corpus's answerability model
// (decision.json, fitted offline). Without them the index still builds, and the build says so.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Glossary } from '../format/glossary.ts';
import { searchableText } from '../format/lexical.ts';
import { wordTokens, type Segment } from '../language/tokens.ts';
import { MODALITY_WORDS } from '../language/zh/modality.ts';
import { unlearnedModel, type LearnedModel, type LoggedQuestionWords } from '../learn/artefact.ts';
import { DECISION_FILE, parseDecisionModel, type DecisionModel } from '../learn/decision.ts';
import { parseLog, QuestionLogError, resolveLog, type LogRef } from '../learn/log.ts';
import { pivotSynonyms } from '../learn/pivot.ts';
import { trainTranslation } from '../learn/train.ts';
import type { Regulation } from '../statute/model.ts';
import type { Unit } from '../statute/units.ts';

/** The log beside a corpus, when no other file is configured. */
export const DEFAULT_LOG = 'questions.jsonl';

export interface QuestionLogFile {
  file: string;
  text: string;
  sha256: string;
}

export interface LearnInput {
  corpusDir: string;
  /** The log read by readLog; null when there is none. */
  log: QuestionLogFile | null;
  regulations: readonly Regulation[];
  units: readonly Unit[];
  segment: Segment;
  glossary: Glossary;
  /** CC-CEDICT glosses of any word, and the words a question can be segmented into. */
  glosses: (word: string) => readonly string[];
  pivotCandidates: Iterable<string>;
}

/** A question's content words as the query side weighs them: no stopwords, no modal verbs. */
export const questionWords = (segment: Segment, text: string) => wordTokens(segment, text).filter((w) => !MODALITY_WORDS.has(w));

export async function learnFromLog(input: LearnInput): Promise<{ model: LearnedModel; note: string }> {
  const { units, segment } = input;
  const unitWords = units.map((u) => wordTokens(segment, searchableText(u)));
  const pivot = pivotSynonyms(input.glossary, [...input.pivotCandidates, ...Object.keys(input.glossary.terms)], input.glosses);
  const found = input.log;
  if (!found) {
    const note = `No question log (${join(input.corpusDir, DEFAULT_LOG)}): nothing learned from questions; translation uses CC-CEDICT pivot synonyms only.`;
    return { model: unlearnedModel(unitWords, pivot), note };
  }
  const unitOf = unitLocator(units);
  const questions: LoggedQuestionWords[] = [];
  for (const entry of resolveLog(parseLog(found.text, found.file), input.regulations, found.file)) {
    if (entry.gold.length === 0) continue;
    const answering = entry.gold.map((g) => {
      const u = unitOf(g);
      if (u === undefined) throw new QuestionLogError(`${entry.source}: ${g.regulationId} has no ${g.section ?? `article ${g.article}${g.sub ? `-${g.sub}` : ''}${g.paragraph ? ` paragraph ${g.paragraph}` : ''}`}`);
      return u;
    });
    questions.push({ text: entry.question, words: questionWords(segment, entry.question), units: [...new Set(answering)], ...(entry.curated ? { curated: true } : {}) });
  }
  const entries = found.text.split('\n').filter((l) => l.trim() !== '').length;
  const { translation, reverse } = trainTranslation(questions, unitWords);
  const log = { file: found.file, sha256: found.sha256, entries, answered: questions.length };
  return { model: { log, unitWords, translation, reverse, questions, pivot }, note: `Learned from ${questions.length} answered questions of ${found.file} (${translation.size} question words translated).` };
}

/** The configured log, or `<corpus>/questions.jsonl`; null when none is configured and the corpus has none. */
export async function readLog(corpusDir: string, configured: string | null): Promise<QuestionLogFile | null> {
  const file = configured ?? join(corpusDir, DEFAULT_LOG);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (configured === null && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new QuestionLogError(`cannot read the question log ${file}: ${(error as Error).message}`);
  }
  return { file, text, sha256: createHash('sha256').update(text).digest('hex') };
}

/** A reference → the unit to learn from: the paragraph when named (and the article is split), else the article. */
function unitLocator(units: readonly Unit[]): (ref: LogRef) => number | undefined {
  const byKey = new Map<string, number>();
  units.forEach((u, i) => byKey.set(u.kind === 'section' ? `${u.regulationId}/§${u.label}` : `${u.regulationId}/${u.article}-${u.sub}/${u.paragraph ?? ''}`, i));
  const sectionLabel = new Map(units.filter((u) => u.kind === 'section').map((u) => [u.id, u.label]));
  return (ref) => {
    if (ref.section !== null) return byKey.get(`${ref.regulationId}/§${sectionLabel.get(`${ref.regulationId}/${ref.section}`)}`);
    const article = `${ref.regulationId}/${ref.article}-${ref.sub}/`;
    return (ref.paragraph !== null ? byKey.get(`${article}${ref.paragraph}`) : undefined) ?? byKey.get(article);
  };
}

/** `<corpus>/decision.json`, validated, or null when the corpus has none. */
export async function readDecision(corpusDir: string): Promise<{ text: string; model: DecisionModel; sha256: string } | null> {
  const file = join(corpusDir, DECISION_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const model = parseDecisionModel(text, file);
  if (!model) return null;
  return { text, model, sha256: createHash('sha256').update(text).digest('hex') };
}
