// English words the corpus's vocabulary has no gloss for ("signal", "website", "rider") may still be
// words the askers use in Chinese: the glossary's lay section holds the log's question words the corpus
// lacks (信号, 网站, 骑手) with their CC-CEDICT senses, and the learned tables know which clause words
// those lay words stand for. This finds, per English word, the lay word it glosses best.
//
// Pure and edge-safe.
import { stemmer } from 'stemmer';
import type { Glossary } from '../../../../indexer/format/glossary.ts';
import { bucketOf, matchQuality, meaningsOf, stemsMatch } from './glossary-index.ts';
import { SENSE_DECAY } from './knobs.ts';

export interface LayWord {
  /** The lay Chinese word (信号). */
  word: string;
  /** The English word it glosses, as asked. */
  english: string;
  /** How well: the sense's rank over the number of content words in the sense ("horse rider" halves it), 0 to 1. */
  score: number;
}

interface LaySense {
  word: string;
  stem: string;
  /** Rank weight over the number of stems in the variant. */
  weight: number;
}

const indexes = new WeakMap<Glossary, Map<string, LaySense[]>>();

/** Every gloss stem of the lay words, by its bucket (stemsMatch only matches within one). */
function indexOf(glossary: Glossary): Map<string, LaySense[]> {
  let index = indexes.get(glossary);
  if (!index) {
    index = new Map();
    for (const [word, senses] of Object.entries(glossary.lay ?? {})) {
      for (const { stems, rank } of meaningsOf(senses, SENSE_DECAY).senses) {
        for (const stem of stems) {
          const bucket = index.get(bucketOf(stem)) ?? [];
          if (bucket.length === 0) index.set(bucketOf(stem), bucket);
          bucket.push({ word, stem, weight: rank / stems.length });
        }
      }
    }
    indexes.set(glossary, index);
  }
  return index;
}

/** At most one lay word per English word, the best; below `min` a match is noise. */
export function layWordsFor(english: readonly string[], glossary: Glossary, min: number): LayWord[] {
  if (!glossary.lay || english.length === 0) return [];
  const index = indexOf(glossary);
  const out: LayWord[] = [];
  for (const w of english) {
    const stem = stemmer(w.toLowerCase());
    let best: LayWord | null = null;
    for (const sense of index.get(bucketOf(stem)) ?? []) {
      if (!stemsMatch(stem, sense.stem)) continue;
      const score = matchQuality(stem, sense.stem) * sense.weight;
      // Ties go to the shorter word, then the first in the glossary's order, so the choice is stable.
      if (!best || score > best.score || (score === best.score && sense.word.length < best.word.length)) best = { word: sense.word, english: w, score };
    }
    if (best && best.score >= min) out.push(best);
  }
  return out;
}
