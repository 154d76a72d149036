// The index format's file names: one list for the writer (build), the Node loader and the edge bundle.

/** Bumped whenever the on-disk index layout or unit semantics change; older indexes are rebuilt. */
export const SCHEMA_VERSION = 9;

export const MANIFEST = 'manifest.json';

export const ARTEFACTS = {
  corpus: 'corpus.json',
  units: 'units.json',
  /** The lexical engine's binary index (indexer/lexical/serialise.ts). */
  lexical: 'lexical.bin',
  dictionary: 'dictionary.txt',
  glossary: 'glossary.json',
  /** What the index learned from its question log, and the CC-CEDICT pivot synonyms (indexer/learn). */
  learned: 'learned.json',
  /** The calibrated answerability model copied from `<corpus>/decision.json`, or null (indexer/learn/decision.ts). */
  decision: 'decision.json',
  lint: 'lint.json',
  /** Unit embeddings, f32 rows (Node index); the edge bundle holds vectors.f32 or vectors.i8. */
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
} as const;

/** The artefacts a loader parses into IndexData, on Node and at the edge. */
export const PARSED_ARTEFACTS = [ARTEFACTS.corpus, ARTEFACTS.units, ARTEFACTS.lexical, ARTEFACTS.glossary, ARTEFACTS.dictionary, ARTEFACTS.learned, ARTEFACTS.decision] as const;
export type ParsedArtefact = (typeof PARSED_ARTEFACTS)[number];
