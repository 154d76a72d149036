// The learned signals fused with lexical hits, over real jieba words and a table trained by the real
// IBM Model 1: what each weight turns on and off.
import { describe, expect, it } from 'vitest';
import type { LearnedModel } from '../../../indexer/learn/artefact.ts';
import { trainTranslation } from '../../../indexer/learn/train.ts';
import { jiebaSegmenter } from '../../../indexer/build/segment.ts';
import { wordTokens } from '../../../indexer/language/tokens.ts';
import { DEFAULT_TUNING } from '../tuning.ts';
import { learnedSignals } from './learned.ts';
import { neighbourVotes } from './neighbours.ts';

const segment = jiebaSegmenter();
const words = (text: string) => wordTokens(segment, text);
const query = (text: string) => ({ words: words(text).map((term) => ({ term, weight: 1 })), bigrams: [] });

// Unit 2 is a paragraph of article unit 1; unit 3 belongs to another regulation.
const UNITS = ['电子商务经营者应当依法办理市场主体登记', '纳税人应当按期办理纳税申报。纳税人可以委托代理', '纳税人应当按期办理纳税申报', '县级以上人民政府加强数据管理'];
const articleOf = (u: number) => (u === 2 ? 1 : u);
const regulationOf = (u: number) => (u === 3 ? 'b' : 'a');
const questions = [
  { text: '我开网店要先登记吗？', words: words('我开网店要先登记吗？'), units: [0] },
  { text: '交税要去哪里申报？', words: words('交税要去哪里申报？'), units: [1] },
];
const unitWords = UNITS.map(words);
const learned: LearnedModel = { log: null, unitWords, questions, pivot: new Map(), ...trainTranslation(questions, unitWords) };
const tuning = (learnedTuning: Partial<typeof DEFAULT_TUNING.learned>) => ({ learned: { ...DEFAULT_TUNING.learned, ...learnedTuning } });

