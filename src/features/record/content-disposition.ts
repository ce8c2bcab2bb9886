/**
 * The file name a Content-Disposition header suggests (RFC 6266: `filename*` in UTF-8 wins
 * over `filename`), reduced to a name without any folder, or the fallback. The server's
 * name says which model and version the record is about; a browser keeps it on save.
 */
export function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  // Only the last path segment, and nothing a file system would read as a folder or a control.
  const base = name
    ?.split(/[/\\]/)
    .at(-1)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return base && base !== '.' && base !== '..' ? base : fallback;
}
