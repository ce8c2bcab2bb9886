import { PackageMarkdown } from '#src/components/markdown/markdown.tsx';
import { sectionAnchor } from './section-anchor.ts';

/** A section's free-text notes (Markdown), under their own heading. */
export function SectionNotes({ sectionKey, notes }: { sectionKey: string; notes: string | undefined }) {
  if (!notes?.trim()) return null;
  const id = `${sectionAnchor(sectionKey)}-notes`;
  return (
    <div className="space-y-2">
      <h3 id={id} className="text-lg font-semibold">
        Notes
      </h3>
      <PackageMarkdown headingLevel={4} idPrefix={id}>
        {notes}
      </PackageMarkdown>
    </div>
  );
}
