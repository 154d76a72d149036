// The loaded index as plain data, parsed from its artefacts. Node reads them from disk (after checksum
// verification); the edge build reads the same artefacts from its bundle.
import type MiniSearch from 'minisearch';
import { loadLexical, type LexicalDoc } from '../../indexer/format/lexical.ts';
import type { Regulation } from '../../indexer/statute/model.ts';
import type { Unit } from '../../indexer/statute/units.ts';
import type { Glossary } from '../../indexer/format/glossary.ts';
import { ARTEFACTS, type TextArtefact } from '../../indexer/format/artefacts.ts';
import type { IndexInfo } from '../../indexer/format/manifest.ts';

export type { IndexInfo };

export interface IndexData {
  info: IndexInfo;
  regulations: Regulation[];
  units: Unit[];
  lexical: MiniSearch<LexicalDoc>;
  glossary: Glossary;
  /** User dictionary words, for the query-side segmenter. */
  dictionary: string[];
}

/** Parses the text artefacts, read by the runtime through the format's verifying reader. */
export function parseIndexData(info: IndexInfo, text: (name: TextArtefact) => string): IndexData {
  return {
    info,
    regulations: (JSON.parse(text(ARTEFACTS.corpus)) as { regulations: Regulation[] }).regulations,
    units: JSON.parse(text(ARTEFACTS.units)) as Unit[],
    lexical: loadLexical(text(ARTEFACTS.lexical)),
    glossary: JSON.parse(text(ARTEFACTS.glossary)) as Glossary,
    dictionary: text(ARTEFACTS.dictionary).split('\n').filter(Boolean),
  };
}
