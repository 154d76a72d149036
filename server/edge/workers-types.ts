// The few Cloudflare Workers binding types the edge code uses, declared here rather than pulling in
// @cloudflare/workers-types (whose globals would clash with the DOM and Node types of the rest of the
// project). Shapes follow the runtime APIs; only the members used are declared.

/** A service-like binding: the static-assets binding (`[assets] binding = "ASSETS"`). */
export interface Fetcher {
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
}

/** The Workers AI binding (`[ai] binding = "AI"`). */
export interface Ai {
  run(model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
}

export interface VectorizeMatch {
  id: string;
  score: number;
}

/** A Vectorize (V2) index binding (`[[vectorize]] binding = "VECTORIZE"`). */
export interface VectorizeIndex {
  query(
    vector: number[] | Float32Array,
    options?: { topK?: number; namespace?: string; returnValues?: boolean; returnMetadata?: boolean | 'none' | 'indexed' | 'all' },
  ): Promise<{ matches: VectorizeMatch[]; count: number }>;
  describe?(): Promise<unknown>;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  readonly props: unknown;
}