describe('learned signals', () => {
  it('with every weight 0 leave the lexical ranking as it is', () => {
    const lexical = [{ unit: 3, score: 2 }, { unit: 0, score: 1 }];
    const signals = learnedSignals(learned, articleOf, regulationOf, tuning({ translationWeight: 0, neighbourWeight: 0, regulationWeight: 0, repeatWeight: 0 }));
    expect(signals.fuse(lexical, query('网店'), '网店')).toEqual(lexical);
  });

  it('lift the clause a lay question is about above one that only shares a word', () => {
    const signals = learnedSignals(learned, articleOf, regulationOf, tuning({ neighbourWeight: 0, regulationWeight: 0 }));
    const fused = signals.fuse([{ unit: 3, score: 1 }], query('网店怎么登记'), '网店怎么登记');
    expect(fused[0]!.unit).toBe(0);
  });

  it('give a paragraph its article’s translation score, and keep units outside the scope out', () => {
    const signals = learnedSignals(learned, articleOf, regulationOf, tuning({ translationWeight: 1, neighbourWeight: 0, regulationWeight: 0 }));
    const fused = new Map(signals.fuse([], query('交税'), '交税').map((h) => [h.unit, h.score]));
    expect(fused.get(2)).toBeCloseTo(fused.get(1)!, 12);
    expect(signals.fuse([], query('交税'), '交税', (u) => u !== 1 && u !== 2).some((h) => h.unit === 1 || h.unit === 2)).toBe(false);
  });

  it('explain bridged (English) terms by the forward table alone: the reverse one holds lay wording', () => {
    const both = learnedSignals(learned, articleOf, regulationOf, tuning({ reverseWeight: 0.5 }));
    const forwardOnly = learnedSignals(learned, articleOf, regulationOf, tuning({ reverseWeight: 0 }));
    const terms = query('纳税申报').words;
    expect([...both.translation(terms, true)]).toEqual([...forwardOnly.translation(terms)]);
    expect([...both.translation(terms)]).not.toEqual([...forwardOnly.translation(terms)]);
  });

  it('vote for the clauses of the nearest logged question, and raise its regulation', () => {
    const near = learnedSignals(learned, articleOf, regulationOf, tuning({ translationWeight: 0, neighbourWeight: 1, regulationWeight: 0 }));
    expect(near.fuse([], query('网店登记'), '网店登记')[0]!.unit).toBe(0);
    const prior = learnedSignals(learned, articleOf, regulationOf, tuning({ translationWeight: 0, neighbourWeight: 0, regulationWeight: 1 }));
    const lexical = [{ unit: 3, score: 1 }, { unit: 1, score: 0.8 }];
    expect(prior.fuse(lexical, query('交税申报'), '交税申报')[0]!.unit).toBe(1);
  });

  it('put the verified clauses first when a logged question is asked again, however it is punctuated', () => {
    const signals = learnedSignals(learned, articleOf, regulationOf, tuning({ translationWeight: 0, neighbourWeight: 0, regulationWeight: 0 }));
    const lexical = [{ unit: 3, score: 5 }, { unit: 2, score: 4 }];
    expect(signals.fuse(lexical, query('交税要去哪里申报'), '交税要去哪里申报')[0]!.unit).toBe(1);
    expect(signals.fuse(lexical, query('交税去哪里申报'), '交税去哪里申报')[0]!.unit).toBe(3);
    expect(signals.fuse(lexical, query('交税要去哪里申报'), '交税要去哪里申报', (u) => u !== 1)[0]!.unit).toBe(3);
  });

  it('keep the same best units, in the same order, when only a few candidates are kept (ties included)', () => {
    const lexical = [{ unit: 3, score: 1 }, { unit: 2, score: 1 }, { unit: 0, score: 1 }, { unit: 1, score: 0.5 }];
    const all = learnedSignals(learned, articleOf, regulationOf, tuning({ neighbourWeight: 0, regulationWeight: 0, candidates: 1000 })).fuse(lexical, query('数据'), '数据');
    expect(all.length).toBe(4);
    for (const k of [1, 2, 3]) {
      const few = learnedSignals(learned, articleOf, regulationOf, tuning({ neighbourWeight: 0, regulationWeight: 0, candidates: k })).fuse(lexical, query('数据'), '数据');
      expect(few).toEqual(all.slice(0, k));
    }
  });

  it('measure how well the best article explains the words, per unit of query weight', () => {
    const signals = learnedSignals(learned, articleOf, regulationOf, tuning({}));
    expect(signals.strength(query('交税').words)).toBeGreaterThan(0);
    expect(signals.strength(query('火锅').words)).toBe(0);
  });

  it('count a word the log and the units hold once as half a translation, in full from twice', () => {
    // 交税 is in one logged question and no unit; a second question holding it (answering no unit, so the table and the units stay as they are) is the evidence.
    const once = learnedSignals(learned, articleOf, regulationOf, tuning({})).strength(query('交税').words);
    const twice = learnedSignals({ ...learned, questions: [...questions, { text: '交税晚了怎么办？', words: words('交税晚了怎么办？'), units: [] }] }, articleOf, regulationOf, tuning({})).strength(query('交税').words);
    expect(once).toBeGreaterThan(0);
    expect(twice).toBeCloseTo(2 * once, 9);
  });
});

describe('nearest logged questions', () => {
  it('votes relative to the nearest, summed over the k nearest', () => {
    const votes = neighbourVotes([
      { words: ['网店', '登记'], units: [0] },
      { words: ['网店', '交税'], units: [1] },
      { words: ['饭馆', '登记'], units: [0, 2] },
    ]);
    const cast = votes(['网店', '登记'], 3);
    expect(cast.get(0)).toBeGreaterThan(cast.get(1)!);
    expect(Math.max(...[...cast.values()].filter((_, i) => i !== 0))).toBeLessThanOrEqual(cast.get(0)!);
    expect(votes(['网店', '登记'], 1)).toEqual(new Map([[0, 1]]));
    expect(votes(['火锅'], 3).size).toBe(0);
  });
});
