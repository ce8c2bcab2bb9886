import type { ReactNode } from 'react';
import { sectionKindLabels, type Section } from '../../../../../domain/contracts/sections.ts';
import { sectionAnchor } from './section-anchor.ts';
import { SectionView } from './section-view.tsx';

/**
 * One section of the package: its own landmark, titled by an h2, linkable as #section-<key>.
 * `children` come after the body: what reviewers have done with the section.
 */
export function SectionBlock({ section, children }: { section: Section; children?: ReactNode }) {
  const id = sectionAnchor(section.key);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-4 rounded-md border border-slate-200 bg-white p-5 sm:p-6">
      <div>
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {section.title}
        </h2>
        <p className="text-sm text-slate-600">{sectionKindLabels[section.kind]}</p>
      </div>
      <SectionView section={section} />
      {children}
    </section>
  );
}
