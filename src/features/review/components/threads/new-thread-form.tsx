import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { selectorForPassage } from '#domain/annotations/section-text.ts';
import type { Section } from '#domain/contracts/sections.ts';
import { findingSeveritySchema, threadKindLabels, threadKindSchema, type TextQuoteSelector, type Thread, type ThreadKind } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { useOpenThread } from '../../api/open-thread.ts';
import { useSaveReviewDraft } from '../../api/save-review-draft.ts';
import { checkMessage, splitProblem } from './field-errors.ts';
import { MessageTextField } from './message-text-field.tsx';

type Severity = (typeof findingSeveritySchema.options)[number];

const severityLabels: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

interface Props {
  packageId: string;
  versionNumber: number;
  section: Section;
  /** The passage the reader selected on the page, if any. */
  selected: TextQuoteSelector | null;
  onOpened: (thread: Thread) => void;
  onCancel: () => void;
}

const kindHints: Record<ThreadKind, string> = {
  comment: 'A remark for the record; needs no answer.',
  clarification: 'A question the model owner must answer before the step can be decided.',
  finding: 'An issue to be tracked, with its severity.',
};

/**
 * Annotating a section: the kind, the passage (selected on the page, or typed, which keeps
 * the keyboard path open), and the message. Problems show next to their field.
 */
export function NewThreadForm({ packageId, versionNumber, section, selected, onOpened, onCancel }: Props) {
  const id = useId();
  const [kind, setKind] = useState<ThreadKind>('clarification');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [passage, setPassage] = useState(selected?.exact ?? '');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ passage?: string; body?: string }>({});
  const formRef = useRef<HTMLFormElement>(null);
  const opening = useOpenThread();
  const drafting = useSaveReviewDraft();
  // Which button submitted: a draft for later (the default for comments and questions) or a thread now.
  const intent = useRef<'draft' | 'publish'>('draft');
  const draftable = kind !== 'finding';
  const { byField, general } = splitProblem(opening.error ?? drafting.error, { passage: '/anchor/exact', body: '/body', severity: '/severity' });

  // Opened from a button or a shortcut: the form is where the reader's attention goes.
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);

  const anchorFor = (text: string): TextQuoteSelector | null | 'missing' => {
    if (!text.trim()) return null;
    // The selection carries the context it was made in; a typed passage takes the section's.
    if (selected && text === selected.exact) return selected;
    return selectorForPassage(section, text) ?? 'missing';
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (opening.isPending || drafting.isPending) return;
    const anchor = anchorFor(passage);
    const next = {
      ...(anchor === 'missing' ? { passage: `This passage does not occur in “${section.title}”. Copy it exactly, or select it on the page.` } : {}),
      ...(checkMessage(body) ? { body: checkMessage(body) } : {}),
    };
    setErrors(next);
    if (next.passage || next.body) return;
    const quoted = anchor === 'missing' ? null : anchor;
    if (draftable && intent.current === 'draft') {
      opening.reset();
      drafting.mutate({ packageId, request: { versionNumber, sectionKey: section.key, kind, anchor: quoted, body } }, { onSuccess: onCancel });
      return;
    }
    drafting.reset();
    opening.mutate({ packageId, request: { versionNumber, sectionKey: section.key, kind, severity: kind === 'finding' ? severity : null, anchor: quoted, body } }, { onSuccess: onOpened });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-blue-800 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold">
        Annotate “{section.title}”
      </h3>
      <fieldset className="space-y-2">
        <legend className="font-semibold">Kind</legend>
        {threadKindSchema.options.map((option) => (
          <div key={option} className="flex items-start gap-2">
            <input type="radio" id={`${id}-${option}`} name={`${id}-kind`} value={option} checked={kind === option} onChange={() => setKind(option)} className="mt-1.5" />
            <label htmlFor={`${id}-${option}`}>
              {threadKindLabels[option]} <span className="block text-sm text-slate-600">{kindHints[option]}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'finding' && (
        <Field label="Severity" error={byField.severity}>
          {(props) => (
            <select {...props} value={severity} onChange={(event) => setSeverity(findingSeveritySchema.parse(event.target.value))} className="rounded-md border border-slate-400 p-2">
              {findingSeveritySchema.options.map((option) => (
                <option key={option} value={option}>
                  {severityLabels[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        label={
          <>
            Quoted passage <span className="font-normal text-slate-600">(optional; leave empty to annotate the whole section)</span>
          </>
        }
        hint="Select text in the section before annotating, or type or paste the passage exactly as it appears."
        error={errors.passage ?? byField.passage}
      >
        {(props) => <textarea {...props} rows={2} value={passage} onChange={(event) => setPassage(event.target.value)} className={inputClasses} />}
      </Field>
      <MessageTextField label={kind === 'clarification' ? 'Your question' : 'Your message'} value={body} onChange={setBody} error={errors.body ?? byField.body} rows={4} />
      {general && (
        <p role="alert" className="text-red-800">
          {general}
        </p>
      )}
      {draftable && (
        <p id={`${id}-draft-hint`} className="text-sm text-slate-700">
          A draft is saved for you alone and published with your decision, or from the review bar with your other drafts.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {draftable && (
          <button type="submit" className={buttonClasses.primary} aria-describedby={`${id}-draft-hint`} onClick={() => (intent.current = 'draft')}>
            {drafting.isPending ? 'Saving…' : 'Save as draft'}
          </button>
        )}
        <button type="submit" className={draftable ? buttonClasses.secondary : buttonClasses.primary} onClick={() => (intent.current = 'publish')}>
          {opening.isPending ? 'Saving…' : kind === 'clarification' ? 'Ask for clarification' : kind === 'finding' ? 'Record finding' : 'Add comment'}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
