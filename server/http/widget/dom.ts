// DOM helpers: elements built with textContent only (nothing the server or the user sends is ever parsed
// as HTML), and one popover per widget for citation markers and glossed words.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * Shows content beside an anchor on hover, focus or tap. The content is built when shown and removed
 * when hidden, so a clause shown in a popover is not a second copy of it in the page.
 */
export class Popover {
  private current: { anchor: HTMLElement; node: HTMLElement } | null = null;
  private lastPointer = 'mouse';

  /** `host`: the positioned element the popover is placed in (inside the shadow root, so it is styled). */
  constructor(private readonly host: () => HTMLElement | null) {}

  /** Wires `anchor`: `content` builds what to show. Touch: the first tap shows, a second follows the link. */
  attach(anchor: HTMLElement, content: () => Child[]): void {
    const show = () => this.show(anchor, content());
    anchor.addEventListener('pointerenter', (e) => {
      this.lastPointer = e.pointerType;
      if (e.pointerType === 'mouse') show();
    });
    anchor.addEventListener('pointerleave', (e) => e.pointerType === 'mouse' && this.hide(anchor));
    anchor.addEventListener('pointerdown', (e) => (this.lastPointer = e.pointerType));
    anchor.addEventListener('focus', show);
    anchor.addEventListener('blur', () => this.hide(anchor));
    anchor.addEventListener('click', (e) => {
      if (this.lastPointer !== 'touch' && anchor.tagName === 'A') return;
      if (this.current?.anchor === anchor && anchor.tagName === 'A') return;
      e.preventDefault();
      show();
    });
    anchor.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide(anchor));
  }

  private show(anchor: HTMLElement, children: Child[]): void {
    this.hide();
    const host = this.host();
    if (!host) return;
    const id = `pop-${Math.random().toString(36).slice(2)}`;
    const node = el('div', { class: 'pop', role: 'tooltip', id }, children);
    host.append(node);
    anchor.setAttribute('aria-describedby', id);
    const box = anchor.getBoundingClientRect();
    const origin = host.getBoundingClientRect();
    const left = Math.max(0, Math.min(box.left - origin.left, origin.width - node.offsetWidth));
    node.style.left = `${left}px`;
    node.style.top = `${box.bottom - origin.top + 4}px`;
    this.current = { anchor, node };
  }

  hide(anchor?: HTMLElement): void {
    if (!this.current || (anchor && this.current.anchor !== anchor)) return;
    this.current.anchor.removeAttribute('aria-describedby');
    this.current.node.remove();
    this.current = null;
  }
}
