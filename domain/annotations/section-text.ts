import type { Section } from '../contracts/sections.ts';
import type { TextQuoteSelector } from '../contracts/threads.ts';

// Text-quote anchoring (W3C Web Annotation): a passage is found again by its exact text,
// compared on normalized text so Markdown markup and line breaks do not get in the way.
// The browser uses the same functions to place highlights, the server to refuse a quote
// that does not occur.

/** Markdown markup a reader never sees, and runs of white space, removed or folded. */
export function normalizeForQuote(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~#>|\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== 'key' && key !== 'kind') strings(item, out);
}

/** Every readable text of a section, normalized, one passage per field. */
export function sectionText(section: Section): string {
  const out: string[] = [];
  strings(section, out);
  return normalizeForQuote(out.join('\n'));
}

/** Where the quote is in a folded text, or -1; the prefix and suffix pick among repeats. */
export function locateInText(text: string, selector: TextQuoteSelector): number {
  const exact = normalizeForQuote(selector.exact);
  if (!exact) return -1;
  const prefix = normalizeForQuote(selector.prefix);
  const suffix = normalizeForQuote(selector.suffix);
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = (prefix && text.slice(0, at).trimEnd().endsWith(prefix) ? 1 : 0) + (suffix && text.slice(at + exact.length).trimStart().startsWith(suffix) ? 1 : 0);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/** Where the quote is in the section's text, or -1. */
export function locateQuote(section: Section, selector: TextQuoteSelector): number {
  return locateInText(sectionText(section), selector);
}

const contextLength = 32;

/**
 * A selector for a passage typed or pasted rather than selected: the context either side
 * comes from the section's own text. Null when the passage does not occur in the section.
 */
export function selectorForPassage(section: Section, passage: string): TextQuoteSelector | null {
  const text = sectionText(section);
  const exact = normalizeForQuote(passage);
  const at = exact ? text.indexOf(exact) : -1;
  if (at === -1) return null;
  return { exact, prefix: text.slice(Math.max(0, at - contextLength), at).trim(), suffix: text.slice(at + exact.length, at + exact.length + contextLength).trim() };
}
