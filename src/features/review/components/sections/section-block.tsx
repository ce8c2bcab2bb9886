import { memo, type ReactNode } from 'react';
import { sectionKindLabels, type Section } from '#domain/contracts/sections.ts';
import { sectionAnchor } from './section-anchor.ts';
import { SectionView } from './section-view.tsx';

/**
 * One section of the package: its own landmark, titled by an h2, linkable as #section-<key>,
 * focusable (keyboard moves go from section to section). `children` come after the body:
 * what reviewers have done with the section. The body is marked so a selection in it can be
 * turned into a quote, and quotes found in it again.
 */
export function SectionBlock({ section, pending = false, children }: { section: Section; pending?: boolean; children?: ReactNode }) {
  const id = sectionAnchor(section.key);
  return (
    <section id={id} tabIndex={-1} data-section-key={section.key} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-4 rounded-md border border-slate-200 bg-white p-5 sm:p-6">
      <div>
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {section.title}
        </h2>
        <p className="text-sm text-slate-600">{sectionKindLabels[section.kind]}</p>
      </div>
      {pending ? (
        <p data-section-body={section.key} data-pending className="min-h-48 text-slate-600">
          Loading this section…
        </p>
      ) : (
        <div data-section-body={section.key}>
          <SectionBody section={section} />
        </div>
      )}
      {children}
    </section>
  );
}

// A section's body only changes with its content: typing in a thread form or selecting a
// passage must not re-render (say) 2 MB of Markdown.
const SectionBody = memo(SectionView);
