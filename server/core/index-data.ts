// The loaded index as plain data, parsed from its artefacts. Node reads them from disk (after checksum
// verification); the edge build reads the same artefacts from its bundle.
import { ARTEFACTS, type ParsedArtefact } from '../../indexer/format/artefacts.ts';
import type { Glossary } from '../../indexer/format/glossary.ts';
import { loadLexical, type LexicalIndex } from '../../indexer/format/lexical.ts';
import type { IndexInfo } from '../../indexer/format/manifest.ts';
import type { Regulation } from '../../indexer/statute/model.ts';
import type { Unit } from '../../indexer/statute/units.ts';
import { decodeLearned, type LearnedModel } from '../../indexer/learn/artefact.ts';
import { parseDecisionModel, type DecisionModel } from '../../indexer/learn/decision.ts';

export type { IndexInfo };

export interface IndexData {
  info: IndexInfo;
  regulations: Regulation[];
  units: Unit[];
  /** Document i is unit i. */
  lexical: LexicalIndex;
  glossary: Glossary;
  /** User dictionary words, for the query-side segmenter. */
  dictionary: string[];
  /** What the index learned from its question log (indexer/learn). */
  learned: LearnedModel;
  /** The calibrated answerability model; null: the coverage threshold decides. */
  decision: DecisionModel | null;
}

/** Parses the artefacts, read by the runtime through the format's verifying reader. */
export function parseIndexData(info: IndexInfo, bytes: (name: ParsedArtefact) => Uint8Array): IndexData {
  const decoder = new TextDecoder();
  const json = <T>(name: ParsedArtefact) => JSON.parse(decoder.decode(bytes(name))) as T;
  return {
    info,
    regulations: json<{ regulations: Regulation[] }>(ARTEFACTS.corpus).regulations,
    units: json<Unit[]>(ARTEFACTS.units),
    lexical: loadLexical(bytes(ARTEFACTS.lexical)),
    glossary: json<Glossary>(ARTEFACTS.glossary),
    dictionary: decoder.decode(bytes(ARTEFACTS.dictionary)).split('\n').filter(Boolean),
    learned: decodeLearned(decoder.decode(bytes(ARTEFACTS.learned))),
    decision: parseDecisionModel(decoder.decode(bytes(ARTEFACTS.decision)), ARTEFACTS.decision),
  };
}
