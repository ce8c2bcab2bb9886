import { useRef, useState, type SyntheticEvent } from 'react';
import { catalogueDone, catalogueVerb, useCatalogueProposes } from '#src/lib/catalogue-proposes.ts';
import { Link, useNavigate } from 'react-router';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { reviewerRoles, roleLabels } from '#domain/contracts/roles.ts';
import { findingSeverities, findingSeverityLabels } from '#domain/contracts/findings.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { FormFailureSummary } from '#src/components/ui/form-failure-summary.tsx';
import { useCreateTemplateVersion } from '../api/create-template-version.ts';
import { emptyStep, requestFrom, type TemplateDraft } from '../template-draft.ts';
import { errorAt } from '#src/lib/field-error.ts';
import { CheckboxGroup } from '#src/components/ui/checkbox-group.tsx';
import { PublishDialog } from '#src/components/ui/publish-dialog.tsx';
import { ProposedNotice } from '#src/components/ui/proposed-notice.tsx';
import { StepEditor } from './step-editor.tsx';

// One form for both ways of publishing: a new template (the key is typed here, and must be
// free) and the next version of one (the key is fixed). Either way the server's problems come
// back beside their fields, and nothing is published before the administrator confirms.

const tierOptions = [1, 2, 3, 4].map((tier) => ({ value: tier, label: `Tier ${tier}` }));
const severityOptions = findingSeverities.map((severity) => ({ value: severity, label: findingSeverityLabels[severity] }));
const emergencyOptions = reviewerRoles.map((role) => ({ value: role, label: roleLabels[role] }));

interface Props {
  initial: TemplateDraft;
  /** 0 for a new template; otherwise the current version, which this one follows. */
  replacesVersion: number;
  /** Where Cancel goes. */
  cancelTo: string;
}

function wording(replacesVersion: number, draft: TemplateDraft, proposes: boolean) {
  const verb = catalogueVerb(proposes);
  const done = catalogueDone(proposes);
  const name = draft.name.trim() || draft.key || 'this template';
  if (replacesVersion === 0) {
    return {
      submit: `${verb} template…`,
      failed: `The template was not ${done}.`,
      title: `${verb} the new template ${name}?`,
      explanation: `It is published as version 1 under the key "${draft.key}", which cannot change later. Packages of its risk tiers submitted from now on follow it; packages already submitted keep their template.`,
      confirm: `${verb} template`,
    };
  }
  const next = replacesVersion + 1;
  return {
    submit: `${verb} version ${next}…`,
    failed: `Version ${next} was not ${done}.`,
    title: `${verb} version ${next} of ${name}?`,
    explanation: 'A new version applies to packages submitted from now on; existing packages keep theirs.',
    confirm: `${verb} version ${next}`,
  };
}

