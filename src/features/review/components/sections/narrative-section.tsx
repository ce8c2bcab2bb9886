import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { PackageMarkdown } from '#src/components/markdown/markdown.tsx';
import { sectionAnchor } from './section-anchor.ts';

/** Free text in Markdown; its headings sit under the section title (h2). */
export function NarrativeSection({ section }: { section: SectionOfKind<'narrative'> }) {
  return (
    <PackageMarkdown headingLevel={3} idPrefix={sectionAnchor(section.key)}>
      {section.markdown}
    </PackageMarkdown>
  );
}
