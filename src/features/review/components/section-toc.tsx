import type { ReactNode } from 'react';
import { sectionKindLabels, type Section } from '#domain/contracts/sections.ts';
import { sectionAnchor } from './sections/section-anchor.ts';

interface Props {
  sections: readonly Section[];
  /** Keys of the sections the signed-in reviewer has marked; absent for non-reviewers. */
  reviewedByMe?: ReadonlySet<string> | undefined;
  /** Unresolved threads per section key. */
  openThreads?: ReadonlyMap<string, number> | undefined;
  /** Sections new or changed since the previous version, and that version's number. */
  changed?: { keys: ReadonlySet<string>; since: number } | undefined;
  /** Shown above the list: the reviewer's progress. */
  header?: ReactNode;
}

/** The sections in the package's fixed order, each a link to its place, with where it stands. */
export function SectionToc({ sections, reviewedByMe, openThreads, changed, header }: Props) {
  return (
    <nav aria-label="Sections" className="lg:sticky lg:self-start lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
      {header}
      <p aria-hidden="true" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Sections
      </p>
      <ol className="list-decimal space-y-2 pl-8 marker:text-slate-600">
        {sections.map((section) => {
          const open = openThreads?.get(section.key) ?? 0;
          return (
            <li key={section.key}>
              <a href={`#${sectionAnchor(section.key)}`}>{section.title}</a>
              <span className="block text-sm text-slate-600">{sectionKindLabels[section.kind]}</span>
              {reviewedByMe &&
                (reviewedByMe.has(section.key) ? (
                  <span className="block text-sm font-semibold text-green-800">✓ Reviewed by you</span>
                ) : (
                  <span className="block text-sm text-slate-700">○ Not yet reviewed by you</span>
                ))}
              {open > 0 && <span className="block text-sm font-semibold text-amber-900">● {open === 1 ? '1 open thread' : `${open} open threads`}</span>}
              {changed?.keys.has(section.key) && <span className="block text-sm text-blue-900">△ Changed since version {changed.since}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
