// Words that carry no topic: Chinese function words, question words and particles, English stopwords.
// Kept as a list in code (not a file) so the edge build and the Node build cannot drift apart.

const ZH = `的 地 得 了 着 过 之 其 与 和 及 以及 或 或者 并 并且 而 而且 等 等等 在 对 对于 从 向 于 由 把 被 为 为了
将 就 都 也 还 又 再 才 已 已经 这 那 这个 那个 这些 那些 此 该 各 每 个 些 是 有 没有 要 会 能 可 吗 呢 吧 啊 呀 么 嘛
谁 什么 怎么 怎样 怎么样 如何 哪 哪些 哪个 哪里 多少 几 为什么 是否 是不是 有没有 能否 可否 请问 请 一下 我 我们 你 你们
他 她 它 他们 她们 它们 自己 想 知道 问 关于 相关 方面 情况 规定 条例 本条例 法规 哪条 一个
草案 征求意见稿 这部 那边 这边 那里 这里 那儿 这儿 说 讲 写 提 说法 进行 时候 什么时候 何时 多久 到底 会不会 可不可以 能不能 要不要 做 干 啥 咋 哪儿 里 又 意思 指 呢 吗`;

const EN = `a an the of to in on at by for from with about as is are was were be been being do does did can could
should would will shall may might must has have had what who whom whose which when where why how that this these those
there their it its i me my we our you your he she they them if or and not no any some such than then so into out up over
under per please tell say says regulation regulations law laws article articles rule rules`;

export const STOPWORDS: ReadonlySet<string> = new Set([...ZH.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));

/** Modal verbs that matter to duty questions but are too common to be search terms. */
export const MODALITY_WORDS: ReadonlySet<string> = new Set(['应当', '必须', '不得', '可以', '负责', '鼓励', '支持', '应']);
