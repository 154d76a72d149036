// The loaded index as plain data, parsed from its artefacts. Node reads them from disk (after checksum
// verification); the edge build reads the same artefacts from its bundle.
import type MiniSearch from 'minisearch';
import { loadLexical, type LexicalDoc } from '../../indexer/format/lexical.ts';
import type { Regulation } from '../../indexer/statute/model.ts';
import type { Unit } from '../../indexer/statute/units.ts';
import type { Glossary } from '../../indexer/format/glossary.ts';

export interface IndexInfo {
  builtAt: string;
  counts: { regulations: number; articles: number; units: number };
  dense: boolean;
  denseNote: string | null;
  model: { id: string; dims: number; pooling: 'mean' | 'cls'; quantized: boolean; queryInstruction: string } | null;
}

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

/**
 * Number of units whose `words` field contains a term. MiniSearch keeps this in its inverted index but
 * has no public accessor; reading it avoids a second copy of the vocabulary in memory.
 */
export function documentFrequency(lexical: MiniSearch<LexicalDoc>, term: string): number {
  const internal = lexical as unknown as { _index: { get(t: string): Map<number, Map<number, number>> | undefined }; _fieldIds: Record<string, number> };
  return internal._index.get(term)?.get(internal._fieldIds.words!)?.size ?? 0;
}
