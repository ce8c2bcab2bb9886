import type { Ref } from 'react';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { changedSectionKeys } from '#domain/package/changed-sections.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import type { AnswerTargetView } from '../answer-targets.ts';
import { removedFromDraft } from '../changes.ts';
import type { AnswerDraft } from '../draft.ts';
import { answerPointer, fieldId } from '../field-errors.ts';
import { isAnswered } from './answers-panel.tsx';

interface Props {
  headingRef: Ref<HTMLHeadingElement>;
  content: PackageContent;
  base: { number: number; content: PackageContent };
  targets: readonly AnswerTargetView[];
  answers: Readonly<Record<string, AnswerDraft>>;
  /** Why the last submission was refused, when no field was at fault (a 409, say). */
  refusal: string | null;
  refusalRef: Ref<HTMLParagraphElement>;
  onEdit: (pointer: string | null) => void;
  onSubmit: () => void;
}

/** What the new version will be, before it is: the sections it changes, and the answers. */
export function ReviewStep({ headingRef, content, base, targets, answers, refusal, refusalRef, onEdit, onSubmit }: Props) {
  const changedKeys = changedSectionKeys(content, base.content);
  const changed = content.sections.filter((section) => changedKeys.has(section.key));
  const removed = removedFromDraft(content, base.content);
  const missing = targets.filter((target) => !isAnswered(answers[target.key]));
  const next = base.number + 1;
  // The server refuses a version identical to the one before: the button says so rather than fail.
  const unchanged = changed.length === 0 && removed.length === 0;
  return (
    <section aria-labelledby="resubmit-review-heading" className="space-y-6">
      <h2 id="resubmit-review-heading" ref={headingRef} tabIndex={-1} className="text-xl font-bold">
        Review version {next} before submitting
      </h2>
      {refusal && (
        <p ref={refusalRef} role="alert" tabIndex={-1} className="rounded-md border-l-4 border-red-700 bg-white p-4 font-semibold text-red-900 shadow-sm">
          {refusal}
        </p>
      )}
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">Sections changed from version {base.number}</h3>
        {unchanged ? (
          <p id="resubmit-unchanged" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">No section differs from version {base.number}. A version identical to the one before is refused: change what the reviewers asked for first.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {changed.map((section) => (
              <li key={section.key}>{section.title}</li>
            ))}
            {removed.map((section) => (
              <li key={section.key}>{section.title} (removed)</li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">Answers</h3>
        <p>
          {targets.length === 0
            ? 'No concern or clarification request to answer.'
            : `${targets.length - missing.length} of ${targets.length} ${targets.length === 1 ? 'concern or clarification request' : 'concerns and clarification requests'} answered.`}
        </p>
        {missing.length > 0 && (
          <div className="space-y-1 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
            <p>Not answered yet; a version that leaves any of them unanswered is refused:</p>
            <ul className="list-disc pl-5">
              {missing.map((target) => (
                <li key={target.key}>
                  <a
                    href={`#${fieldId(answerPointer(target.key, 'answer'))}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onEdit(answerPointer(target.key, 'answer'));
                    }}
                  >
                    {target.label}: {target.sectionTitle}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={buttonClasses.primary} disabled={unchanged} aria-describedby={unchanged ? 'resubmit-unchanged' : undefined} onClick={onSubmit}>
          Submit version {next}…
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={() => onEdit(null)}>
          Back to editing
        </button>
      </div>
    </section>
  );
}
