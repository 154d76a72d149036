// The public API of the edge-safe core: what the runtimes (server/node, server/edge), the HTTP layer
// and the evals may import. Everything else under server/core is internal to it.
export { createAssistant, type AssistantOptions, type CoreAssistant } from './assistant.ts';
export { parseIndexData, type IndexData, type IndexInfo } from './index-data.ts';
export { actorCore } from './answer/duties.ts';
export type { Retrieval } from './retrieve/retrieval.ts';
export type { DenseSearch, RetrieverMode, UnitHit } from './retrieve/types.ts';
export { DEFAULT_TUNING, type Tuning, type TuningOverrides } from './tuning.ts';
export type { AskInput, AskResult, Assistant, Citation, Duty, DutyGroup, DutyList, Health, Lang, Modality, RegulationSummary, Turn } from './types.ts';
export * from './wire.ts';