export function TemplateForm({ initial, replacesVersion: given, cancelTo }: Props) {
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  // The version the draft started from, kept: if a refetch shows a newer one, the server
  // refuses this draft (409) rather than let it silently replace a version nobody here saw.
  const [replacesVersion] = useState(given);
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateTemplateVersion();
  const navigate = useNavigate();
  const at = (pointer: string) => errorAt(errors, pointer);
  const proposes = useCatalogueProposes();
  const words = wording(replacesVersion, draft, proposes);
  const isNew = replacesVersion === 0;

  function publish() {
    create.mutate(requestFrom(draft, replacesVersion), {
      onSuccess: (outcome) => {
        if (outcome.proposed) {
          setConfirming(false);
          setErrors([]);
          return;
        }
        void navigate(`/admin/templates/${outcome.result.template.key}`, { state: { published: outcome.result.template.version } });
      },
      onError: (error) => {
        setConfirming(false);
        setErrors(isApiProblem(error) ? error.fieldErrors : []);
        // After the dialog closes, so the summary is what a screen reader hears next.
        queueMicrotask(() => summaryRef.current?.focus());
      },
    });
  }

  function review(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    setConfirming(true);
  }

  return (
    <form noValidate onSubmit={review} className="space-y-6">
      {create.data?.proposed && <ProposedNotice />}
      <FormFailureSummary summaryRef={summaryRef} error={create.error} title={words.failed} errors={errors} />
      {isNew && (
        <Field label="Key" hint='Lowercase letters, digits, "_" or "-", starting with a letter. It names the template for good: it cannot change later.' error={at('/key')}>
          {(props) => <input {...props} className={inputClasses} autoComplete="off" spellCheck={false} value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} />}
        </Field>
      )}
      <Field label="Name" error={at('/name')}>
        {(props) => <input {...props} className={inputClasses} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <CheckboxGroup legend="Risk tiers" options={tierOptions} checked={draft.riskTiers} onChange={(riskTiers) => setDraft({ ...draft, riskTiers })} error={at('/riskTiers')} />
      <Field label="Business lines" hint="One per line, each spelled as on the Business lines page. Leave empty for every business line of these tiers." error={at('/businessLines')}>
        {(props) => <textarea {...props} rows={2} className={inputClasses} value={draft.businessLines} onChange={(e) => setDraft({ ...draft, businessLines: e.target.value })} />}
      </Field>
      <fieldset className="space-y-1">
        <legend className="font-semibold">Stale approvals</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="staleApprovals" checked={draft.staleApprovals === 'responsible_sections'} onChange={() => setDraft({ ...draft, staleApprovals: 'responsible_sections' })} />
          Only when a section the step is responsible for changed
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="staleApprovals" checked={draft.staleApprovals === 'every_change'} onChange={() => setDraft({ ...draft, staleApprovals: 'every_change' })} />
          On any new version
        </label>
      </fieldset>
      <CheckboxGroup legend="Roles allowed to use the emergency approval path" options={emergencyOptions} checked={draft.emergencyRoles} onChange={(emergencyRoles) => setDraft({ ...draft, emergencyRoles })} error={at('/emergencyRoles')} />
      <CheckboxGroup
        legend="Open findings that block an approval, by severity"
        options={severityOptions}
        checked={draft.blockingFindingSeverities}
        onChange={(blockingFindingSeverities) => setDraft({ ...draft, blockingFindingSeverities })}
        error={at('/blockingFindingSeverities')}
      />
      <fieldset className="space-y-1">
        <legend className="font-semibold">Segregation of duties</legend>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            aria-describedby="segregation-hint"
            checked={draft.allowSameDeciderAcrossSteps}
            onChange={(e) => setDraft({ ...draft, allowSameDeciderAcrossSteps: e.target.checked })}
          />
          Relax it: one person may decide more than one step of a package
        </label>
        <p id="segregation-hint" className="text-sm text-slate-700">
          Off by default: each person decides at most one step of a package version, and a delegate and their delegator count as one. Relaxed, every package and approval record under this template says so.
        </p>
      </fieldset>
      <section aria-labelledby="steps-heading" className="space-y-4">
        <h2 id="steps-heading" className="text-xl font-semibold">
          Steps, in order
        </h2>
        {errors.some((e) => e.pointer === '/steps') && <p className="text-red-800">{at('/steps')}</p>}
        {draft.steps.map((step, i) => (
          <StepEditor
            key={step.uid}
            step={step}
            index={i}
            errors={errors}
            onChange={(changed) => setDraft({ ...draft, steps: draft.steps.map((s) => (s.uid === changed.uid ? changed : s)) })}
            onRemove={() => setDraft({ ...draft, steps: draft.steps.filter((s) => s.uid !== step.uid) })}
          />
        ))}
        <button type="button" className={buttonClasses.secondary} onClick={() => setDraft({ ...draft, steps: [...draft.steps, emptyStep()] })}>
          Add a step
        </button>
      </section>
      <div className="flex gap-3">
        <button type="submit" className={buttonClasses.primary}>
          {words.submit}
        </button>
        <Link to={cancelTo} className={buttonClasses.secondary}>
          Cancel
        </Link>
      </div>
      {confirming && <PublishDialog title={words.title} explanation={words.explanation} confirmLabel={words.confirm} publishing={create.isPending} proposes={proposes} onConfirm={publish} onCancel={() => setConfirming(false)} />}
    </form>
  );
}
