// The loaded index as plain data, parsed from its artefacts. Node reads them from disk (after checksum
// verification); the edge build reads the same artefacts from its bundle.
import type MiniSearch from 'minisearch';
import { loadLexical, type LexicalDoc } from '../../indexer/format/lexical.ts';
import type { Regulation } from '../../indexer/statute/model.ts';
import type { Unit } from '../../indexer/statute/units.ts';
import type { Glossary } from '../../indexer/format/glossary.ts';
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

export interface IndexArtefacts {
  corpus: string;
  units: string;
  lexical: string;
  glossary: string;
  dictionary: string;
}

export function parseIndexData(info: IndexInfo, a: IndexArtefacts): IndexData {
  return {
    info,
    regulations: (JSON.parse(a.corpus) as { regulations: Regulation[] }).regulations,
    units: JSON.parse(a.units) as Unit[],
    lexical: loadLexical(a.lexical),
    glossary: JSON.parse(a.glossary) as Glossary,
    dictionary: a.dictionary.split('\n').filter(Boolean),
  };
}
