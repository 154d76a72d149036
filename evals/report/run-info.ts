// What one eval run is, as the reports see it: each system's results and the facts of the run.
import type { QuestionResult } from '../run.ts';

export interface SystemRun {
  name: string;
  results: QuestionResult[];
}

export interface RunInfo {
  dataset: string;
  date: string;
  command: string;
  description: string;
  target: string;
  k: number;
  split: string;
  index: { dir: string; status: string; buildMs: number; dense: boolean; denseNote: string | null; regulations: number } | null;
  /** Name of the run the others are compared with (the plain baseline), when present. */
  baseline: string | null;
  durationMs: number;
}
