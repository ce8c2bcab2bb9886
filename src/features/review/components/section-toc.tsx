import { sectionKindLabels, type Section } from '../../../../domain/contracts/sections.ts';
import { sectionAnchor } from './sections/section-anchor.ts';

/** The sections in the package's fixed order, each a link to its place on the page. */
export function SectionToc({ sections }: { sections: readonly Section[] }) {
  return (
    <nav aria-label="Sections" className="lg:sticky lg:self-start lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
      <p aria-hidden="true" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Sections
      </p>
      <ol className="list-decimal space-y-2 pl-8 marker:text-slate-600">
        {sections.map((section) => (
          <li key={section.key}>
            <a href={`#${sectionAnchor(section.key)}`}>{section.title}</a>
            <span className="block text-sm text-slate-600">{sectionKindLabels[section.kind]}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
