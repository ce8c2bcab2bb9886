import { useId, useRef, useState, type SubmitEvent } from 'react';
import { selectorForPassage } from '#domain/annotations/section-text.ts';
import type { Actor } from '#domain/contracts/decisions.ts';
import { findingSeverities, findingSeverityLabels, findingTypeLabels, findingTypeSchema, type Finding, type FindingSeverity, type FindingType } from '#domain/contracts/findings.ts';
import type { Section } from '#domain/contracts/sections.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useRaiseFinding } from '../api/raise-finding.ts';
import { problemFields } from '../problem-fields.ts';

interface Props {
  packageId: string;
  versionNumber: number;
  sections: readonly Section[];
  ownerTeam: readonly Actor[];
  /** Preselected from a deep link (the review page's "Raise a finding" on a section or passage). */
  initialSection?: string | undefined;
  initialPassage?: string | undefined;
  onRaised: (finding: Finding) => void;
  onCancel: () => void;
}

const fields = { sectionKey: '/sectionKey', passage: '/anchor/exact', title: '/title', description: '/description', severity: '/severity', type: '/type', ownerId: '/ownerId', dueDate: '/dueDate', plan: '/remediationPlan' } as const;

/** Raising a finding on a section of the latest version, or on a passage of it typed or pasted. */
export function RaiseFindingForm({ packageId, versionNumber, sections, ownerTeam, initialSection, initialPassage, onRaised, onCancel }: Props) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [sectionKey, setSectionKey] = useState(sections.some((s) => s.key === initialSection) ? (initialSection ?? '') : (sections[0]?.key ?? ''));
  const [passage, setPassage] = useState(initialPassage ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<FindingSeverity | ''>('');
  const [type, setType] = useState<FindingType>('validation_finding');
  const [ownerId, setOwnerId] = useState(ownerTeam[0]?.id ?? '');
  const [dueDate, setDueDate] = useState('');
  const [plan, setPlan] = useState('');
  const [local, setLocal] = useState<{ passage?: string; severity?: string }>({});
  const raising = useRaiseFinding();
  const { at, general } = problemFields(raising.error, fields);
  useFocusFirstInvalid(formRef, raising.error ?? (local.passage || local.severity ? local : null));
  const section = sections.find((s) => s.key === sectionKey);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (raising.isPending || !section) return;
    const anchor = passage.trim() ? selectorForPassage(section, passage) : null;
    const found = {
      ...(passage.trim() && !anchor ? { passage: `This passage does not occur in “${section.title}”. Copy it exactly from the section.` } : {}),
      // The contract's own words (raiseFindingRequestSchema); the server says the same.
      ...(severity === '' ? { severity: 'A finding needs a severity' } : {}),
    };
    setLocal(found);
    if (found.passage || severity === '') return;
    raising.mutate({ packageId, request: { versionNumber, sectionKey, anchor, title, description, severity, type, ownerId, dueDate, remediationPlan: plan } }, { onSuccess: onRaised });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-blue-800 bg-white p-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        Raise a finding on version {versionNumber}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Section" error={at('sectionKey')}>
          {(props) => (
            <select {...props} className={inputClasses} value={sectionKey} onChange={(e) => setSectionKey(e.target.value)}>
              {sections.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Passage (optional)" hint="Exact words from the section, to anchor the finding to them." error={local.passage ?? at('passage')}>
          {(props) => <input {...props} className={inputClasses} value={passage} onChange={(e) => setPassage(e.target.value)} />}
        </Field>
      </div>
      <Field label="Title" error={at('title')}>
        {(props) => <input {...props} className={inputClasses} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label="Description" error={at('description')}>
        {(props) => <textarea {...props} rows={4} className={inputClasses} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Severity" hint="Critical and high findings block approval until verified." error={local.severity ?? at('severity')}>
          {(props) => (
            <select {...props} className={inputClasses} value={severity} onChange={(e) => setSeverity(e.target.value as FindingSeverity | '')}>
              <option value="">Choose a severity</option>
              {findingSeverities.map((s) => (
                <option key={s} value={s}>
                  {findingSeverityLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Type" error={at('type')}>
          {(props) => (
            <select {...props} className={inputClasses} value={type} onChange={(e) => setType(e.target.value as FindingType)}>
              {findingTypeSchema.options.map((t) => (
                <option key={t} value={t}>
                  {findingTypeLabels[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Owner" hint="A person of the model's owner team." error={at('ownerId')}>
          {(props) => (
            <select {...props} className={inputClasses} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              {ownerTeam.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Due date" hint="From today to five years ahead." error={at('dueDate')}>
          {(props) => <input {...props} type="date" className={inputClasses} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
      </div>
      <Field label="Remediation plan (optional)" error={at('plan')}>
        {(props) => <textarea {...props} rows={2} className={inputClasses} value={plan} onChange={(e) => setPlan(e.target.value)} />}
      </Field>
      {general && (
        <p role="alert" className="text-red-800">
          {general}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClasses.primary} disabled={raising.isPending}>
          {raising.isPending ? 'Raising…' : 'Raise the finding'}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
