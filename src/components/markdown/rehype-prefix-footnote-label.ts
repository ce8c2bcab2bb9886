import type { Element, Root, RootContent } from 'hast';

const labelId = 'footnote-label';

/**
 * remark-rehype prefixes every id it generates with `clobberPrefix` except the footnotes
 * label, which is always `footnote-label`: two sections with footnotes would then share an
 * id. This rehype plugin gives that one the same prefix, and the references pointing at it.
 */
export function rehypePrefixFootnoteLabel({ prefix }: { prefix: string }) {
  return (tree: Root): void => {
    visit(tree, (element) => {
      if (element.properties.id === labelId) element.properties.id = prefix + labelId;
      const describedBy = element.properties.ariaDescribedBy;
      if (Array.isArray(describedBy)) {
        element.properties.ariaDescribedBy = describedBy.map((id) => (id === labelId ? prefix + labelId : id));
      }
    });
  };
}

function visit(node: Root | RootContent, onElement: (element: Element) => void): void {
  if (node.type === 'element') onElement(node);
  if ('children' in node) for (const child of node.children) visit(child, onElement);
}
