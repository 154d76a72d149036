// Chinese words that carry no topic: function words, question words and particles, and the words a
// question uses to refer to statutes in general (规定, 条例). Serves the lexical query (they are not
// search terms) and the question parser. Kept in code (not a file) so the edge build and the Node
// build cannot drift apart.

const ZH = `的 地 得 了 着 过 之 其 与 和 及 以及 或 或者 并 并且 而 而且 等 等等 在 对 对于 从 向 于 由 把 被 为 为了
将 就 都 也 还 又 再 才 已 已经 这 那 这个 那个 这些 那些 此 该 各 每 个 些 是 有 没有 要 会 能 可 吗 呢 吧 啊 呀 么 嘛
谁 什么 怎么 怎样 怎么样 如何 哪 哪些 哪个 哪里 多少 几 为什么 是否 是不是 有没有 能否 可否 请问 请 一下 我 我们 你 你们
他 她 它 他们 她们 它们 自己 想 知道 问 关于 相关 方面 情况 规定 条例 本条例 法规 哪条 一个
草案 征求意见稿 这部 那边 这边 那里 这里 那儿 这儿 说 讲 写 提 说法 进行 时候 什么时候 何时 多久 到底 会不会 可不可以 能不能 要不要 做 干 啥 咋 哪儿 里 又 意思 指 呢 吗
叫 叫做 分别 各自 各有 两部 怎么办 咋办`;

export const ZH_STOPWORDS: ReadonlySet<string> = new Set(ZH.split(/\s+/).filter(Boolean));
