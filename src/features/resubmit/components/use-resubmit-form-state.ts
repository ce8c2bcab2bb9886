import { useMemo, useRef, useState } from 'react';
import { confirmDone } from '#src/lib/confirmation.ts';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail, PackageVersion, SubmitVersionRequest } from '#domain/contracts/packages.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useSubmitVersion } from '../api/submit-version.ts';
import { emptyAnswer } from '../draft.ts';
import { contentErrors, describePointer, sectionIndexOf, submissionErrors, type FieldErrors } from '../field-errors.ts';
import { focusPointer } from '../focus-field.ts';
import type { ResubmitDraft } from '#domain/contracts/drafts.ts';
import { useResubmitDraft } from './use-resubmit-draft.ts';

interface Options {
  pkg: PackageDetail;
  /** The latest version: where the draft starts from. */
  base: PackageVersion;
  threads: readonly Thread[];
  /** The draft saved on the server when the page opened (from this or another tab or device), or null. */
  saved: ResubmitDraft | null;
  onSubmitted: (version: number) => void;
}

export interface Summary {
  title: string;
  detail: string | null;
}

export const contentHeadingId = 'resubmit-content-heading';

function problemsTitle(count: number, what: string): string {
  return count === 1 ? `There is a problem ${what}` : `There are ${count} problems ${what}`;
}

/**
 * Where the resubmission stands: editing or reviewing, the problems found (by the contract
 * here, or by the server) and where focus goes to show them, the confirmation, the submission.
 */
export function useResubmitFormState({ pkg, base, threads, saved, onSubmitted }: Options) {
  const navigate = useNavigate();
  const drafting = useResubmitDraft(pkg, base, threads, saved);
  const { draft, targets } = drafting;
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

  const problemsBySection = useMemo(() => {
    const count = new Map<number, number>();
    for (const pointer of Object.keys(errors)) {
      const index = sectionIndexOf(pointer);
      if (index !== null) count.set(index, (count.get(index) ?? 0) + 1);
    }
    return count;
  }, [errors]);

  const openSectionsOf = (pointers: readonly string[]) =>
    drafting.openSections(
      pointers.flatMap((pointer) => {
        const key = draft.content.sections[sectionIndexOf(pointer) ?? -1]?.key;
        return key === undefined ? [] : [key];
      }),
    );

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
        // The server deleted the draft with the submission.
        drafting.forgetServerCopy();
        onSubmitted(result.version.number);
        // Said on the package page, where the owner now goes.
        confirmDone(`Submitted: version ${result.version.number} of ${pkg.modelName} is in review.`, `/packages/${pkg.id}`);
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
    const differing = drafting.replaceContent(content);
    setErrors({});
    setSummary(null);
    setNotice(`Loaded ${fileName}: ${differing.size === 1 ? '1 section differs' : `${differing.size} sections differ`} from version ${base.number}.`);
  };

  const discard = () => {
    flushSync(() => {
      drafting.reset();
      setErrors({});
      setSummary(null);
      setNotice(`Draft discarded: the editor holds version ${base.number} again.`);
    });
    document.getElementById(contentHeadingId)?.focus();
  };

  return {
    ...drafting,
    nextVersion: base.number + 1,
    step,
    errors,
    problemsBySection,
    summary,
    summaryRef,
    reviewHeadingRef,
    refusal,
    refusalRef,
    notice,
    confirming,
    submitting: submission.isPending,
    describe: (pointer: string) => describePointer(pointer, draft.content, targets),
    goTo,
    review,
    backToEditing,
    askToConfirm: () => setConfirming(true),
    cancelConfirm: () => setConfirming(false),
    submit,
    loadFile,
    discard,
  };
}
