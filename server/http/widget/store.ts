// Conversations kept in the browser's localStorage, so that they survive a reload and keep their
// language. Bounded: the oldest conversations are dropped past MAX_CONVERSATIONS, and a full or
// unavailable storage (private mode, another site's quota) costs persistence, never the chat.
import type { AskResult, Lang } from '../../core/types.ts';

export interface StoredTurn {
  question: string;
  /** Absent while streaming, after an error or when stopped. */
  result?: AskResult;
  error?: string;
  rating?: 'up' | 'down';
}

export interface Conversation {
  id: string;
  lang: Lang;
  updatedAt: number;
  turns: StoredTurn[];
}

const KEY = 'regqa:conversations';
const CURRENT = 'regqa:current';
const THEME = 'regqa:theme';
const MAX_CONVERSATIONS = 30;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isConversation(value: unknown): value is Conversation {
  const c = value as Conversation;
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && (c.lang === 'zh' || c.lang === 'en') && Array.isArray(c.turns);
}

export function loadConversations(): Conversation[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isConversation) : [];
  } catch {
    return [];
  }
}

export function saveConversation(conversation: Conversation): void {
  const others = loadConversations().filter((c) => c.id !== conversation.id);
  const all = conversation.turns.length ? [conversation, ...others] : others;
  try {
    storage()?.setItem(KEY, JSON.stringify(all.slice(0, MAX_CONVERSATIONS)));
    storage()?.setItem(CURRENT, conversation.id);
  } catch {
    // Quota exceeded: the conversation simply is not kept.
  }
}

export function currentConversationId(): string | null {
  return storage()?.getItem(CURRENT) ?? null;
}

export function newConversation(lang: Lang): Conversation {
  const id = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  return { id, lang, updatedAt: Date.now(), turns: [] };
}

export type Theme = 'light' | 'dark';

export function savedTheme(): Theme | null {
  const theme = storage()?.getItem(THEME);
  return theme === 'light' || theme === 'dark' ? theme : null;
}

export function saveTheme(theme: Theme): void {
  try {
    storage()?.setItem(THEME, theme);
  } catch {
    // Not kept; the toggle still works for this page.
  }
}
