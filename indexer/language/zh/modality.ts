// How binding a duty statement is: the modal verbs statutes use, the one list behind the duty
// extractor, the wire schema, the English answer lines and the query's non-search words.

export const MODALITIES = ['应当', '必须', '不得', '可以', '负责', '鼓励', '支持'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Modalities a statement binds with (…应当…), as opposed to the government encouraging (鼓励…). */
export const BINDING_MODALITIES = ['应当', '必须', '不得', '负责', '可以'] as const satisfies readonly Modality[];

/** Modal verbs that matter to duty questions but are too common to be search terms (应 as in 应予). */
export const MODALITY_WORDS: ReadonlySet<string> = new Set([...MODALITIES, '应']);

/** The English verb for each modality, for English answers. */
export const MODALITY_EN: Record<Modality, string> = {
  应当: 'shall',
  必须: 'must',
  不得: 'must not',
  可以: 'may',
  负责: 'is responsible for',
  鼓励: 'encourages',
  支持: 'supports',
};
