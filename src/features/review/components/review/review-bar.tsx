import { useEffect, useEffectEvent, useId, useState, type ReactNode, type RefObject } from 'react';
import type { Actor } from '#domain/contracts/decisions.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useMarkSectionReviewed } from '../../api/mark-section-reviewed.ts';
import { useMoveTo } from '../keyboard/use-review-shortcuts.ts';
import { shortcutFor } from '../keyboard/shortcuts.ts';
import { nextToReview } from './next-to-review.ts';
import { UnpublishedDrafts } from './unpublished-drafts.tsx';

interface Props {
  packageId: string;
  versionNumber: number;
  reviewer: Actor;
  /** Keys of the sections this reviewer has marked on this version. */
  reviewedByMe: ReadonlySet<string>;
  total: number;
  openThreads: number;
  /** Why marks can no longer change on this version (decided), or null. */
  lock: string | null;
  container: RefObject<HTMLElement | null>;
  ownHashes: RefObject<Set<string>>;
  /** The "Decide…" button, from the signing feature; nothing when it is not this reviewer's turn. */
  decide: ReactNode;
  /** Section titles by key, to name where each unpublished draft is. */
  sectionTitles?: ReadonlyMap<string, string>;
}

const noTitles: ReadonlyMap<string, string> = new Map();

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The reviewer's bar, stuck to the top of the window (with the contents line) over a long package: how far they are,
 * how many threads are open, "Mark reviewed and next" (r), and "Decide…", so no one has to
 * scroll back 25,000 px to the decision panel.
 */
export function ReviewBar({ packageId, versionNumber, reviewer, reviewedByMe, total, openThreads, lock, container, ownHashes, decide, sectionTitles = noTitles }: Props) {
  const statusId = useId();
  const lockId = useId();
  const marking = useMarkSectionReviewed(reviewer);
  const moveTo = useMoveTo(ownHashes);
  const [done, setDone] = useState(false);
  const reviewed = reviewedByMe.size;

  const reviewNext = () => {
    const root = container.current;
    if (!root || lock) return;
    const sections = [...root.querySelectorAll<HTMLElement>('[data-section-key]')];
    // The bar is stuck to the top with the contents line under it: a section below both is the reader's.
    const bar = (document.querySelector<HTMLElement>('[data-sticky-bars]') ?? document.querySelector<HTMLElement>('[data-review-bar]'))?.getBoundingClientRect().bottom ?? 0;
    const step = nextToReview(
      sections.map((section) => section.dataset.sectionKey ?? ''),
      reviewedByMe,
      currentIndex(sections, bar),
    );
    if (step.mark) {
      marking.reset();
      marking.mutate({ packageId, versionNumber, sectionKey: step.mark });
    }
    const target = step.next === null ? undefined : sections[step.next];
    setDone(!target);
    if (target) moveTo(target);
    else document.querySelector<HTMLElement>('[data-review-bar] [data-decide]')?.focus();
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (shortcutFor(event) !== 'review-next') return;
    event.preventDefault();
    reviewNext();
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      data-review-bar
      role="region"
      aria-label="Review bar"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2"
    >
      <div className="min-w-40 flex-1 space-y-1">
        <p id={statusId} className="text-sm font-semibold text-slate-800" aria-live="polite">
          {reviewed} of {total} sections reviewed
          <span className="font-normal text-slate-700"> · {plural(openThreads, 'open thread', 'open threads')}</span>
        </p>
        <progress aria-labelledby={statusId} value={reviewed} max={total} className="h-1.5 w-full max-w-xs accent-blue-800" />
      </div>
      <UnpublishedDrafts packageId={packageId} sectionTitles={sectionTitles} />
      <button
        type="button"
        className={`${buttonClasses.secondary} px-3 py-1 text-sm`}
        aria-keyshortcuts="r"
        aria-disabled={lock ? true : undefined}
        aria-describedby={lock ? lockId : undefined}
        onClick={reviewNext}
      >
        Mark reviewed and next <kbd className="ml-1 text-xs text-slate-600">r</kbd>
      </button>
      {decide}
      {lock && (
        <p id={lockId} className="sr-only">
          {lock}
        </p>
      )}
      {done && !lock && reviewed === total && <p className="sr-only" role="status">Every section is reviewed.</p>}
      {marking.error && (
        <p role="alert" className="basis-full border-l-4 border-red-700 pl-3 text-red-900">
          {describeError(marking.error)}
        </p>
      )}
    </div>
  );
}

/** The section holding focus, or else the first whose bottom is below the bar. */
function currentIndex(sections: readonly HTMLElement[], barBottom: number): number {
  const active = document.activeElement;
  const holding = sections.findIndex((section) => section === active || section.contains(active));
  if (holding !== -1) return holding;
  return sections.findIndex((section) => section.getBoundingClientRect().bottom > barBottom + 1);
}
