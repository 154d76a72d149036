// Dense search through a Vectorize index instead of the bundled vectors: what takes over when brute force
// stops being cheap (see README: past ~10k units × 1024 dims, ~30 ms CPU per query, or when the vectors
// no longer fit comfortably in the 128 MB isolate next to jieba and the lexical index). Edge-safe.
//
// Vectorize (V2) limits that shape this adapter:
//   - topK ≤ 100 when neither values nor metadata are returned (≤ 20 with them): we ask for ids only.
//   - ≤ 1536 dimensions, float32; metric fixed at creation: create the index with --metric cosine.
//   - ids ≤ 64 bytes: the id is the unit's position in units.json ("0", "1", …).
//   - namespaces ≤ 64 bytes, 50,000 per index on paid (1,000 free): each index build writes its own
//     namespace (the build id), so a redeploy never mixes units of two builds.
//   - ≤ 10,000,000 vectors per index; upserts ≤ 1000 per batch from a Worker, 5000 over the HTTP API;
//     an NDJSON upload (wrangler vectorize insert --file) ≤ 100 MB.
//
//   npm run build:edge -- --vectorize            # also writes server/edge/dist/vectorize.ndjson
//   npx wrangler vectorize create regqa-units --dimensions 1024 --metric cosine
//   npx wrangler vectorize insert regqa-units --file server/edge/dist/vectorize.ndjson
//   # then uncomment the [[env.production.vectorize]] binding in wrangler.toml
import type { DenseSearch, UnitHit } from '../core/index.ts';
import type { VectorizeIndex } from './workers-types.ts';

/** Vectorize's topK ceiling when only ids and scores are returned. */
export const VECTORIZE_MAX_TOP_K = 100;

export function vectorizeDense(index: VectorizeIndex, embed: (text: string) => Promise<Float32Array>, options: { namespace: string; units: number }): DenseSearch {
  return async (query, k) => {
    const vector = await embed(query);
    const topK = Math.max(1, Math.min(Math.floor(k), VECTORIZE_MAX_TOP_K));
    const { matches } = await index.query(Array.from(vector), { topK, namespace: options.namespace, returnValues: false, returnMetadata: 'none' });
    const hits: UnitHit[] = [];
    for (const m of matches) {
      const unit = Number(m.id);
      // An id that is not a unit of this build means the Vectorize index holds something else.
      if (!Number.isInteger(unit) || unit < 0 || unit >= options.units) throw new Error(`Vectorize returned id "${m.id.slice(0, 64)}", not a unit of this index`);
      hits.push({ unit, score: m.score });
    }
    return hits;
  };
}

/** One NDJSON line per unit, as `wrangler vectorize insert --file` reads them. */
export function vectorizeNdjson(vectors: readonly Float32Array[], namespace: string): string {
  return vectors.map((v, i) => JSON.stringify({ id: String(i), namespace, values: Array.from(v) })).join('\n') + '\n';
}
