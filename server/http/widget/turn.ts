// One turn of the conversation in the log: the question, and the answer with its actions (copy,
// regenerate, thumbs with an optional comment), its follow-up suggestions, or the error with a retry.
import type { AskResult } from '../../core/types.ts';
import { renderAnswer, renderSources, type ViewContext } from './answer-view.ts';
import { el } from './dom.ts';
import { copyText } from './segments.ts';
import type { StoredTurn } from './store.ts';
import { FOLLOW_UPS } from './text.ts';

export interface TurnActions {
  regenerate(): void;
  retry(): void;
  rate(rating: 'up' | 'down', comment: string): Promise<boolean>;
  ask(question: string): void;
}

export interface BotMessage {
  node: HTMLElement;
  body: HTMLElement;
}

export function userMessage(question: string, ctx: ViewContext): HTMLElement {
  return el('div', { class: 'msg user' }, [el('span', { class: 'who', text: ctx.t.you }), el('p', { class: 'text', text: question })]);
}

export function pendingMessage(ctx: ViewContext): BotMessage {
  const body = el('p', { class: 'text', 'data-thinking': ctx.t.thinking });
  const node = el('div', { class: 'msg bot', 'aria-busy': 'true' }, [el('span', { class: 'who', text: ctx.t.assistant }), body]);
  return { node, body };
}

/** Fills a bot message from a finished turn; `last` adds the follow-up suggestions. */
export function finishMessage(message: BotMessage, turn: StoredTurn, ctx: ViewContext, actions: TurnActions, last: boolean): void {
  const { node, body } = message;
  node.setAttribute('aria-busy', 'false');
  node.replaceChildren(node.firstChild!, body);
  if (!turn.result) {
    node.classList.add('error');
    body.setAttribute('role', 'alert');
    body.textContent = turn.error ?? ctx.t.failed;
    node.append(el('div', { class: 'actions' }, [button(ctx.t.retry, 'retry', actions.retry)]));
    return;
  }
  const result = turn.result;
  node.classList.toggle('notfound', !result.found);
  renderAnswer(body, result, ctx);
  node.append(...renderSources(result, ctx), answerActions(result, turn, ctx, actions));
  if (last && result.found) node.append(suggestions(result, ctx, actions));
}

function button(label: string, name: string, onClick: () => void, pressed?: boolean): HTMLButtonElement {
  const b = el('button', { type: 'button', 'data-action': name, 'aria-pressed': pressed === undefined ? undefined : String(pressed), text: label });
  b.addEventListener('click', onClick);
  return b;
}

function answerActions(result: AskResult, turn: StoredTurn, ctx: ViewContext, actions: TurnActions): HTMLElement {
  const { t } = ctx;
  const bar = el('div', { class: 'actions' });
  const copy = button(t.copy, 'copy', () => {
    void navigator.clipboard.writeText(copyText(result.answer, result.citations, ctx.lang)).then(() => {
      copy.textContent = t.copied;
      setTimeout(() => (copy.textContent = t.copy), 2000);
    });
  });
  const thumbs = (['up', 'down'] as const).map((rating) =>
    button(rating === 'up' ? t.helpful : t.notHelpful, `rate-${rating}`, () => openFeedback(rating), turn.rating === rating),
  );
  bar.append(copy, button(t.regenerate, 'regenerate', actions.regenerate), ...thumbs);

  let form: HTMLElement | null = null;
  function openFeedback(rating: 'up' | 'down') {
    thumbs.forEach((b, i) => b.setAttribute('aria-pressed', String((i === 0 ? 'up' : 'down') === rating)));
    form?.remove();
    const comment = el('textarea', { 'aria-label': t.commentLabel, placeholder: t.commentPlaceholder, maxlength: '2000' });
    const send = el('button', { type: 'submit', class: 'ghost', text: t.sendFeedback });
    form = el('form', { class: 'feedback' }, [el('label', { text: t.commentLabel }, [comment]), send]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send.disabled = true;
      void actions.rate(rating, comment.value.trim()).then((ok) => {
        form?.replaceChildren(el('p', { role: 'status', text: ok ? t.thanks : t.failed }));
      });
    });
    bar.after(form);
    comment.focus();
  }
  return bar;
}

function suggestions(result: AskResult, ctx: ViewContext, actions: TurnActions): HTMLElement {
  const set = FOLLOW_UPS[ctx.lang];
  const questions = result.citations.length === 1 ? set.lookup : set.topic;
  return el('div', { class: 'suggest', role: 'group', 'aria-label': ctx.t.suggestions }, [
    el('span', { text: ctx.t.suggestions }),
    ...questions.map((q) => {
      const chip = el('button', { type: 'button', class: 'chip', text: q });
      chip.addEventListener('click', () => actions.ask(q));
      return chip;
    }),
  ]);
}
