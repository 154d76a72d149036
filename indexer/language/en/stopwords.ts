// English words that say nothing about a question's topic: one list for the English bridge (glosses
// and questions) and for the lexical tokens of English text.

/** English function words: dropped from CC-CEDICT glosses and from questions alike. */
const FUNCTION_WORDS = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves shall may might must let us etc sth sb esp lit fig abbr one
oneself someone something somebody anything used also pr tw cl ie eg via per kind sort`;

/** Words of questions (not of glosses) that say nothing about the topic. */
const QUESTION_WORDS = `who what which whose whom must should does did do doing done please tell explain describe
say says said according regulation regulations article articles law laws rule rules provision provisions clause clauses
paragraph paragraphs chapter chapters statute statutes text mention mentions mentioned stipulate stipulates
stipulated anyone anybody someone somebody thing things way ways kind kinds there here`;

export const EN_FUNCTION_WORDS: ReadonlySet<string> = new Set(FUNCTION_WORDS.split(/\s+/).filter(Boolean));

/** Function words and question words: what an English question's content words are not. */
export const EN_STOPWORDS: ReadonlySet<string> = new Set([...EN_FUNCTION_WORDS, ...QUESTION_WORDS.split(/\s+/).filter(Boolean)]);
