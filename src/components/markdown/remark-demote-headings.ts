import type { Heading, Root, RootContent } from 'mdast';

export interface DemoteHeadingsOptions {
  /** The level the shallowest heading of the text becomes (3 under a section's h2). */
  top: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * The shallowest heading's depth when the tree is one part of a longer text (that text's,
   * not the part's own: markdown-parts.ts); by default the tree's own.
   */
  shallowest?: number | undefined;
}

/**
 * A remark plugin that moves the headings of submitted Markdown below the page's own: the
 * page keeps its one h1, the section title stays the h2, and the text's outline starts one
 * level under it. Shifting from the shallowest heading (rather than adding a fixed amount)
 * keeps levels consecutive, so a text written with "##" does not skip from h2 to h4.
 */
export function remarkDemoteHeadings({ top, shallowest: given }: DemoteHeadingsOptions) {
  return (tree: Root): void => {
    const headings: Heading[] = [];
    collectHeadings(tree, headings);
    const shallowest = given ?? headings.reduce((min, heading) => Math.min(min, heading.depth), 6);
    for (const heading of headings) {
      heading.depth = Math.min(6, heading.depth - shallowest + top) as Heading['depth'];
    }
  };
}

function collectHeadings(node: Root | RootContent, into: Heading[]): void {
  if (node.type === 'heading') into.push(node);
  if ('children' in node) for (const child of node.children) collectHeadings(child, into);
}
