/** The id of a section on the page; `#section-<key>` is its deep link. */
export function sectionAnchor(key: string): string {
  return `section-${key}`;
}
