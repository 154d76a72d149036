// <regqa-chat>: the citizens' chat as a web component. Attributes: `lang` (zh | en), `api-base` (default:
// the origin the script came from), `page` (set on the site's own chat page: the language switch then
// reloads the page in that language and the theme toggle themes the whole page).
import type { Lang } from '../../core/types.ts';
import { AskFailure, postFeedback, streamAsk } from './api.ts';
import type { ViewContext } from './answer-view.ts';
import { WIDGET_CSS } from './css.ts';
import { Popover } from './dom.ts';
import { askRequest, feedbackRequest } from './requests.ts';
import { buildShell, conversationList } from './shell.ts';
import { currentConversationId, loadConversations, newConversation, saveConversation, savedTheme, saveTheme, type Conversation, type Theme } from './store.ts';
import { TEXT, type Strings } from './text.ts';
import { finishMessage, pendingMessage, userMessage, type BotMessage, type TurnActions } from './turn.ts';

// document.currentScript exists only while the script first runs: remember where it came from.
const SCRIPT_ORIGIN = document.currentScript instanceof HTMLScriptElement && document.currentScript.src ? new URL(document.currentScript.src).origin : location.origin;

export class RegqaChat extends HTMLElement {
  static readonly observedAttributes = ['lang'];
  private readonly root: ShadowRoot;
  private readonly tips: Popover;
  private conversation: Conversation = newConversation('zh');
  private statuses = new Map<string, string>();
  private controller: AbortController | null = null;
  private built = false;
  private log!: HTMLElement;
  private input!: HTMLTextAreaElement;
  private sendButton!: HTMLButtonElement;
  private chips!: HTMLElement;
  private history!: HTMLElement;
  private messages: BotMessage[] = [];

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    this.root.adoptedStyleSheets = [sheet];
    this.tips = new Popover(() => this.root.querySelector<HTMLElement>('.chat'));
  }

  get apiBase(): string {
    return (this.getAttribute('api-base') ?? SCRIPT_ORIGIN).replace(/\/+$/, '');
  }
  get uiLang(): Lang {
    return this.getAttribute('lang') === 'en' ? 'en' : 'zh';
  }
  private get t(): Strings {
    return TEXT[this.uiLang];
  }
  private get ctx(): ViewContext {
    return { apiBase: this.apiBase, t: this.t, lang: this.uiLang, popover: this.tips, statuses: this.statuses };
  }

  connectedCallback(): void {
    if (this.built) return;
    this.built = true;
    const stored = loadConversations().find((c) => c.id === currentConversationId());
    if (stored) {
      this.conversation = stored;
      if (stored.lang !== this.uiLang) this.setAttribute('lang', stored.lang);
    } else {
      this.conversation = newConversation(this.uiLang);
    }
    this.applyTheme(savedTheme());
    void fetch(`${this.apiBase}/api/regulations`)
      .then((res) => (res.ok ? (res.json() as Promise<{ regulations: { id: string; status: string }[] }>) : { regulations: [] }))
      .then((data) => {
        this.statuses = new Map(data.regulations.map((r) => [r.id, r.status]));
        this.render();
      })
      .catch(() => undefined);
    this.render();
  }

  attributeChangedCallback(): void {
    if (this.built && !this.controller) this.render();
  }

  /** Rebuilds the whole shadow tree from the conversation: used on start, language and conversation switches. */
  private render(): void {
    this.tips.hide();
    const dark = this.theme() === 'dark';
    const shell = buildShell(this.t, this.uiLang, dark, {
      ask: (question) => void this.ask(question),
      // The send button is the stop button while an answer streams.
      submit: () => (this.controller ? this.controller.abort() : void this.ask(this.input.value)),
      busy: () => this.controller !== null,
      toggleHistory: () => this.toggleHistory(),
      startOver: () => this.startOver(),
      toggleTheme: () => this.applyTheme(dark ? 'light' : 'dark', true),
      switchLanguage: () => this.switchLanguage(),
    });
    ({ log: this.log, input: this.input, sendButton: this.sendButton, chips: this.chips, history: this.history } = shell);
    this.root.replaceChildren(shell.root);
    this.messages = [];
    this.conversation.turns.forEach((turn, i) => {
      this.log.append(userMessage(turn.question, this.ctx));
      const message = pendingMessage(this.ctx);
      this.log.append(message.node);
      this.messages.push(message);
      finishMessage(message, turn, this.ctx, this.actionsFor(i), i === this.conversation.turns.length - 1);
    });
    this.chips.hidden = this.conversation.turns.length > 0;
  }

  private actionsFor(index: number): TurnActions {
    return {
      regenerate: () => void this.ask(this.conversation.turns[index]!.question, index),
      retry: () => void this.ask(this.conversation.turns[index]!.question, index),
      ask: (question) => void this.ask(question),
      rate: async (rating, comment) => {
        const turn = this.conversation.turns[index]!;
        const ok = await postFeedback(this.apiBase, feedbackRequest(turn.question, turn.result!, rating, comment));
        if (ok) {
          turn.rating = rating;
          this.save();
        }
        return ok;
      },
    };
  }

  /** Asks `raw`; with `replace`, answers that turn again in place (regenerate, retry). */
  private async ask(raw: string, replace?: number): Promise<void> {
    const question = raw.trim();
    if (!question || this.controller) return;
    const t = this.t;
    const turns = this.conversation.turns;
    const index = replace ?? turns.length;
    const turn = { question };
    let message: BotMessage;
    if (replace !== undefined && this.messages[index]) {
      message = this.messages[index]!;
      const fresh = pendingMessage(this.ctx);
      message.node.replaceWith(fresh.node);
      message = this.messages[index] = fresh;
    } else {
      this.log.append(userMessage(question, this.ctx));
      message = pendingMessage(this.ctx);
      this.log.append(message.node);
      this.messages.push(message);
    }
    turns[index] = turn;
    this.chips.hidden = true;
    this.input.value = '';
    this.controller = new AbortController();
    this.sendButton.textContent = t.stop;
    this.sendButton.classList.add('stop');
    const request = askRequest(turns, index, question, this.uiLang);
    try {
      const result = await streamAsk(this.apiBase, request, this.controller.signal, (text) => (message.body.textContent = text));
      turns[index] = { question, result };
    } catch (error) {
      const kind = error instanceof AskFailure ? error.kind : 'server';
      const messages = { network: t.network, 'not-allowed': t.notAllowed, stopped: t.stopped, server: (error as Error).message || t.failed };
      turns[index] = { question, error: messages[kind] };
      // The question stays in the box, ready to be sent again or edited.
      if (!this.input.value) this.input.value = question;
    } finally {
      this.controller = null;
      this.sendButton.textContent = t.send;
      this.sendButton.classList.remove('stop');
      this.messages.forEach((m, i) => i !== index && m.node.querySelector('.suggest')?.remove());
      finishMessage(message, turns[index]!, this.ctx, this.actionsFor(index), index === turns.length - 1);
      this.conversation.updatedAt = Date.now();
      this.save();
      // The question, not the end of a long answer, is what stays in view (a phone shows little else).
      message.node.previousElementSibling?.scrollIntoView({ block: 'start' });
      this.input.focus({ preventScroll: true });
    }
  }

  private save(): void {
    this.conversation.lang = this.uiLang;
    saveConversation(this.conversation);
  }

  private startOver(): void {
    this.controller?.abort();
    this.conversation = newConversation(this.uiLang);
    this.render();
    this.input.focus();
  }

  private toggleHistory(): void {
    const t = this.t;
    const open = this.history.hidden;
    this.history.hidden = !open;
    this.root.querySelector('[data-tool="conversations"]')?.setAttribute('aria-pressed', String(open));
    if (!open) return;
    this.history.replaceChildren(
      ...conversationList(loadConversations(), this.conversation.id, t, this.uiLang, (c) => {
        this.conversation = c;
        if (c.lang !== this.uiLang) this.setAttribute('lang', c.lang);
        saveConversation(c);
        this.render();
      }),
    );
  }

  private switchLanguage(): void {
    const lang: Lang = this.uiLang === 'en' ? 'zh' : 'en';
    this.conversation.lang = lang;
    if (this.conversation.turns.length) saveConversation(this.conversation);
    if (this.hasAttribute('page')) {
      // The whole page (navigation, footer) changes language: reload it; the conversation is kept.
      const url = new URL(location.href);
      url.searchParams.set('lang', lang);
      location.assign(url.toString());
      return;
    }
    this.setAttribute('lang', lang);
  }

  private theme(): Theme {
    return (this.dataset.theme as Theme | undefined) ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }

  private applyTheme(theme: Theme | null, chosen = false): void {
    if (theme) this.dataset.theme = theme;
    if (theme && this.hasAttribute('page')) document.documentElement.dataset.theme = theme;
    if (chosen && theme) {
      saveTheme(theme);
      this.render();
    }
  }
}
