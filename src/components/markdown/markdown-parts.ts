/**
 * A long Markdown text cut into parts that, rendered one after another, give exactly the
 * blocks the whole text gives, so that each part can be parsed in a render of its own and the
 * page can yield between them (a 40 KB narrative parsed in one go is 20–35 ms of one task:
 * docs/decisions/0232).
 *
 * A cut is made only where it cannot change the result: at a blank line outside any fenced
 * code, before a line at the left margin that starts a new top-level block (not a list item,
 * a block quote, a fence or an HTML block, which a blank line may not end or may continue).
 * Texts with what one part's parse would need from another are not cut at all: link
 * reference and footnote definitions (`]:`), footnote calls (`[^`), HTML blocks (`<` at a
 * line's start), fences that are indented or that a backtick in their info string makes
 * inline code, carriage returns, and headings other than `#`-headings at the left margin
 * (the heading levels are shifted from the whole text's shallowest heading, which is then
 * known without parsing: `shallowest`).
 */
export interface MarkdownParts {
  parts: string[];
  /** The depth of the whole text's shallowest heading; undefined when it has none. */
  shallowest: number | undefined;
}

const blank = /^[ \t]*$/;
const marginHeading = /^(#{1,6})(?:[ \t]|$)/;
// A `#` after indentation, block quote markers or list markers: a heading inside a container.
const nestedHeading = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*#/;
// A line of `=` or `-` under a non-blank line may make that line a (setext) heading.
const underline = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*(?:=+|-+)[ \t]*$/;
const fenceOpening = /^( *)(`{3,}|~{3,})(.*)$/;
const fenceClosing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const htmlStart = /^ {0,3}</;
// A line after a blank one that a blank line does not separate from what came before.
const continues = /^(?:[ \t]|>|<|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,})/;

/** The parts of `text`, each at least `partChars` long but the last; null when it is not cut. */
export function markdownParts(text: string, partChars: number): MarkdownParts | null {
  if (text.length <= partChars || text.includes(']:') || text.includes('[^') || text.includes('\r')) return null;
  const lines = text.split('\n');
  const cuts: number[] = [];
  const depths: number[] = [];
  let fence: { mark: string; length: number } | null = null;
  let partStart = 0;
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineStart = offset;
    offset += line.length + 1;
    if (fence) {
      const closing = fenceClosing.exec(line)?.[1];
      if (closing && closing[0] === fence.mark && closing.length >= fence.length) fence = null;
      continue;
    }
    if (htmlStart.test(line)) return null;
    const opening = fenceOpening.exec(line);
    if (opening) {
      const [, indent = '', marks = '', info = ''] = opening;
      if (indent !== '' || (marks[0] === '`' && info.includes('`'))) return null;
      fence = { mark: marks[0] ?? '`', length: marks.length };
      continue;
    }
    const heading = marginHeading.exec(line);
    if (heading) depths.push(heading[1]?.length ?? 1);
    else if (nestedHeading.test(line)) return null;
    const previous = lines[index - 1];
    if (underline.test(line) && previous !== undefined && !blank.test(previous)) return null;
    if (index > 0 && previous !== undefined && blank.test(previous) && !blank.test(line) && !continues.test(line) && lineStart - partStart >= partChars) {
      cuts.push(lineStart);
      partStart = lineStart;
    }
  }
  if (cuts.length === 0) return null;
  const parts = [0, ...cuts].map((start, index) => text.slice(start, cuts[index] ?? text.length));
  return { parts, shallowest: depths.length > 0 ? Math.min(...depths) : undefined };
}
