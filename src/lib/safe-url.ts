const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link in submitted content may point to, or null to drop the link. Only
 * absolute web and email addresses pass, plus a fragment (`#…`) that stays on this page:
 * `javascript:`, `data:`, `vbscript:`, relative paths (which would reach this app's own
 * routes) and anything the URL parser refuses are dropped. The parser, not a pattern,
 * decides the scheme, so `java\tscript:` or `JAVASCRIPT:` cannot slip through.
 */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return trimmed.length > 1 ? trimmed : null;
  if (!URL.canParse(trimmed)) return null;
  const parsed = new URL(trimmed);
  return allowedProtocols.has(parsed.protocol) ? parsed.href : null;
}

/** Whether a safe address leaves the page (and so gets rel="noreferrer noopener"). */
export function isExternalUrl(url: string): boolean {
  return !url.startsWith('#');
}
