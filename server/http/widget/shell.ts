// The widget's fixed frame, built afresh on every render: title bar with its tools (conversations,
// new chat, theme, language), the conversation list, the log, the example chips and the question form,
// wired to the element through ShellActions.
import type { Lang } from '../../core/types.ts';
import { el } from './dom.ts';
import type { Conversation } from './store.ts';
import { EXAMPLES, type Strings } from './text.ts';
import { LIMITS } from './requests.ts';

export interface Shell {
  root: HTMLElement;
  log: HTMLElement;
  input: HTMLTextAreaElement;
  sendButton: HTMLButtonElement;
  chips: HTMLElement;
  history: HTMLElement;
}

export interface ShellActions {
  ask(question: string): void;
  /** The form is sent (the send button, or Enter in the question box). */
  submit(): void;
  /** Whether an answer is streaming (Enter then does nothing; the button stops it). */
  busy(): boolean;
  toggleHistory(): void;
  startOver(): void;
  toggleTheme(): void;
  switchLanguage(): void;
}

export function buildShell(t: Strings, lang: Lang, dark: boolean, actions: ShellActions): Shell {
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log });
  const input = el('textarea', { id: 'q', name: 'question', rows: '2', maxlength: String(LIMITS.question), autocomplete: 'off', placeholder: t.placeholder });
  const sendButton = el('button', { type: 'submit', class: 'send', text: t.send });
  const form = el('form', { 'aria-labelledby': 'q-label' }, [
    el('label', { for: 'q', id: 'q-label', text: t.label }),
    el('div', { class: 'row' }, [input, sendButton]),
    el('p', { class: 'kbd', text: t.hint }),
  ]);
  const chips = el('div', { class: 'chips', role: 'group', 'aria-labelledby': 'examples-label' }, [
    el('span', { id: 'examples-label', text: t.examples }),
    ...EXAMPLES[lang].map((q) => button({ class: 'chip', text: q }, () => actions.ask(q))),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.submit();
  });
  input.addEventListener('keydown', (event) => {
    // isComposing: Enter also confirms a pinyin candidate, which must not send the question.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!actions.busy()) form.requestSubmit();
    }
  });
  const history = el('div', { class: 'history', hidden: '' });
  const tool = (label: string, name: string, onClick: () => void, pressed?: boolean) =>
    button({ class: 'ghost', 'data-tool': name, 'aria-pressed': pressed === undefined ? undefined : String(pressed), text: label }, onClick);
  const root = el('section', { class: 'chat', 'aria-labelledby': 'title' }, [
    el('div', { class: 'bar' }, [
      el('div', { class: 'titles' }, [el('h2', { id: 'title', text: t.title }), el('p', { class: 'sub', text: t.subtitle })]),
      el('div', { class: 'tools' }, [
        tool(t.conversations, 'conversations', actions.toggleHistory, false),
        tool(t.newChat, 'new', actions.startOver),
        tool(dark ? t.themeLight : t.themeDark, 'theme', actions.toggleTheme),
        tool(t.switchLang, 'lang', actions.switchLanguage),
      ]),
    ]),
    history,
    log,
    chips,
    form,
  ]);
  return { root, log, input, sendButton, chips, history };
}

/** The saved conversations as a list to pick from, the current one marked. */
export function conversationList(all: readonly Conversation[], currentId: string, t: Strings, lang: Lang, pick: (c: Conversation) => void): HTMLElement[] {
  const items = all.map((c) =>
    el('li', {}, [
      button({ 'aria-current': String(c.id === currentId), text: c.turns[0]?.question ?? '' }, () => pick(c)),
      el('span', { class: 'sub', text: ` · ${new Date(c.updatedAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN')}` }),
    ]),
  );
  return [el('strong', { text: t.conversations }), items.length ? el('ul', {}, items) : el('p', { class: 'sub', text: t.noConversations })];
}

function button(attrs: Record<string, string | undefined>, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs });
  b.addEventListener('click', onClick);
  return b;
}
