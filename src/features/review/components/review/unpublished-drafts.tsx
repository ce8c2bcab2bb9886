import { useId, useState } from 'react';
import { threadKindLabels } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useDiscardReviewDraft } from '../../api/discard-review-draft.ts';
import { useReviewDrafts } from '../../api/get-review-drafts.ts';
import { usePublishReviewDrafts } from '../../api/publish-review-drafts.ts';

interface Props {
  packageId: string;
  /** Section titles by key, for naming where each draft is. */
  sectionTitles: ReadonlyMap<string, string>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * The reviewer's drafts in the review bar: how many are unpublished, what they are (to
 * discard one), and "Publish N comments" to publish them all now. Signing a decision
 * publishes them too, with the decision.
 */
export function UnpublishedDrafts({ packageId, sectionTitles }: Props) {
  const listId = useId();
  const drafts = useReviewDrafts(packageId, true);
  const publishing = usePublishReviewDrafts();
  const discarding = useDiscardReviewDraft();
  const [open, setOpen] = useState(false);
  const items = drafts.data ?? [];
  const count = items.length;
  const published = publishing.data?.published.length ?? 0;

  return (
    <>
      <p className="sr-only" role="status">
        {publishing.isSuccess && count === 0 ? `${plural(published, 'comment', 'comments')} published.` : ''}
      </p>
      {count > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className="rounded-md px-2 py-1 text-sm font-semibold text-amber-900 underline decoration-dotted underline-offset-4 hover:bg-amber-50" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((shown) => !shown)}>
            {count} unpublished
          </button>
          <button type="button" className={`${buttonClasses.secondary} px-3 py-1 text-sm`} disabled={publishing.isPending} onClick={() => publishing.mutate(packageId)}>
            {publishing.isPending ? 'Publishing…' : `Publish ${plural(count, 'comment', 'comments')}`}
          </button>
        </div>
      )}
      {count > 0 && open && (
        <ul id={listId} aria-label="Unpublished drafts" className="order-last basis-full space-y-2 border-t border-slate-200 pt-2 text-sm">
          {items.map((draft) => {
            const where = sectionTitles.get(draft.sectionKey) ?? 'a section';
            return (
              <li key={draft.id} className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="min-w-0 break-words">
                  <span className="font-semibold">{threadKindLabels[draft.kind]}</span> on {where}: “{excerpt(draft.body)}”
                </span>
                <button type="button" className="text-sm font-semibold text-blue-800 underline" disabled={discarding.isPending} onClick={() => discarding.mutate({ packageId, draftId: draft.id })} aria-label={`Discard draft on ${where}: ${excerpt(draft.body)}`}>
                  Discard
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {(publishing.error ?? discarding.error) && (
        <p role="alert" className="order-last basis-full border-l-4 border-red-700 pl-3 text-red-900">
          {describeError(publishing.error ?? discarding.error)}
        </p>
      )}
    </>
  );
}
