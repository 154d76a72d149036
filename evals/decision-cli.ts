// npm run eval -- --fit-decision: choose the learned signals' weights and fit the answerability model
// for a suite's corpus, and write them beside the corpus; the next build copies them into the index.
import { loadIndexData } from '../server/node/index.ts';
import { chooseFusion, decisionNegatives, fitDecision, writeDecision } from './decision-fit.ts';
import type { Suite } from './suites.ts';

/** Enough of a group's errors to see what they have in common. */
const SHOWN_ERRORS = 12;

export async function fitAndWrite(suite: Suite, indexDir: string): Promise<number> {
  const loaded = await loadIndexData(indexDir);
  const negatives = await decisionNegatives(suite.name);
  const notes = `npm run eval -- --dataset ${suite.name} --fit-decision: positives = the log's answered questions, asked and curated (cross-validated); negatives = ${[...new Set(negatives.map((n) => n.group))].join(', ')} and the log's not-covered entries`;
  const { fusion, mrr } = await chooseFusion(loaded);
  console.log(`learned weights by 5-fold CV on the log: ${JSON.stringify(fusion)} (MRR@10 ${mrr.toFixed(3)})`);
  const { model, answered, counts, errors } = await fitDecision(loaded, negatives, notes, fusion);
  const file = await writeDecision(suite.corpusDir, model);
  console.log(`answerability model → ${file} (threshold ${model.threshold.toFixed(3)})`);
  console.log('share answered, out of fold:');
  for (const [group, share] of Object.entries(answered)) console.log(`  ${group.padEnd(9)} ${share.toFixed(3)}  (${counts[group]} questions)`);
  console.log('wrong out of fold (p of "covered"), the first few of each group:');
  for (const group of Object.keys(counts)) {
    const wrong = errors.filter((e) => e.group === group);
    for (const e of wrong.slice(0, SHOWN_ERRORS)) console.log(`  ${group.padEnd(9)} ${e.p.toFixed(2)}  ${e.question}`);
    if (wrong.length > SHOWN_ERRORS) console.log(`  ${group.padEnd(9)} … and ${wrong.length - SHOWN_ERRORS} more`);
  }
  console.log('Rebuild the index to use it: the next npm run index / npm run eval sees the new decision.json.');
  return 0;
}
