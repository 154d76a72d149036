// The index's vectors in the edge bundle: f32, or int8 past a size (recall checked), and the Workers AI
// model that can embed queries like the index's model (or why dense retrieval is off at the edge).
import { ARTEFACTS } from '../../indexer/format/artefacts.ts';
import type { EdgeSection, IndexManifest, VectorEncoding } from '../../indexer/format/manifest.ts';
import { encodedBytes, encodeVectors, quantisationRecall, unpackVectors } from '../../indexer/format/vectors.ts';
import { MiB } from './limits.ts';
import { workersAiModelFor, type WorkersAiModel } from './workers-ai.ts';

/** Past this size of float32 vectors, int8 quantisation pays (4× smaller, recall checked). */
const I8_ABOVE_BYTES = 2 * MiB;

export interface DenseExport {
  entry: EdgeSection['vectors'];
  vectors: Float32Array[] | null;
  workersAi: WorkersAiModel | null;
  note: string | null;
  recall: number | null;
}

export async function exportVectors(
  manifest: IndexManifest,
  files: Map<string, Uint8Array>,
  options: { vectors?: VectorEncoding | 'auto'; workersAiModel?: string },
  write: (name: string, data: Uint8Array) => Promise<void>,
): Promise<DenseExport> {
  const raw = files.get(ARTEFACTS.vectors);
  if (!manifest.dense || !manifest.model || !raw) {
    return { entry: null, vectors: null, workersAi: null, note: manifest.denseNote ?? 'the index has no vectors (lexical-only build)', recall: null };
  }
  const { model } = manifest;
  const vectors = unpackVectors(raw, model.dims);
  const f32Bytes = encodedBytes(vectors.length, model.dims, 'f32');
  const encoding: VectorEncoding = options.vectors && options.vectors !== 'auto' ? options.vectors : f32Bytes > I8_ABOVE_BYTES ? 'i8' : 'f32';
  const file = `vectors.${encoding}`;
  await write(file, encodeVectors(vectors, encoding));
  const recall = encoding === 'i8' ? quantisationRecall(vectors) : null;

  let workersAi: WorkersAiModel | null;
  if (options.workersAiModel === 'none') workersAi = null;
  else if (options.workersAiModel) workersAi = { name: options.workersAiModel, dims: model.dims, pooling: null };
  else workersAi = workersAiModelFor(model);
  const note = workersAi
    ? null
    : `index model ${model.id} is not served by Workers AI, so queries cannot be embedded at the edge; lexical-only (build the index with REGQA_MODEL=Xenova/bge-m3 for dense retrieval at the edge)`;
  return { entry: { file, encoding, count: vectors.length, dims: model.dims }, vectors, workersAi, note, recall };
}
