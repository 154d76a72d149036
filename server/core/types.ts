// The assistant's in-process API: what the server, the evals and the edge build call.
// Plain types only; zod schemas for the HTTP edge live in server/http/schemas.ts.
import type { Regulation } from '../../indexer/statute.ts';

export type Lang = 'zh' | 'en';

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

export interface Citation {
  regulationId: string;
  regulationTitle: string;
  /** Article number; null for a non-article section such as the draft's notice. */
  article: number | null;
  paragraph: number | null;
  /** 第十四条第三款 / 第十四条 / 公告 */
  label: string;
  text: string;
  score: number;
}

/** A corpus word an English question was matched to, with its CC-CEDICT gloss, for the reader to see why. */
export interface MatchedTerm {
  term: string;
  gloss: string;
}

export interface AskResult {
  answer: string;
  found: boolean;
  lang: Lang;
  citations: Citation[];
  /** English questions: the Chinese words searched for, with their glosses. */
  matches?: MatchedTerm[];
}

export type Modality = '应当' | '必须' | '不得' | '可以' | '负责' | '鼓励' | '支持';

export interface Duty {
  regulationId: string;
  regulationTitle: string;
  article: number;
  paragraph: number | null;
  label: string;
  /** The actor as written in the clause: 县级以上人民政府数据主管部门. */
  actor: string;
  /** Which level of government the duty binds: 省 / 市州 / 市 / 县级以上 / 各级 / 未指明. */
  level: string;
  modality: Modality;
  /** What the actor must / may / must not do. */
  action: string;
  /** The full clause. */
  text: string;
}

export interface DutyGroup {
  regulationId: string;
  regulationTitle: string;
  status: Regulation['status'];
  duties: Duty[];
}

export interface DutyList {
  /** The actor as asked, normalised. */
  actor: string;
  /** Actor phrases in the corpus that matched (数据主管部门 → 省人民政府数据主管部门, …). */
  matchedActors: string[];
  groups: DutyGroup[];
}

export interface RegulationSummary {
  id: string;
  title: string;
  aliases: string[];
  jurisdiction: string;
  status: Regulation['status'];
  articles: number;
  chapters: string[];
  sections: { id: string; label: string; title: string }[];
}

export interface Health {
  builtAt: string;
  counts: { regulations: number; articles: number; units: number };
  dense: boolean;
  /** Why dense retrieval is off, in one line; null when on. */
  denseNote: string | null;
  model: string | null;
}

export interface Assistant {
  ask(input: AskInput): Promise<AskResult>;
  search(q: string, k: number, regulationId?: string): Promise<Citation[]>;
  duties(actor: string, regulationId?: string): DutyList;
  regulations(): RegulationSummary[];
  regulation(id: string): Regulation | undefined;
  health(): Health;
}
