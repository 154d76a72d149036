// Scoring knobs of the English bridge, tuned on ~50 English questions about the two statutes.
export const WORD_MATCH = 1; // the gloss of the term or of one of its multi-character parts
export const CHAR_MATCH = 0.6; // the gloss of one character of a multi-character term
export const SINGLE_CHAR_TERM = 0.6; // a one-character term: characters are too polysemous for full weight
export const PREFIX_MATCH = 0.7; // a prefix match that is not a plain derivation: intern(ational) ~ internet
export const SENSE_DECAY = 1; // sense k, variant j of a word count 1 / (1 + SENSE_DECAY·k + VARIANT_DECAY·j)
export const VARIANT_DECAY = 0.25;
export const CHAR_SENSE_DECAY = 0.25; // a character's senses are all live in compounds (专 is "special" third)
export const MULTI_BONUS = 0.5; // per extra question word a term covers at once
export const BONUS_MIN_COVER = 0.25; // how well a word must be covered to earn the bonus
// Among equally good matches the corpus's common word wins (政府 over 治理 for "government", 数据
// over 材料 for "data"): a mild popularity prior, df^0.15, rather than idf, which rewarded rare
// words matched through an incidental gloss. Specific compounds win by covering more words.
export const POPULARITY = 0.15;
export const ALTERNATES_PER_WORD = 2;
export const ALTERNATE_WEIGHT = 0.5;
export const MIN_SCORE = 0.3; // below this a match is noise (a rare term matched through a weak gloss)
// Senses chosen by the corpus: a candidate within NEAR_GAIN of the picked term's gain may replace it,
// its gain raised by SENSE_SUPPORT × its co-occurrence with the question's other picked terms.
export const NEAR_GAIN = 0.6;
export const SENSE_SUPPORT = 1;
// How strongly a question word's specificity (its idf over the glossary) weighs its coverage: 0 treats
// every word alike, 1 in proportion.
export const SPECIFICITY = 1;
