import { memo, type ReactNode } from 'react';
import { sectionKindLabels, type Section } from '#domain/contracts/sections.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { sectionAnchor } from './section-anchor.ts';
import { SectionView } from './section-view.tsx';

/**
 * One section of the package: its own landmark, titled by an h2, linkable as #section-<key>,
 * focusable (keyboard moves go from section to section). `children` come after the body:
 * what reviewers have done with the section. `margin` holds its threads: beside the text from
 * 1280 px (each level with its passage), below it on narrower screens. The body is marked so a
 * selection in it can be turned into a quote, and quotes found in it again.
 */
interface Props {
  section: Section;
  pending?: boolean;
  /**
   * Set for a section the reader has marked reviewed: its body is hidden (kept in the page, so
   * quotes are still found in it) behind "Show section", as a code review tool folds a viewed file.
   */
  collapse?: { collapsed: boolean; toggle: (key: string) => void } | undefined;
  children?: ReactNode;
  margin?: ReactNode;
}

export function SectionBlock({ section, pending = false, collapse, children, margin }: Props) {
  const id = sectionAnchor(section.key);
  const collapsed = collapse?.collapsed === true;
  return (
    <section
      id={id}
      tabIndex={-1}
      data-section-key={section.key}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 rounded-md border border-slate-200 bg-white xl:grid xl:grid-cols-[minmax(0,1fr)_22rem]"
    >
      <div data-section-text className="relative min-w-0 space-y-4 p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id={`${id}-title`} className="text-xl font-bold">
              {section.title}
            </h2>
            <p className="text-sm text-slate-600">{sectionKindLabels[section.kind]}</p>
          </div>
          {collapse && (
            <button type="button" className={`${buttonClasses.secondary} px-2 py-0.5 text-sm`} aria-expanded={!collapsed} aria-controls={`${id}-body`} onClick={() => collapse.toggle(section.key)}>
              {collapsed ? 'Show section' : 'Hide section'} <span className="sr-only">{section.title}</span>
            </button>
          )}
        </div>
        {pending ? (
          <p data-section-body={section.key} data-pending className="min-h-48 text-slate-600">
            Loading this section…
          </p>
        ) : (
          <div id={`${id}-body`} data-section-body={section.key} hidden={collapsed}>
            <SectionBody section={section} />
          </div>
        )}
        {children}
      </div>
      {margin}
    </section>
  );
}

// A section's body only changes with its content: typing in a thread form or selecting a
// passage must not re-render (say) 2 MB of Markdown.
const SectionBody = memo(SectionView);
