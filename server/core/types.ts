// The assistant's in-process API: what the server, the evals and the edge build call. The response
// types are inferred from the zod schemas in wire.ts, the one definition the HTTP API shares.
import type { z } from 'zod';
import type { Regulation } from '../../indexer/statute/model.ts';
import type { AskResultSchema, CitationSchema, MatchedTermSchema, DutyGroupSchema, DutyListSchema, DutySchema, HealthSchema, LangSchema, RegulationSummarySchema } from './wire.ts';

export type { Modality } from '../../indexer/language/zh/modality.ts';

export type Lang = z.infer<typeof LangSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type AskResult = z.infer<typeof AskResultSchema>;
export type MatchedTerm = z.infer<typeof MatchedTermSchema>;
export type Duty = z.infer<typeof DutySchema>;
export type DutyGroup = z.infer<typeof DutyGroupSchema>;
export type DutyList = z.infer<typeof DutyListSchema>;
export type RegulationSummary = z.infer<typeof RegulationSummarySchema>;
export type Health = z.infer<typeof HealthSchema>;

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AskInput {
  question: string;
  history?: Turn[];
  /** Restrict retrieval to one regulation. */
  regulationId?: string;
  /** Answer language; detected from the question when absent. */
  lang?: Lang;
}

export interface Assistant {
  ask(input: AskInput): Promise<AskResult>;
  search(q: string, k: number, regulationId?: string): Promise<Citation[]>;
  /** The duties of an actor (数据主管部门 also finds 省人民政府数据主管部门 …). */
  duties(actor: string, regulationId?: string): DutyList;
  /** Every duty statement of the index, in unit order (for the officials' page and its suggestions). */
  allDuties(): readonly Duty[];
  regulations(): RegulationSummary[];
  regulation(id: string): Regulation | undefined;
  health(): Health;
}
