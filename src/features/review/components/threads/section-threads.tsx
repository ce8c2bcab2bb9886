import { Link } from 'react-router';
import { useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import type { Section } from '#domain/contracts/sections.ts';
import type { TextQuoteSelector, Thread } from '#domain/contracts/threads.ts';
import type { User } from '#domain/contracts/users.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { findQuoteRange } from '../../annotations/dom-quote.ts';
import { useMarginOffsets } from '../../annotations/use-margin-offsets.ts';
import { threadAbilities, threadAnchor } from '../../thread-abilities.ts';
import { quoteMarkerId } from './quote-markers.tsx';
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
  /** The highlighted passages on the page, by thread id: threads sit level with theirs. */
  quoteRanges: ReadonlyMap<string, Range>;
  /** Set by the page's keyboard shortcut or the button at a selection: open the form for this section. */
  formRequested: number;
}

const formItem = 'new-thread';

interface Item {
  id: string;
  range: Range | undefined;
  node: ReactNode;
}

// Document order: passages as they come in the text; threads on the whole section (or whose
// passage is not on the page) first, in the order they were opened.
const byPassage = (a: Item, b: Item) => (a.range && b.range ? a.range.compareBoundaryPoints(Range.START_TO_START, b.range) : a.range ? 1 : b.range ? -1 : 0);

/**
 * A section's threads (on this version, and carried from earlier ones) and, for reviewers, the
 * way to start one. From 1280 px this is a margin beside the section's text with each thread
 * level with its highlighted passage; below, it follows the section.
 */
export function SectionThreads({ packageId, versionNumber, section, threads, carried, viewer, lock, lockFor, annotateLock, canAnnotate, selected, quotesFound, quoteRanges, formRequested }: Props) {
  const [formFor, setFormFor] = useState<{ selected: TextQuoteSelector | null; request: number } | null>(null);
  const [seenRequest, setSeenRequest] = useState(formRequested);
  const openButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const owner = viewer?.roles.includes('model_owner') ?? false;

  // A shortcut or the button at the selection asked for the form (the count changes each time): open it.
  if (formRequested !== seenRequest) {
    setSeenRequest(formRequested);
    if (canAnnotate && !annotateLock) setFormFor({ selected, request: formRequested });
  }

  // The passage the form is about, found again in the section's body, so the form sits beside it.
  const formRange = useMemo(() => {
    const body = formFor?.selected ? document.querySelector(`[data-section-body="${CSS.escape(section.key)}"]`) : null;
    return body && formFor?.selected ? (findQuoteRange(body, formFor.selected) ?? undefined) : undefined;
  }, [formFor, section.key]);

  const showQuote = (threadId: string) => () => {
    const marker = document.getElementById(quoteMarkerId(threadId));
    marker?.focus({ preventScroll: true });
    marker?.scrollIntoView({ block: 'center' });
  };

  const items: Item[] = [
    // Earlier versions' threads first among equals: they were opened first.
    ...carried.map(({ thread, state, reason }) => ({
      id: thread.id,
      range: quoteRanges.get(thread.id),
      node: (
        <ThreadCard
          thread={thread}
          abilities={threadAbilities(thread, viewer, lockFor(thread.versionNumber))}
          lock={lockFor(thread.versionNumber)}
          quoteFound={quotesFound.get(thread.id)}
          isOwnerViewing={owner}
          carry={{ state, reason }}
          onShowQuote={showQuote(thread.id)}
        />
      ),
    })),
    ...threads.map((thread) => ({
      id: thread.id,
      range: quoteRanges.get(thread.id),
      node: <ThreadCard thread={thread} abilities={threadAbilities(thread, viewer, lock)} lock={lock} quoteFound={quotesFound.get(thread.id)} isOwnerViewing={owner} onShowQuote={showQuote(thread.id)} />,
    })),
  ];
  if (canAnnotate && !annotateLock && formFor)
    items.push({
      id: formItem,
      range: formRange,
      node: (
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
      ),
    });
  items.sort(byPassage);

  const anchors = useMemo(() => {
    const map = new Map(quoteRanges);
    if (formRange) map.set(formItem, formRange);
    return map;
  }, [quoteRanges, formRange]);
  const offsets = useMarginOffsets(list, anchors);

  const total = threads.length + carried.length;
  if (total === 0 && !canAnnotate) return null;
  return (
    <div data-quote-ignore data-thread-margin className="min-w-0 space-y-3 rounded-b-md border-t border-slate-200 bg-slate-50 p-4 xl:rounded-l-none xl:rounded-r-md xl:border-t-0 xl:border-l">
      <div className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          {total === 0 ? 'No threads' : total === 1 ? '1 thread' : `${total} threads`}
          {carried.length > 0 && ` (${carried.length} from earlier versions)`}
        </p>
        {canAnnotate &&
          (annotateLock ? (
            <p className="text-sm text-slate-700">{annotateLock}</p>
          ) : (
            <div className="flex flex-wrap gap-2">
              <button ref={openButton} type="button" className={`${buttonClasses.secondary} px-3 py-1 text-sm`} onClick={() => setFormFor({ selected: null, request: Date.now() })}>
                Annotate this section
              </button>
              {/* A tracked finding, with its owner and due date, is raised on the findings page, the section (and passage) chosen. */}
              <Link
                className={`${buttonClasses.secondary} px-3 py-1 text-sm`}
                to={`/packages/${encodeURIComponent(packageId)}/findings?${new URLSearchParams({ raise: '1', section: section.key, ...(selected ? { quote: selected.exact } : {}) }).toString()}`}
              >
                Raise a finding
              </Link>
            </div>
          ))}
      </div>
      <div ref={list} className="flex flex-col gap-3">
        {items.map((item) => (
          <div key={item.id} data-margin-item={item.id} className="xl:mt-(--margin-offset)" style={{ '--margin-offset': `${offsets.get(item.id) ?? 0}px` } as CSSProperties}>
            {item.node}
          </div>
        ))}
      </div>
    </div>
  );
}
