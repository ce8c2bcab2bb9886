import type { Actor } from '#domain/contracts/decisions.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useMarkSectionReviewed } from '../../api/mark-section-reviewed.ts';
import { useUnmarkSectionReviewed } from '../../api/unmark-section-reviewed.ts';
import type { SectionMark, SectionReviewState } from '../../section-reviews.ts';
import { sectionAnchor } from '../sections/section-anchor.ts';

interface Props {
  mark: SectionMark;
  state: SectionReviewState;
  /** The signed-in reviewer, who may mark the section; null for owners and administrators. */
  reviewer: Actor | null;
  /** Why marks can no longer change on this version (it was decided), or null. */
  lock?: string | null;
}

/** Under a section: who has marked it reviewed, and for a reviewer, their own mark to toggle. */
export function SectionReview({ mark, state, reviewer, lock = null }: Props) {
  if (!reviewer && state.others.length === 0) return null;
  return (
    <div className="space-y-3 border-t border-slate-200 pt-4">
      {reviewer && !lock && <ReviewToggle mark={mark} reviewed={state.reviewedByMe} reviewer={reviewer} />}
      {reviewer && lock && (
        // The server would refuse the mark: say why instead of offering a button that fails.
        <p className="text-sm text-slate-700">{state.reviewedByMe ? `You reviewed this section. ${lock}` : lock}</p>
      )}
      {state.others.length > 0 && (
        <ul className="space-y-1 text-sm text-slate-700">
          {state.others.map((actor) => (
            <li key={actor.id}>Reviewed by {actor.displayName}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReviewToggle({ mark, reviewed, reviewer }: { mark: SectionMark; reviewed: boolean; reviewer: Actor }) {
  const marking = useMarkSectionReviewed(reviewer);
  const unmarking = useUnmarkSectionReviewed(reviewer.id);
  const pending = marking.isPending || unmarking.isPending;
  const error = marking.error ?? unmarking.error;
  const errorId = `${sectionAnchor(mark.sectionKey)}-review-error`;

  const toggle = () => {
    // Not `disabled` while saving: a disabled button drops keyboard focus.
    if (pending) return;
    marking.reset();
    unmarking.reset();
    if (reviewed) unmarking.mutate(mark);
    else marking.mutate(mark);
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        aria-pressed={reviewed}
        aria-describedby={error ? errorId : undefined}
        className={reviewed ? buttonClasses.secondary : buttonClasses.primary}
        onClick={toggle}
      >
        {reviewed ? 'Reviewed ✓ — undo' : 'Mark section reviewed'}
      </button>
      {error && (
        <p id={errorId} role="alert" className="border-l-4 border-red-700 pl-3 text-red-900">
          {describeError(error)}
        </p>
      )}
    </div>
  );
}
