import { useEffect, useRef } from 'react';
import type { Section } from '#domain/contracts/sections.ts';
import { sectionAnchor } from './sections/section-anchor.ts';

interface Props {
  sections: readonly Section[];
  /** Keys of the sections the signed-in reviewer has marked; absent for non-reviewers. */
  reviewedByMe?: ReadonlySet<string> | undefined;
  /** Unresolved threads per section key. */
  openThreads?: ReadonlyMap<string, number> | undefined;
  /** Sections new or changed since the previous version, and that version's number. */
  changed?: { keys: ReadonlySet<string>; since: number } | undefined;
  /** The section the reader is in (scroll-spy): its link is marked `aria-current`. */
  current?: string | null | undefined;
}

/**
 * The sections in the package's fixed order on one line, stuck under the review bar: each a link
 * to its place with where it stands (symbols on screen, words for screen readers), the one the
 * reader is in marked. The line scrolls sideways on a phone, keeping the current one in view.
 */
export function SectionToc({ sections, reviewedByMe, openThreads, changed, current }: Props) {
  const line = useRef<HTMLOListElement>(null);

  // In the next frame, not in the commit: reading a position lays out the whole page, and in
  // the commit that rendered more of a 2 MB package that layout joined the render in one long
  // task (decision 0187). In a frame callback it is the layout the frame does anyway.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const list = line.current;
      const link = list?.querySelector<HTMLElement>('[aria-current]');
      if (!list || !link) return;
      // Scroll the line only (scrollIntoView would scroll the page too).
      const start = link.offsetLeft - list.offsetLeft;
      if (start < list.scrollLeft || start + link.offsetWidth > list.scrollLeft + list.clientWidth) list.scrollLeft = start - 16;
    });
    return () => cancelAnimationFrame(frame);
  }, [current]);

  return (
    <nav aria-label="Sections" className="min-w-0">
      <ol ref={line} className="relative flex gap-1 overflow-x-auto py-1 text-sm [scrollbar-width:thin]">
        {sections.map((section, index) => {
          const open = openThreads?.get(section.key) ?? 0;
          const here = section.key === current;
          const reviewed = reviewedByMe?.has(section.key);
          return (
            <li key={section.key} className="shrink-0">
              <a
                href={`#${sectionAnchor(section.key)}`}
                aria-current={here ? 'location' : undefined}
                className={`flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 no-underline ${here ? 'bg-blue-800 text-white hover:text-white' : 'text-slate-800 hover:bg-slate-100'}`}
              >
                <span aria-hidden="true" className={here ? 'text-blue-100' : 'text-slate-500'}>
                  {index + 1}
                </span>
                {section.title}
                {reviewed && (
                  <span aria-hidden="true" className={here ? '' : 'text-green-800'}>
                    ✓
                  </span>
                )}
                {open > 0 && (
                  <span aria-hidden="true" className={here ? '' : 'font-semibold text-amber-900'}>
                    ●{open}
                  </span>
                )}
                {changed?.keys.has(section.key) && (
                  <span aria-hidden="true" className={here ? '' : 'text-blue-900'}>
                    △
                  </span>
                )}
              </a>
              {/* Where the section stands, after the link: a symbol on screen, words for screen readers. */}
              <span className="sr-only">
                {reviewed === true && ', reviewed by you'}
                {reviewed === false && ', not yet reviewed by you'}
                {open > 0 && `, ● ${open === 1 ? '1 open thread' : `${open} open threads`}`}
                {changed?.keys.has(section.key) && `, changed since version ${changed.since}`}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
