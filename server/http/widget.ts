// The citizens' chat as a web component, served as /widget.js. One tag embeds it on any site:
//   <script src="https://…/widget.js" defer></script> <regqa-chat lang="zh"></regqa-chat>
// It talks to the origin the script came from unless `api-base` says otherwise. Everything it shows is
// set with textContent, never parsed as HTML.
import { LIMITS } from './schemas.ts';

const TEXT = {
  zh: {
    title: '法规问答',
    subtitle: '依据法规原文回答，并注明条款出处',
    newChat: '新对话',
    switchLang: 'English',
    log: '对话记录',
    examples: '试试这些问题：',
    label: '你的问题',
    placeholder: '例如：谁应当明确数据专员？',
    hint: 'Enter 发送，Shift+Enter 换行',
    send: '发送',
    you: '你',
    assistant: '助手',
    thinking: '正在查找相关条款…',
    sources: '依据条款',
    draft: '草案',
    fullText: '查看条文全文',
    notFoundHint: '可以换个说法再问，或浏览收录的法规。',
    browse: '浏览法规',
    network: '网络错误，请稍后重试。',
    failed: '出错了，请稍后重试。',
  },
  en: {
    title: 'Regulations Q&A',
    subtitle: 'Answers from the text of the regulations, citing the clauses',
    newChat: 'New chat',
    switchLang: '中文',
    log: 'Conversation',
    examples: 'Try asking:',
    label: 'Your question',
    placeholder: 'e.g. who must appoint a data specialist?',
    hint: 'Enter to send, Shift+Enter for a new line',
    send: 'Send',
    you: 'You',
    assistant: 'Assistant',
    thinking: 'Looking up the relevant clauses…',
    sources: 'Cited clauses',
    draft: 'draft',
    fullText: 'Read the full article',
    notFoundHint: 'Try rephrasing, or browse the regulations.',
    browse: 'Browse regulations',
    network: 'Network error; please try again.',
    failed: 'Something went wrong; please try again.',
  },
};

const EXAMPLES = ['谁应当明确数据专员？', '数据主管部门有哪些职责？', '贵阳草案征求意见截止到什么时候？', 'who must appoint a data specialist?'];

const WIDGET_CSS = `
:host { display: block; --accent: #0a58a8; --ink: #1d2733; --muted: #5b6776; --line: #dde2e8; --draft: #a34b00; --draft-bg: #fff3e0;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: var(--ink); line-height: 1.65; }
* { box-sizing: border-box; }
.chat { display: flex; flex-direction: column; background: #fff; border: 1px solid var(--line); border-radius: .75rem; overflow: hidden; box-shadow: 0 1px 3px rgba(16,24,40,.06); }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .9rem 1.1rem; border-bottom: 1px solid var(--line); background: #f8fafc; }
.bar .titles { flex: 1 1 14rem; }
h2 { margin: 0; font-size: 1.15rem; }
.sub { margin: 0; color: var(--muted); font-size: .85rem; }
.tools { display: flex; gap: .5rem; }
button { font: inherit; cursor: pointer; border-radius: .45rem; }
.ghost { background: #fff; border: 1px solid var(--line); color: var(--ink); padding: .3rem .7rem; font-size: .85rem; }
.ghost:hover { border-color: var(--accent); color: var(--accent); }
button:focus-visible, textarea:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid #7fb2ea; outline-offset: 2px; }
.log { display: flex; flex-direction: column; gap: .9rem; padding: 1rem 1.1rem; min-height: 10rem; max-height: 70vh; overflow-y: auto; }
.log:empty { display: none; }
.msg { max-width: 92%; }
.msg .who { display: block; font-size: .75rem; color: var(--muted); margin-bottom: .15rem; }
.msg .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; padding: .6rem .85rem; border-radius: .75rem; }
.user { align-self: flex-end; text-align: left; }
.user .who { text-align: right; }
.user .text { background: var(--accent); color: #fff; border-bottom-right-radius: .2rem; }
.bot .text { background: #f1f4f8; border-bottom-left-radius: .2rem; }
.bot[aria-busy="true"] .text:empty::before { content: attr(data-thinking); color: var(--muted); }
.notfound .text { background: #fafafa; border: 1px dashed var(--line); color: var(--muted); }
.hint-line { margin: .35rem 0 0; font-size: .85rem; color: var(--muted); }
.error .text { background: #fef3f2; color: #b42318; border: 1px solid #fecdca; }
.cites { list-style: none; margin: .5rem 0 0; padding: 0; display: flex; flex-direction: column; gap: .35rem; }
.cites-label { font-size: .75rem; color: var(--muted); margin: .5rem 0 0; }
details { border: 1px solid var(--line); border-radius: .6rem; background: #fff; }
summary { cursor: pointer; padding: .3rem .7rem; font-size: .88rem; color: var(--accent); list-style-position: inside; }
details[open] summary { border-bottom: 1px solid var(--line); }
blockquote { margin: 0; padding: .5rem .8rem; font-size: .9rem; white-space: pre-line; border-left: 3px solid var(--accent); background: #f8fafc; }
details a { display: inline-block; margin: .35rem .8rem .5rem; font-size: .85rem; color: var(--accent); }
.badge { display: inline-block; margin-right: .35rem; font-size: .72rem; font-weight: 600; padding: 0 .4em; border-radius: .3em; color: var(--draft); background: var(--draft-bg); border: 1px solid #f3c58b; }
.examples { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; padding: .75rem 1.1rem 0; }
.examples span { font-size: .85rem; color: var(--muted); }
.examples button { background: #eef4fb; border: 1px solid #cfe0f3; color: var(--accent); padding: .25rem .65rem; font-size: .85rem; border-radius: 1rem; }
form { padding: .75rem 1.1rem 1rem; }
label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .3rem; }
.row { display: flex; gap: .5rem; align-items: stretch; }
textarea { flex: 1; font: inherit; padding: .55rem .75rem; border: 1px solid #b8c1cc; border-radius: .5rem; resize: vertical; min-height: 2.9rem; }
.send { background: var(--accent); color: #fff; border: 1px solid var(--accent); padding: 0 1.25rem; font-weight: 600; }
.send:disabled { opacity: .55; cursor: progress; }
.kbd { margin: .3rem 0 0; font-size: .75rem; color: var(--muted); }
@media (max-width: 480px) {
  .row { flex-direction: column; }
  .send { padding: .55rem; }
  .msg { max-width: 100%; }
}
`;

