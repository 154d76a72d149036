// The index format's public API (edge-safe): artefact names, the manifest, the verifying reader, the
// lexical artefact, the glossary and vector encodings. Node's file access is format/node-files.ts.
export * from './artefacts.ts';
export type { Glossary, GlossaryTerm } from './glossary.ts';
export { LEXICAL_FIELDS, loadLexical, type LexicalIndex } from './lexical.ts';
export * from './manifest.ts';
export * from './reader.ts';
export * from './vectors.ts';
