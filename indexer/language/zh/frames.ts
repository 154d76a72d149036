// How people ask, as opposed to how statutes say it: lay phrasings of a question's frame with the
// statute words that stand in for them, and everyday short names of government bodies. Serves the
// question parser; the English alternatives are listed beside the Chinese ones because they stand for
// the same statute words.

// Lay ways of asking about consequences, and the words statutes use for them.
// The matched phrase is question frame, not topic: it leaves the search text and the words stand in.
export const EXPANSIONS: [RegExp, string][] = [
  [/(?:会|要)?(?:怎么|如何)(?:处理|处罚|罚)|什么后果|会被罚|罚多少(?:钱)?|(?:担|承担)什么责任|追究|追责|问责|\bpenalt\w*|\bpunish\w*|\bconsequences?\b|\bfine[ds]?\b|\bliab\w*/gi, '法律责任 处罚 处分'],
  [/(?:是)?为了(?:干)?什么(?:才|而)?(?:制定|出台|定)?(?:的)?|为什么(?:要)?(?:专门)?(?:搞|制定|出台|定|立)(?=[^，,。？?]{0,12}(?:条例|法规|草案|规定))|(?:立法)?目的(?:是什么)?|宗旨|\bpurpose\b|\bwhy\b.*\b(?:made|enacted|adopted|pass(?:ed)?|introduced?|create[ds]?)\b/gi, '为了 制定'],
  // Whether, and where, a regulation applies to the asker: its scope clause (本条例适用于本市行政区域内…,
  // 本省行政区域内…应当遵守本条例). Asked of the regulation itself, not of a government (政府管不管), nor of
  // a law in general (离婚适用什么法律, "apply to a job").
  [/(?:条例|法规|草案|规定|这部)[^，,。？?]{0,6}(?:管不管|管得着|管得到|适用)|(?:也|都)?(?:要|得|需要|必须)(?:遵守|守)(?:这个|这部|本)?(?=[^，,。？?]{0,10}(?:条例|法规|草案|规定))|适用范围|\b(?:rule|regulation|law|ordinance|draft)s?\b[^?]{0,30}\bappl(?:y|ies)\b/gi, '适用 遵守 行政区域'],
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

