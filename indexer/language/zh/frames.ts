// How people ask, as opposed to how statutes say it: lay phrasings of a question's frame with the
// statute words that stand in for them, and everyday short names of government bodies. Serves the
// question parser; the English alternatives are listed beside the Chinese ones because they stand for
// the same statute words.

// Lay ways of asking about consequences, and the words statutes use for them.
// The matched phrase is question frame, not topic: it leaves the search text and the words stand in.
export const EXPANSIONS: [RegExp, string][] = [
  [/(?:会|要)?(?:怎么|如何)(?:处理|处罚|罚)|什么后果|会被罚|罚多少(?:钱)?|(?:担|承担)什么责任|追究|追责|问责|\bpenalt\w*|\bpunish\w*|\bconsequences?\b|\bfine[ds]?\b|\bliab\w*/gi, '法律责任 处罚 处分'],
  [/(?:是)?为了(?:干)?什么(?:才|而)?(?:制定|出台|定)?(?:的)?|(?:立法)?目的(?:是什么)?|宗旨|\bpurpose\b|\bwhy\b.*\b(?:made|enacted|adopted)\b/gi, '为了 制定'],
  [/什么时候(?:开始)?(?:施行|生效|实施)|(?:何时|哪天)(?:施行|生效|实施)|\b(?:come|comes|came) into (?:force|effect)\b|\btakes? effect\b|\beffective date\b/gi, '施行'],
];

// Everyday short names of government bodies; statutes spell them out.
export const ABBREVIATIONS: [RegExp, string][] = [
  [/工信(?!息)/g, '工业和信息化'],
  [/发改(?!革)/g, '发展改革'],
  [/人社(?!会)/g, '人力资源社会保障'],
  [/卫健(?!康)/g, '卫生健康'],
  [/市监(?!管)/g, '市场监管'],
  [/文旅/g, '文化和旅游'],
  [/大数据局/g, '数据主管部门'],
  [/网信办/g, '网信部门'],
];

