import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { AnswersPanel } from './answers-panel.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DraftBar } from './draft-bar.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { FieldErrorsContext } from './fields/field-errors-context.ts';
import { ReviewStep } from './review-step.tsx';
import { SectionPanel } from './section-panel.tsx';
import { UploadContent } from './upload-content.tsx';
import { contentHeadingId, useResubmitFormState } from './use-resubmit-form-state.ts';
import type { ResubmitDraft } from '#domain/contracts/drafts.ts';

interface Props {
  pkg: PackageDetail;
  /** The latest version: where the draft starts from. */
  base: PackageVersion;
  threads: readonly Thread[];
  saved: ResubmitDraft | null;
  onSubmitted: (version: number) => void;
}

/**
 * The resubmission: edit the content (section by section, or from a file), answer every
 * concern and open clarification request, review what the new version changes, confirm.
 * Refusals come back next to the fields they name; the draft is kept in the tab until the
 * version is submitted.
 */
export function ResubmitForm({ pkg, base, threads, saved, onSubmitted }: Props) {
  const { summaryRef, reviewHeadingRef, refusalRef, ...form } = useResubmitFormState({ pkg, base, threads, saved, onSubmitted });

  return (
    <FieldErrorsContext value={form.errors}>
      <div className="space-y-8">
        <p className="max-w-prose text-slate-700">
          Version {form.nextVersion} starts from version {base.number}, submitted by {base.submittedBy.displayName} on <time dateTime={base.submittedAt}>{formatDateTime(base.submittedAt)}</time>. Change what the
          reviewers asked for, answer each of their points, then review and submit.
        </p>
        <p role="status" className={form.notice ? 'rounded-md bg-slate-100 p-3' : 'sr-only'}>
          {form.notice}
        </p>
        {form.step === 'edit' ? (
          <>
            {form.summary && <ErrorSummary ref={summaryRef} title={form.summary.title} detail={form.summary.detail} errors={form.errors} describe={form.describe} onGo={form.goTo} />}
            <DraftBar baseVersion={base.number} restoredAt={form.restoredAt} pristine={form.pristine} saveState={form.saveState} onDiscard={form.discard} />
            <section aria-labelledby={contentHeadingId} className="space-y-4">
              <h2 id={contentHeadingId} tabIndex={-1} className="text-xl font-bold">
                Package content
              </h2>
              <p className="text-slate-700">
                Open a section to edit it.{' '}
                {form.changed.size === 0 ? `No section differs from version ${base.number} yet.` : `${form.changed.size === 1 ? '1 section differs' : `${form.changed.size} sections differ`} from version ${base.number}.`}
              </p>
              <UploadContent expected={{ modelKey: pkg.modelKey, versionLabel: pkg.versionLabel }} onLoaded={form.loadFile} />
              <div className="space-y-3">
                {form.draft.content.sections.map((section, index) => (
                  <SectionPanel
                    key={section.key}
                    section={section}
                    index={index}
                    changed={form.changed.has(section.key)}
                    problems={form.problemsBySection.get(index) ?? 0}
                    asked={form.asked.get(section.key) ?? 0}
                    open={form.open.has(section.key)}
                    onToggle={form.toggle}
                    onChange={form.updateSection}
                  />
                ))}
              </div>
            </section>
            <AnswersPanel targets={form.targets} answers={form.draft.answers} sections={form.draft.content.sections} baseVersion={base.number} onChange={form.setAnswer} />
            <div>
              <button type="button" className={buttonClasses.primary} onClick={form.review}>
                Review and submit
              </button>
            </div>
          </>
        ) : (
          <ReviewStep
            headingRef={reviewHeadingRef}
            content={form.draft.content}
            base={base}
            targets={form.targets}
            answers={form.draft.answers}
            refusal={form.refusal}
            refusalRef={refusalRef}
            onEdit={form.backToEditing}
            onSubmit={form.askToConfirm}
          />
        )}
        {form.confirming && (
          <ConfirmDialog
            modelName={pkg.modelName}
            versionLabel={pkg.versionLabel}
            nextVersion={form.nextVersion}
            changedSections={form.changed.size + form.removed.length}
            answers={form.targets.length}
            submitting={form.submitting}
            onConfirm={form.submit}
            onCancel={form.cancelConfirm}
          />
        )}
      </div>
    </FieldErrorsContext>
  );
}
