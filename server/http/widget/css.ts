// The widget's stylesheet, adopted by its shadow root. Colours are variables: light by default, dark
// under prefers-color-scheme unless the toggle chose light, and dark whenever the toggle chose dark.
const LIGHT = `--accent: #0a58a8; --accent-ink: #fff; --ink: #1d2733; --muted: #5b6776; --line: #dde2e8; --bg: #fff; --bar: #f8fafc;
  --bubble: #f1f4f8; --quote: #f8fafc; --chip: #eef4fb; --chip-line: #cfe0f3; --draft: #a34b00; --draft-bg: #fff3e0; --error: #b42318;
  --error-bg: #fef3f2; --mark: #fff1b8; --pop: #fff;`;
const DARK = `--accent: #7cb5f2; --accent-ink: #0b1320; --ink: #e4e9f0; --muted: #a3afbf; --line: #334155; --bg: #111827; --bar: #1a2332;
  --bubble: #1e293b; --quote: #172033; --chip: #1c2b40; --chip-line: #31496b; --draft: #ffb870; --draft-bg: #3a2510; --error: #ffb4ab;
  --error-bg: #3b1614; --mark: #5c4a00; --pop: #1e293b;`;

export const WIDGET_CSS = `
:host { display: block; ${LIGHT} color-scheme: light;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: var(--ink); line-height: 1.65; }
@media (prefers-color-scheme: dark) { :host(:not([data-theme="light"])) { ${DARK} color-scheme: dark; } }
:host([data-theme="dark"]) { ${DARK} color-scheme: dark; }
* { box-sizing: border-box; }
.chat { position: relative; display: flex; flex-direction: column; background: var(--bg); border: 1px solid var(--line); border-radius: .75rem; box-shadow: 0 1px 3px rgba(16,24,40,.06); }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .9rem 1.1rem; border-bottom: 1px solid var(--line); background: var(--bar); border-radius: .75rem .75rem 0 0; }
.bar .titles { flex: 1 1 14rem; }
h2 { margin: 0; font-size: 1.15rem; }
.sub { margin: 0; color: var(--muted); font-size: .85rem; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem; }
button { font: inherit; cursor: pointer; border-radius: .45rem; }
.ghost { background: var(--bg); border: 1px solid var(--line); color: var(--ink); padding: .3rem .7rem; font-size: .85rem; }
.ghost:hover, .ghost[aria-pressed="true"] { border-color: var(--accent); color: var(--accent); }
button:focus-visible, textarea:focus-visible, summary:focus-visible, a:focus-visible, mark:focus-visible { outline: 3px solid #7fb2ea; outline-offset: 2px; }
.history { padding: .5rem 1.1rem; border-bottom: 1px solid var(--line); font-size: .88rem; }
.history ul { list-style: none; margin: .35rem 0 0; padding: 0; display: flex; flex-direction: column; gap: .2rem; }
.history li button { background: none; border: 0; color: var(--accent); padding: .1rem 0; text-align: left; }
.history li button[aria-current="true"] { font-weight: 700; }
.log { display: flex; flex-direction: column; gap: .9rem; padding: 1rem 1.1rem; min-height: 10rem; }
.log:empty { display: none; }
.msg { max-width: 92%; }
.msg .who { display: block; font-size: .75rem; color: var(--muted); margin-bottom: .15rem; }
.msg .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; padding: .6rem .85rem; border-radius: .75rem; }
.user { align-self: flex-end; }
.user .who { text-align: right; }
.user .text { background: var(--accent); color: var(--accent-ink); border-bottom-right-radius: .2rem; }
.bot .text { background: var(--bubble); border-bottom-left-radius: .2rem; }
.bot[aria-busy="true"] .text:empty::before { content: attr(data-thinking); color: var(--muted); }
.notfound .text { border: 1px dashed var(--line); color: var(--muted); }
.hint-line { margin: .35rem 0 0; font-size: .85rem; color: var(--muted); }
.error .text { background: var(--error-bg); color: var(--error); border: 1px solid var(--error); }
a.marker { font-size: .75em; vertical-align: super; line-height: 0; text-decoration: none; color: var(--accent); padding: 0 .1em; font-weight: 600; }
.sources-label { font-size: .75rem; color: var(--muted); margin: .5rem 0 0; }
.sources { list-style: none; margin: .3rem 0 0; padding: 0; display: flex; flex-direction: column; gap: .35rem; }
details { border: 1px solid var(--line); border-radius: .6rem; background: var(--bg); }
summary { cursor: pointer; padding: .3rem .7rem; font-size: .88rem; color: var(--accent); }
details[open] summary { border-bottom: 1px solid var(--line); }
.num { font-weight: 700; margin-right: .3rem; }
blockquote { margin: 0; padding: .5rem .8rem; font-size: .9rem; white-space: pre-line; border-left: 3px solid var(--accent); background: var(--quote); max-height: 16rem; overflow-y: auto; }
details a { display: inline-block; margin: .35rem .8rem .5rem; font-size: .85rem; color: var(--accent); }
mark.term { background: var(--mark); color: inherit; border-radius: .2em; cursor: help; }
.badge { display: inline-block; margin-right: .35rem; font-size: .72rem; font-weight: 600; padding: 0 .4em; border-radius: .3em; color: var(--draft); background: var(--draft-bg); border: 1px solid var(--draft); }
.pop { position: absolute; z-index: 10; max-width: min(28rem, 90vw); max-height: 14rem; overflow-y: auto; padding: .5rem .75rem; font-size: .85rem; white-space: pre-line;
  background: var(--pop); color: var(--ink); border: 1px solid var(--line); border-radius: .5rem; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.pop strong { display: block; margin-bottom: .2rem; }
.actions { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .45rem; }
.actions button { background: none; border: 1px solid var(--line); color: var(--muted); padding: .1rem .55rem; font-size: .8rem; }
.actions button:hover, .actions button[aria-pressed="true"] { color: var(--accent); border-color: var(--accent); }
.feedback { margin-top: .4rem; display: flex; flex-direction: column; gap: .3rem; font-size: .85rem; }
.feedback textarea { min-height: 3rem; }
.feedback button { align-self: flex-start; }
.suggest { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem; margin-top: .45rem; font-size: .85rem; color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; padding: .75rem 1.1rem 0; }
.chips span { font-size: .85rem; color: var(--muted); }
.chip { background: var(--chip); border: 1px solid var(--chip-line); color: var(--accent); padding: .25rem .65rem; font-size: .85rem; border-radius: 1rem; }
.chips[hidden] { display: none; }
form { padding: .75rem 1.1rem 1rem; position: sticky; bottom: 0; background: var(--bg); border-radius: 0 0 .75rem .75rem; }
label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .3rem; }
.row { display: flex; gap: .5rem; align-items: stretch; }
textarea { flex: 1; font: inherit; color: var(--ink); background: var(--bg); padding: .55rem .75rem; border: 1px solid var(--muted); border-radius: .5rem; resize: vertical; min-height: 2.9rem; }
.send { background: var(--accent); color: var(--accent-ink); border: 1px solid var(--accent); padding: 0 1.25rem; font-weight: 600; }
.send.stop { background: var(--bg); color: var(--error); border-color: var(--error); }
.kbd { margin: .3rem 0 0; font-size: .75rem; color: var(--muted); }
@media (max-width: 480px) {
  .bar, .log, form, .chips, .history { padding-left: .7rem; padding-right: .7rem; }
  .row { flex-direction: column; }
  .send { padding: .55rem; }
  .msg { max-width: 100%; }
  .kbd { display: none; }
}
`;
