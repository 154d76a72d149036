// Plain-text helpers every layer shares: sentence splitting of statute text and regex escaping.

/** A clause's sentences: split after 。；; and at line breaks, trimmed, one-character debris dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

/** The text as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