export const WIDGET_JS = String.raw`(() => {
'use strict';
if (customElements.get('regqa-chat')) return;

// document.currentScript exists only while this script first runs: remember where it came from.
const SCRIPT_ORIGIN = document.currentScript && document.currentScript.src ? new URL(document.currentScript.src).origin : location.origin;
const TEXT = ${JSON.stringify(TEXT)};
const EXAMPLES = ${JSON.stringify(EXAMPLES)};
const LIMITS = ${JSON.stringify({ turns: LIMITS.historyTurns, turnChars: LIMITS.turnContent, question: LIMITS.question })};
const CSS = ${JSON.stringify(WIDGET_CSS)};

function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children || []) if (child) node.append(child);
  return node;
}

// 第十四条第三款 → 第十四条: the anchor of the article on its regulation's page.
const articleAnchor = (label) => (/^第[^条]+条(?:之[一二三四五六七八九十]+)?/.exec(label) || [label])[0];

// Server-sent events from a fetch body: yields {event, data} per blank-line-terminated block.
async function* sseEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      yield { event, data: data.join('\n') };
    }
  }
}

class RegqaChat extends HTMLElement {
  static get observedAttributes() { return ['lang']; }

  constructor() {
    super();
    this.history = [];
    this.labels = [];
    this.busy = false;
    this.root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    this.root.adoptedStyleSheets = [sheet];
  }

  get apiBase() { return (this.getAttribute('api-base') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }
  get uiLang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh'; }
  get t() { return TEXT[this.uiLang]; }

  connectedCallback() {
    if (this.form) return;
    this.statuses = fetch(this.apiBase + '/api/regulations')
      .then((res) => (res.ok ? res.json() : { regulations: [] }))
      .then((data) => new Map(data.regulations.map((r) => [r.id, r.status])))
      .catch(() => new Map());
    this.build();
  }

  attributeChangedCallback() { if (this.form) this.relabel(); }

  // Static text is registered once and re-filled on a language switch; messages keep their language.
  i18n(node, key, attr) {
    this.labels.push({ node, key, attr });
    return node;
  }

  relabel() {
    for (const { node, key, attr } of this.labels) {
      if (attr) node.setAttribute(attr, this.t[key]);
      else node.textContent = this.t[key];
    }
  }

  build() {
    this.log = this.i18n(el('div', { class: 'log', role: 'log', 'aria-live': 'polite' }), 'log', 'aria-label');
    this.input = this.i18n(el('textarea', { id: 'q', name: 'question', rows: '2', maxlength: String(LIMITS.question), autocomplete: 'off' }), 'placeholder', 'placeholder');
    this.sendButton = this.i18n(el('button', { type: 'submit', class: 'send' }), 'send');
    const newChat = this.i18n(el('button', { type: 'button', class: 'ghost' }), 'newChat');
    const switchLang = this.i18n(el('button', { type: 'button', class: 'ghost' }), 'switchLang');
    const examples = EXAMPLES.map((q) => el('button', { type: 'button', text: q }));
    this.form = el('form', { 'aria-labelledby': 'q-label' }, [
      this.i18n(el('label', { for: 'q', id: 'q-label' }), 'label'),
      el('div', { class: 'row' }, [this.input, this.sendButton]),
      this.i18n(el('p', { class: 'kbd' }), 'hint'),
    ]);
    this.root.append(
      el('section', { class: 'chat', 'aria-labelledby': 'title' }, [
        el('div', { class: 'bar' }, [
          el('div', { class: 'titles' }, [this.i18n(el('h2', { id: 'title' }), 'title'), this.i18n(el('p', { class: 'sub' }), 'subtitle')]),
          el('div', { class: 'tools' }, [newChat, switchLang]),
        ]),
        this.log,
        el('div', { class: 'examples', role: 'group', 'aria-labelledby': 'examples-label' }, [
          this.i18n(el('span', { id: 'examples-label' }), 'examples'),
          ...examples,
        ]),
        this.form,
      ]),
    );
    this.relabel();

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => {
      // isComposing: Enter also confirms a pinyin candidate, which must not send the question.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    for (const button of examples) button.addEventListener('click', () => this.ask(button.textContent));
    newChat.addEventListener('click', () => {
      this.history = [];
      this.log.replaceChildren();
      this.input.focus();
    });
    switchLang.addEventListener('click', () => this.setAttribute('lang', this.uiLang === 'en' ? 'zh' : 'en'));
  }

  message(kind, who, text) {
    const body = el('p', { class: 'text', text });
    const node = el('div', { class: 'msg ' + kind }, [el('span', { class: 'who', text: who }), body]);
    this.log.append(node);
    node.scrollIntoView({ block: 'nearest' });
    return { node, body };
  }

  async ask(raw) {
    const question = (raw || '').trim();
    if (!question || this.busy) return;
    this.busy = true;
    this.sendButton.disabled = true;
    this.input.value = '';
    const t = this.t;
    this.message('user', t.you, question);
    const reply = this.message('bot', t.assistant, '');
    reply.node.setAttribute('aria-busy', 'true');
    reply.body.setAttribute('data-thinking', t.thinking);

    const request = { question, history: this.history.slice(-LIMITS.turns) };
    if (this.uiLang === 'en') request.lang = 'en';
    let answer = '';
    try {
      const res = await fetch(this.apiBase + '/api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(request),
      });
      if (!res.ok || !res.body) {
        const error = await res.json().catch(() => null);
        throw new Error((error && error.error && error.error.message) || t.failed);
      }
      for await (const { event, data } of sseEvents(res.body)) {
        if (event === 'answer') {
          answer += JSON.parse(data).text;
          reply.body.textContent = answer;
        } else if (event === 'citations') {
          await this.showCitations(reply.node, JSON.parse(data), t);
        }
      }
      this.history.push({ role: 'user', content: question }, { role: 'assistant', content: answer.slice(0, LIMITS.turnChars) });
    } catch (error) {
      reply.node.classList.add('error');
      reply.body.setAttribute('role', 'alert');
      reply.body.textContent = error instanceof TypeError ? t.network : error.message;
    } finally {
      reply.node.setAttribute('aria-busy', 'false');
      this.busy = false;
      this.sendButton.disabled = false;
      reply.node.scrollIntoView({ block: 'nearest' });
      this.input.focus();
    }
  }

  async showCitations(node, result, t) {
    if (!result.found) {
      node.classList.add('notfound');
      node.append(el('p', { class: 'hint-line' }, [t.notFoundHint + ' ', el('a', { href: this.apiBase + '/regulations', target: '_blank', rel: 'noopener', text: t.browse })]));
      return;
    }
    if (result.citations.length === 0) return;
    const statuses = await this.statuses;
    const items = result.citations.map((c) => {
      const href = this.apiBase + '/regulations/' + encodeURIComponent(c.regulationId) + '#' + articleAnchor(c.label);
      return el('li', {}, [
        el('details', {}, [
          el('summary', {}, [
            statuses.get(c.regulationId) === 'draft' ? el('span', { class: 'badge', text: t.draft }) : null,
            '《' + c.regulationTitle + '》' + c.label,
          ]),
          el('blockquote', { text: c.text }),
          el('a', { href, target: '_blank', rel: 'noopener', text: t.fullText }),
        ]),
      ]);
    });
    node.append(el('p', { class: 'cites-label', text: t.sources }), el('ul', { class: 'cites' }, items));
  }
}

customElements.define('regqa-chat', RegqaChat);
})();
`;
