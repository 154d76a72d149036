// Query embeddings at the edge through the Workers AI binding, for indexes whose passages were embedded
// with a model Workers AI also serves. Edge-safe.
//
// The index records the transformers.js model it was built with (manifest.model.id, e.g. Xenova/bge-m3).
// The query must be embedded by the same model, or the vectors are not comparable; only these map:
//
//   index model (HF / Xenova id)      Workers AI model               dims  pooling
//   BAAI|Xenova/bge-m3                @cf/baai/bge-m3                1024  cls (the model's own)
//   BAAI|Xenova/bge-small-en-v1.5     @cf/baai/bge-small-en-v1.5      384  as built (cls for bge)
//   BAAI|Xenova/bge-base-en-v1.5      @cf/baai/bge-base-en-v1.5       768  as built
//   BAAI|Xenova/bge-large-en-v1.5     @cf/baai/bge-large-en-v1.5     1024  as built
//
// The project's default, Xenova/bge-small-zh-v1.5, has no Workers AI counterpart (there is no bge-*-zh
// on Workers AI), so an index built with it runs lexical-only at the edge, and /healthz says so. For
// dense retrieval at the edge, build the index with REGQA_MODEL=Xenova/bge-m3 (multilingual, covers
// Chinese) and preferably REGQA_QUANTIZED=0, so that passages come from the same full-precision weights
// Workers AI runs.
import type { WorkersAiModel } from '../../indexer/format/manifest.ts';
import type { Ai } from './workers-types.ts';

export type { WorkersAiModel };

const KNOWN: { pattern: RegExp; name: string; dims: number; takesPooling: boolean }[] = [
  { pattern: /^(?:baai|xenova)\/bge-m3$/i, name: '@cf/baai/bge-m3', dims: 1024, takesPooling: false },
  { pattern: /^(?:baai|xenova)\/bge-small-en-v1\.5$/i, name: '@cf/baai/bge-small-en-v1.5', dims: 384, takesPooling: true },
  { pattern: /^(?:baai|xenova)\/bge-base-en-v1\.5$/i, name: '@cf/baai/bge-base-en-v1.5', dims: 768, takesPooling: true },
  { pattern: /^(?:baai|xenova)\/bge-large-en-v1\.5$/i, name: '@cf/baai/bge-large-en-v1.5', dims: 1024, takesPooling: true },
];

/** The Workers AI model serving the index's embedding model, or null when there is none. */
export function workersAiModelFor(model: { id: string; dims: number; pooling: 'mean' | 'cls' }): WorkersAiModel | null {
  const known = KNOWN.find((k) => k.pattern.test(model.id));
  if (!known || known.dims !== model.dims) return null;
  return { name: known.name, dims: known.dims, pooling: known.takesPooling ? model.pooling : null };
}

/** Embeds one query; throws on a malformed answer (the assistant then serves lexical-only and says why). */
export function workersAiEmbedder(ai: Ai, model: WorkersAiModel, queryInstruction = ''): (text: string) => Promise<Float32Array> {
  return async (text) => {
    const inputs: Record<string, unknown> = { text: [queryInstruction + text] };
    if (model.pooling) inputs.pooling = model.pooling;
    const output = (await ai.run(model.name, inputs)) as { data?: unknown } | null;
    const row = Array.isArray(output?.data) ? output.data[0] : undefined;
    if (!Array.isArray(row) || row.length !== model.dims || !row.every((x) => typeof x === 'number')) {
      throw new Error(`${model.name} returned no ${model.dims}-dimensional embedding`);
    }
    return Float32Array.from(row as number[]);
  };
}
