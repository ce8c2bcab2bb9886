import { Link } from 'react-router';
import { useRef, useState } from 'react';
import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import type { Section } from '#domain/contracts/sections.ts';
import type { TextQuoteSelector, Thread } from '#domain/contracts/threads.ts';
import type { User } from '#domain/contracts/users.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { threadAbilities, threadAnchor } from '../../thread-abilities.ts';
import { NewThreadForm } from './new-thread-form.tsx';
import { ThreadCard } from './thread-card.tsx';

interface Props {
  packageId: string;
  versionNumber: number;
  section: Section;
  threads: readonly Thread[];
  /** Unresolved threads of earlier versions on this section: carried over, or outdated. */
  carried: readonly CarriedThread[];
  viewer: User | null;
  /** Why replies and resolutions are refused on this version, or null. */
  lock: string | null;
  /** The same for the version a carried thread belongs to: the server judges a thread by its own version. */
  lockFor: (versionNumber: number) => string | null;
  /** Why no new thread may be opened on this version, or null; only reviewers open threads. */
  annotateLock: string | null;
  canAnnotate: boolean;
  /** The passage selected in this section right now, if any. */
  selected: TextQuoteSelector | null;
  /** Which quotes were found on the page, by thread id. */
  quotesFound: ReadonlyMap<string, boolean>;
  /** Set by the page's keyboard shortcut: open the form for this section. */
  formRequested: number;
}

/** Under a section: its threads on this version and those carried from earlier ones, and for reviewers, the way to start one. */
export function SectionThreads({ packageId, versionNumber, section, threads, carried, viewer, lock, lockFor, annotateLock, canAnnotate, selected, quotesFound, formRequested }: Props) {
  const [formFor, setFormFor] = useState<{ selected: TextQuoteSelector | null; request: number } | null>(null);
  const [seenRequest, setSeenRequest] = useState(formRequested);
  const openButton = useRef<HTMLButtonElement>(null);
  const owner = viewer?.roles.includes('model_owner') ?? false;

  // A shortcut asked for the form (the count changes each time): open it, as the button would.
  if (formRequested !== seenRequest) {
    setSeenRequest(formRequested);
    if (canAnnotate && !annotateLock) setFormFor({ selected, request: formRequested });
  }

  const total = threads.length + carried.length;
  if (total === 0 && !canAnnotate) return null;
  return (
    <div data-quote-ignore className="space-y-4 border-t border-slate-200 pt-4">
      {total > 0 && (
        <div className="space-y-3">
          <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            {total === 1 ? '1 thread' : `${total} threads`}
            {carried.length > 0 && ` (${carried.length} from earlier versions)`}
          </p>
          {/* Earlier versions' threads first: they were opened first. */}
          {carried.map(({ thread, state, reason }) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              abilities={threadAbilities(thread, viewer, lockFor(thread.versionNumber))}
              lock={lockFor(thread.versionNumber)}
              quoteFound={quotesFound.get(thread.id)}
              isOwnerViewing={owner}
              carry={{ state, reason }}
            />
          ))}
          {threads.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} abilities={threadAbilities(thread, viewer, lock)} lock={lock} quoteFound={quotesFound.get(thread.id)} isOwnerViewing={owner} />
          ))}
        </div>
      )}
      {canAnnotate &&
        (annotateLock ? (
          <p className="text-sm text-slate-700">{annotateLock}</p>
        ) : formFor ? (
          <NewThreadForm
            key={formFor.request}
            packageId={packageId}
            versionNumber={versionNumber}
            section={section}
            selected={formFor.selected}
            onOpened={(thread) => {
              setFormFor(null);
              requestAnimationFrame(() => document.getElementById(threadAnchor(thread.id))?.focus());
            }}
            onCancel={() => {
              setFormFor(null);
              requestAnimationFrame(() => openButton.current?.focus());
            }}
          />
        ) : (
          <div className="flex flex-wrap gap-3">
            {selected && (
              <button
                type="button"
                className={buttonClasses.primary}
                // Pressing the button must not clear the selection it is about.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => setFormFor({ selected, request: Date.now() })}
              >
                Annotate selected passage
              </button>
            )}
            <button ref={openButton} type="button" className={buttonClasses.secondary} onClick={() => setFormFor({ selected: null, request: Date.now() })}>
              Annotate this section
            </button>
            {/* A tracked finding, with its owner and due date, is raised on the findings page, the section (and passage) chosen. */}
            <Link className={buttonClasses.secondary} to={`/packages/${encodeURIComponent(packageId)}/findings?${new URLSearchParams({ raise: '1', section: section.key, ...(selected ? { quote: selected.exact } : {}) }).toString()}`}>
              Raise a finding
            </Link>
          </div>
        ))}
    </div>
  );
}
