import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail, PackageVersion, SubmitVersionRequest } from '#domain/contracts/packages.ts';
import type { Section } from '#domain/contracts/sections.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useSubmitVersion } from '../api/submit-version.ts';
import { answerTargets } from '../answer-targets.ts';
import { changedInDraft, removedFromDraft } from '../changes.ts';
import { draftFrom, emptyAnswer, replaceAt, type AnswerDraft, type Draft } from '../draft.ts';
import { clearDraft, loadDraft, saveDraft } from '../draft-storage.ts';
import { contentErrors, describePointer, sectionIndexOf, submissionErrors, type FieldErrors } from '../field-errors.ts';
import { focusPointer } from '../focus-field.ts';
import { AnswersPanel } from './answers-panel.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DraftBar } from './draft-bar.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { FieldErrorsContext } from './field-errors-context.ts';
import { ReviewStep } from './review-step.tsx';
import { SectionPanel } from './section-panel.tsx';
import { UploadContent } from './upload-content.tsx';

interface Props {
  pkg: PackageDetail;
  /** The latest version: where the draft starts from. */
  base: PackageVersion;
  threads: readonly Thread[];
  onSubmitted: (version: number) => void;
}

interface Summary {
  title: string;
  detail: string | null;
}

const contentHeadingId = 'resubmit-content-heading';

function startingDraft(pkg: PackageDetail, base: PackageVersion): { draft: Draft; restoredAt: string | null } {
  const restored = loadDraft(pkg.id, base);
  return restored ? { draft: restored.draft, restoredAt: restored.savedAt } : { draft: draftFrom(base.content), restoredAt: null };
}

function problemsTitle(count: number, what: string): string {
  return count === 1 ? `There is a problem ${what}` : `There are ${count} problems ${what}`;
}

/**
 * The resubmission: edit the content (section by section, or from a file), answer every
 * concern and open clarification request, review what the new version changes, confirm.
 * Refusals come back next to the fields they name; the draft is kept in the tab until the
 * version is submitted.
 */
