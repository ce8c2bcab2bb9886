import type { ReactNode } from 'react';
import { sectionKindLabels, type Section } from '../../../../domain/contracts/sections.ts';
import { sectionAnchor } from './sections/section-anchor.ts';

interface Props {
  sections: readonly Section[];
  /** Keys of the sections the signed-in reviewer has marked; absent for non-reviewers. */
  reviewedByMe?: ReadonlySet<string> | undefined;
  /** Shown above the list: the reviewer's progress. */
  header?: ReactNode;
}

/** The sections in the package's fixed order, each a link to its place on the page. */
export function SectionToc({ sections, reviewedByMe, header }: Props) {
  return (
    <nav aria-label="Sections" className="lg:sticky lg:self-start lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
      {header}
      <p aria-hidden="true" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Sections
      </p>
      <ol className="list-decimal space-y-2 pl-8 marker:text-slate-600">
        {sections.map((section) => (
          <li key={section.key}>
            <a href={`#${sectionAnchor(section.key)}`}>{section.title}</a>
            <span className="block text-sm text-slate-600">{sectionKindLabels[section.kind]}</span>
            {reviewedByMe?.has(section.key) && <span className="block text-sm font-semibold text-green-800">✓ Reviewed by you</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
