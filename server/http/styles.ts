// The pages' stylesheet, served as /styles.css (a file of its own so the CSP needs no 'unsafe-inline').
const DARK = `--ink: #e4e9f0; --muted: #a3afbf; --line: #334155; --bg: #0b1220; --card: #111827; --accent: #7cb5f2; --accent-ink: #0b1320;
  --draft: #ffb870; --draft-bg: #3a2510; --target: #3a3210; color-scheme: dark;`;

export const PAGE_CSS = `
:root {
  --ink: #1d2733; --muted: #5b6776; --line: #dde2e8; --bg: #f5f7fa; --card: #fff;
  --accent: #0a58a8; --accent-ink: #fff; --draft: #a34b00; --draft-bg: #fff3e0;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.7;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

header.site { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem clamp(1rem, 4vw, 2rem); background: var(--card); border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.1rem; color: var(--ink); text-decoration: none; }
.brand span { color: var(--muted); font-weight: 400; margin-left: .25rem; }
header.site nav { display: flex; gap: 1rem; }
header.site nav a { text-decoration: none; color: var(--muted); padding: .25rem 0; border-bottom: 2px solid transparent; }
header.site nav a[aria-current="page"] { color: var(--ink); border-bottom-color: var(--accent); }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem clamp(1rem, 4vw, 2rem) 3rem; }
footer.site { max-width: 60rem; margin: 0 auto; padding: 1rem clamp(1rem, 4vw, 2rem) 2rem; color: var(--muted); font-size: .85rem; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1rem; margin: 0 0 .25rem; }
.meta, .lead { color: var(--muted); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45em; border-radius: .3em; vertical-align: middle; line-height: 1.6; }
.badge.draft { color: var(--draft); background: var(--draft-bg); border: 1px solid #f3c58b; }

.regulations { list-style: none; padding: 0; }
.regulations li { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; margin-bottom: .75rem; }
.regulations a { font-weight: 600; font-size: 1.05rem; }
.regulations .meta { display: block; font-size: .9rem; }

.notice-banner { background: var(--draft-bg); color: var(--draft); border-radius: .4rem; padding: .5rem .9rem; }
.toc ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .95rem; }
.section, .chapter { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .25rem 1.25rem 1rem; margin: 1rem 0; }
.section h2, .chapter h2 { margin-top: 1rem; }
.uncertain { color: var(--draft); font-weight: 400; font-size: .8rem; }
.article { padding: .6rem 0; border-top: 1px solid var(--line); scroll-margin-top: 1rem; }
.article:target { background: var(--target, #fffbe6); box-shadow: 0 0 0 .5rem var(--target, #fffbe6); }
.article h3 a { color: var(--ink); text-decoration: none; }
.paras { margin: 0; padding-left: 3.2em; }
.paras li { white-space: pre-line; }
.paras li::marker { content: "第" counter(list-item) "款  "; color: var(--muted); font-size: .8rem; }
.gap { color: var(--draft); font-size: .9rem; margin: .5rem 0; }

.duties-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; }
.field { display: flex; flex-direction: column; gap: .25rem; flex: 1 1 14rem; }
label { font-weight: 600; font-size: .9rem; }
input, select, button, .button { font: inherit; padding: .5rem .75rem; border-radius: .4rem; border: 1px solid var(--muted); background: var(--card); color: var(--ink); }
button, .button { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #7fb2ea; outline-offset: 2px; }
.results-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; margin-top: 1.5rem; }
.results-head h2 { margin: 0; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; }
table.duties { border-collapse: collapse; width: 100%; font-size: .92rem; }
.duties th, .duties td { text-align: left; vertical-align: top; padding: .55rem .7rem; border-bottom: 1px solid var(--line); }
.duties th { background: var(--bg); white-space: nowrap; }
.duties td:nth-child(2), .duties td:nth-child(4), .duties td:nth-child(5) { white-space: nowrap; }
.duties details summary { color: var(--muted); font-size: .8rem; cursor: pointer; }
.modality { font-size: .8rem; padding: 0 .4em; border-radius: .3em; border: 1px solid; }
.modality.must { color: #0a58a8; } .modality.must-not { color: #b42318; } .modality.may { color: #3f6212; } .modality.encouraged { color: #6d28d9; }
.empty { background: var(--card); border: 1px dashed var(--line); border-radius: .5rem; padding: 1rem; }

regqa-chat { display: block; }

.error-page h1 small { font-weight: 400; }
.review { list-style: none; padding: 0; }
.review-item { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1.25rem; margin-bottom: .75rem; }
.review-item textarea { width: 100%; font: inherit; color: var(--ink); background: var(--card); border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .6rem; }
.review-item .comment { font-style: italic; }
.buttons { margin-top: .5rem; }
button.secondary { background: var(--card); color: var(--ink); border-color: var(--line); }

/* Dark: the system's preference unless the chat's toggle chose light, or the toggle's choice of dark. */
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { ${DARK} } }
:root[data-theme="dark"] { ${DARK} }

/* Phones: each duty is a card of labelled lines instead of a table row too wide to read. */
@media (max-width: 640px) {
  .table-wrap { overflow-x: visible; background: none; border: 0; }
  table.duties, .duties tbody, .duties tr, .duties td { display: block; width: 100%; }
  .duties thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .duties tr { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .6rem; padding: .35rem .2rem; }
  .duties td { border: 0; padding: .2rem .7rem; white-space: normal !important; }
  .duties td::before { content: attr(data-label) "："; color: var(--muted); font-size: .8rem; margin-right: .3rem; }
}
`;
