// The nearest logged questions: a new question worded like a verified one is likely answered by the
// same clauses. BM25 over the log's questions (the log as a small corpus of its own); each of the k
// nearest votes for its answering units with its similarity relative to the nearest. Pure.
import type { LoggedQuestionWords } from '../../../indexer/learn/artefact.ts';

const K1 = 1.2;
const B = 0.75;

export type NeighbourVotes = (words: readonly string[], k: number) => Map<number, number>;

export function neighbourVotes(questions: readonly Pick<LoggedQuestionWords, 'words' | 'units'>[]): NeighbourVotes {
  const postings = new Map<string, [number, number][]>();
  const lengths = questions.map((q) => q.words.length);
  const average = lengths.reduce((s, n) => s + n, 0) / Math.max(1, questions.length);
  questions.forEach((q, i) => {
    const tf = new Map<string, number>();
    for (const w of q.words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, n] of tf) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      list.push([i, n]);
    }
  });
  return (words, k) => {
    const scores = new Float64Array(questions.length);
    const matched: number[] = [];
    for (const w of new Set(words)) {
      const list = postings.get(w);
      if (!list) continue;
      const idf = Math.log(1 + (questions.length - list.length + 0.5) / (list.length + 0.5));
      for (const [i, tf] of list) {
        if (scores[i] === 0) matched.push(i);
        scores[i]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[i]!) / average));
      }
    }
    const nearest = matched.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);
    const top = nearest.length > 0 ? scores[nearest[0]!]! : 1;
    const votes = new Map<number, number>();
    for (const i of nearest) for (const u of questions[i]!.units) votes.set(u, (votes.get(u) ?? 0) + scores[i]! / top);
    return votes;
  };
}