export function ResubmitForm({ pkg, base, threads, onSubmitted }: Props) {
  const navigate = useNavigate();
  const [start] = useState(() => startingDraft(pkg, base));
  const [draft, setDraft] = useState(start.draft);
  const [restoredAt, setRestoredAt] = useState(start.restoredAt);
  // Section titles come from the base: the editors do not rename sections.
  const targets = useMemo(() => answerTargets(pkg, threads, base.content), [pkg, threads, base.content]);
  const changed = useMemo(() => changedInDraft(draft.content, base.content), [draft.content, base.content]);
  const removed = useMemo(() => removedFromDraft(draft.content, base.content), [draft.content, base.content]);
  const pristine = changed.size === 0 && removed.length === 0 && Object.values(draft.answers).every((answer) => answer.answer === '' && answer.sectionKeys.length === 0);
  const asked = useMemo(() => {
    const count = new Map<string, number>();
    for (const target of targets) count.set(target.sectionKey, (count.get(target.sectionKey) ?? 0) + 1);
    return count;
  }, [targets]);
  // Open at first: what the reviewers asked about, and what the restored draft changed.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set([...asked.keys(), ...changedInDraft(start.draft.content, base.content)]));
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const submission = useSubmitVersion(pkg.id);
  const summaryRef = useRef<HTMLDivElement>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  const refusalRef = useRef<HTMLParagraphElement>(null);

  // Every change is copied to sessionStorage; a draft back at the base version is no draft.
  useEffect(() => {
    if (pristine) clearDraft(pkg.id, base.number);
    else saveDraft(pkg.id, base, draft, new Date().toISOString());
  }, [pkg.id, base, draft, pristine]);

  const problemsBySection = useMemo(() => {
    const count = new Map<number, number>();
    for (const pointer of Object.keys(errors)) {
      const index = sectionIndexOf(pointer);
      if (index !== null) count.set(index, (count.get(index) ?? 0) + 1);
    }
    return count;
  }, [errors]);

  const updateSection = useCallback((index: number, next: Section) => {
    setDraft((current) => ({ ...current, content: { ...current.content, sections: replaceAt(current.content.sections, index, next) } }));
  }, []);
  const toggle = useCallback((key: string) => {
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const setAnswer = (key: string, answer: AnswerDraft) => setDraft((current) => ({ ...current, answers: { ...current.answers, [key]: answer } }));

  const openSectionsOf = (pointers: readonly string[]) => {
    const keys = pointers.flatMap((pointer) => {
      const key = draft.content.sections[sectionIndexOf(pointer) ?? -1]?.key;
      return key === undefined ? [] : [key];
    });
    if (keys.length > 0) setOpen((current) => new Set([...current, ...keys]));
  };

  const showProblems = (found: FieldErrors, next: Summary) => {
    flushSync(() => {
      setErrors(found);
      setSummary(next);
      setStep('edit');
      openSectionsOf(Object.keys(found));
    });
    summaryRef.current?.focus();
  };

  const goTo = (pointer: string) => {
    flushSync(() => {
      setStep('edit');
      openSectionsOf([pointer]);
    });
    focusPointer(pointer);
  };

  const review = () => {
    const found = contentErrors(draft.content);
    const count = Object.keys(found).length;
    if (count > 0) {
      showProblems(found, { title: problemsTitle(count, 'to fix before submitting'), detail: 'The content does not meet the package contract yet. Each problem is listed with its field.' });
      return;
    }
    flushSync(() => {
      setErrors({});
      setSummary(null);
      setRefusal(null);
      setStep('review');
    });
    reviewHeadingRef.current?.focus();
  };

  const backToEditing = (pointer: string | null) => {
    if (pointer) {
      goTo(pointer);
      return;
    }
    flushSync(() => setStep('edit'));
    document.getElementById(contentHeadingId)?.focus();
  };

  const submit = () => {
    // The order of the answers as sent: the server names a faulty one by its position.
    const sent = targets.map((target) => target.key);
    const sectionKeys = new Set(draft.content.sections.map((section) => section.key));
    const request: SubmitVersionRequest = {
      content: draft.content,
      answers: targets.map((target) => {
        const answer = draft.answers[target.key] ?? emptyAnswer;
        return { target: target.target, answer: answer.answer, sectionKeys: answer.sectionKeys.filter((key) => sectionKeys.has(key)) };
      }),
    };
    setRefusal(null);
    submission.mutate(request, {
      onSuccess: (result) => {
        clearDraft(pkg.id, base.number);
        onSubmitted(result.version.number);
        void navigate(`/packages/${pkg.id}?version=${result.version.number}`);
      },
      onError: (error) => {
        setConfirming(false);
        const refused = submissionErrors(error, sent);
        const count = Object.keys(refused.errors).length;
        if (count > 0) {
          showProblems(refused.errors, { title: problemsTitle(count, 'the server found'), detail: refused.general });
          return;
        }
        flushSync(() => setRefusal(describeError(error)));
        refusalRef.current?.focus();
      },
    });
  };

  const loadFile = (content: PackageContent, fileName: string) => {
    const differing = changedInDraft(content, base.content);
    setDraft((current) => ({ ...current, content }));
    setOpen((current) => new Set([...current, ...differing]));
    setErrors({});
    setSummary(null);
    setNotice(`Loaded ${fileName}: ${differing.size === 1 ? '1 section differs' : `${differing.size} sections differ`} from version ${base.number}.`);
  };

  const discard = () => {
    flushSync(() => {
      setDraft(draftFrom(base.content));
      setRestoredAt(null);
      setErrors({});
      setSummary(null);
      setOpen(new Set(asked.keys()));
      setNotice(`Draft discarded: the editor holds version ${base.number} again.`);
    });
    document.getElementById(contentHeadingId)?.focus();
  };

  const describe = (pointer: string) => describePointer(pointer, draft.content, targets);
  const nextVersion = base.number + 1;

  return (
    <FieldErrorsContext value={errors}>
      <div className="space-y-8">
        <p className="max-w-prose text-slate-700">
          Version {nextVersion} starts from version {base.number}, submitted by {base.submittedBy.displayName} on <time dateTime={base.submittedAt}>{formatDateTime(base.submittedAt)}</time>. Change what the
          reviewers asked for, answer each of their points, then review and submit.
        </p>
        <p role="status" className={notice ? 'rounded-md bg-slate-100 p-3' : 'sr-only'}>
          {notice}
        </p>
        {step === 'edit' ? (
          <>
            {summary && <ErrorSummary ref={summaryRef} title={summary.title} detail={summary.detail} errors={errors} describe={describe} onGo={goTo} />}
            <DraftBar baseVersion={base.number} restoredAt={restoredAt} pristine={pristine} onDiscard={discard} />
            <section aria-labelledby={contentHeadingId} className="space-y-4">
              <h2 id={contentHeadingId} tabIndex={-1} className="text-xl font-bold">
                Package content
              </h2>
              <p className="text-slate-700">
                Open a section to edit it.{' '}
                {changed.size === 0 ? `No section differs from version ${base.number} yet.` : `${changed.size === 1 ? '1 section differs' : `${changed.size} sections differ`} from version ${base.number}.`}
              </p>
              <UploadContent expected={{ modelKey: pkg.modelKey, versionLabel: pkg.versionLabel }} onLoaded={loadFile} />
              <div className="space-y-3">
                {draft.content.sections.map((section, index) => (
                  <SectionPanel
                    key={section.key}
                    section={section}
                    index={index}
                    changed={changed.has(section.key)}
                    problems={problemsBySection.get(index) ?? 0}
                    asked={asked.get(section.key) ?? 0}
                    open={open.has(section.key)}
                    onToggle={toggle}
                    onChange={updateSection}
                  />
                ))}
              </div>
            </section>
            <AnswersPanel targets={targets} answers={draft.answers} sections={draft.content.sections} baseVersion={base.number} onChange={setAnswer} />
            <div>
              <button type="button" className={buttonClasses.primary} onClick={review}>
                Review and submit
              </button>
            </div>
          </>
        ) : (
          <ReviewStep
            headingRef={reviewHeadingRef}
            content={draft.content}
            base={base}
            targets={targets}
            answers={draft.answers}
            refusal={refusal}
            refusalRef={refusalRef}
            onEdit={backToEditing}
            onSubmit={() => setConfirming(true)}
          />
        )}
        {confirming && (
          <ConfirmDialog
            modelName={pkg.modelName}
            versionLabel={pkg.versionLabel}
            nextVersion={nextVersion}
            changedSections={changed.size + removed.length}
            answers={targets.length}
            submitting={submission.isPending}
            onConfirm={submit}
            onCancel={() => setConfirming(false)}
          />
        )}
      </div>
    </FieldErrorsContext>
  );
}
