import { useRef, useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { FieldProblem } from '../../../../domain/contracts/problem.ts';
import { reviewerRoles, roleLabels } from '../../../../domain/contracts/roles.ts';
import type { TemplateVersionEntry } from '../../../../domain/contracts/template-admin.ts';
import { buttonClasses } from '../../../components/ui/button.ts';
import { ErrorNotice } from '../../../components/ui/error-notice.tsx';
import { Field, inputClasses } from '../../../components/ui/field.tsx';
import { LoadingNotice } from '../../../components/ui/loading-notice.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { isApiProblem } from '../../../lib/api-problem.ts';
import { describeError } from '../../../lib/describe-error.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useCreateTemplateVersion } from '../api/create-template-version.ts';
import { useTemplateVersions } from '../api/list-templates.ts';
import { draftFrom, emptyStep, errorAt, requestFrom, type TemplateDraft } from '../template-draft.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { PublishDialog } from './publish-dialog.tsx';
import { StepEditor } from './step-editor.tsx';

const tierOptions = [1, 2, 3, 4].map((tier) => ({ value: tier, label: `Tier ${tier}` }));
const emergencyOptions = reviewerRoles.map((role) => ({ value: role, label: roleLabels[role] }));

function NewVersionForm({ current }: { current: TemplateVersionEntry }) {
  const [draft, setDraft] = useState<TemplateDraft>(() => draftFrom(current.template));
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateTemplateVersion();
  const navigate = useNavigate();
  const next = current.template.version + 1;
  const at = (pointer: string) => errorAt(errors, pointer);

  function publish() {
    create.mutate(requestFrom(draft), {
      onSuccess: (entry) => void navigate(`/admin/templates/${entry.template.key}`, { state: { published: entry.template.version } }),
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

  const failed = create.isError;
  return (
    <form noValidate onSubmit={review} className="space-y-6">
      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {failed && (
          <div role="alert" className="space-y-2 rounded-md border-l-4 border-red-700 bg-white p-4">
            <p className="font-semibold text-red-900">Version {next} was not published.</p>
            {errors.length > 0 ? (
              <ul className="list-disc pl-6">
                {errors.map((e) => (
                  <li key={`${e.pointer}-${e.message}`}>{e.message}</li>
                ))}
              </ul>
            ) : (
              <p>{describeError(create.error)}</p>
            )}
          </div>
        )}
      </div>
      <Field label="Name" error={at('/name')}>
        {(props) => <input {...props} className={inputClasses} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <CheckboxGroup legend="Risk tiers" options={tierOptions} checked={draft.riskTiers} onChange={(riskTiers) => setDraft({ ...draft, riskTiers })} error={at('/riskTiers')} />
      <Field label="Business lines" hint="One per line. Leave empty for every business line of these tiers." error={at('/businessLines')}>
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
      <section aria-labelledby="steps-heading" className="space-y-4">
        <h2 id="steps-heading" className="text-xl font-semibold">
          Steps, in order
        </h2>
        {at('/steps') && errors.some((e) => e.pointer === '/steps') && <p className="text-red-800">{at('/steps')}</p>}
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
          Publish version {next}…
        </button>
        <Link to={`/admin/templates/${current.template.key}`} className={buttonClasses.secondary}>
          Cancel
        </Link>
      </div>
      {confirming && <PublishDialog version={next} name={draft.name || current.template.name} publishing={create.isPending} onConfirm={publish} onCancel={() => setConfirming(false)} />}
    </form>
  );
}

/** An administrator drafts the next version from the current one and publishes it. */
export function NewVersionPage() {
  const { key = '' } = useParams();
  const versions = useTemplateVersions(key);
  const current = versions.data?.find((v) => v.current);
  usePageTitle(current ? `New version of ${current.template.name}` : 'New template version');
  if (versions.data && !current) return <NotFound title="Template not found" detail={`There is no workflow template "${key}".`} />;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/templates/${key}`}>Back to the template</Link>
      </p>
      <PageHeading>{current ? `New version of ${current.template.name}` : 'New template version'}</PageHeading>
      {current && <p className="max-w-prose text-slate-700">Starts from version {current.template.version}. A new version applies to packages submitted from now on; existing packages keep theirs.</p>}
      <div aria-busy={versions.isFetching}>
        {versions.isPending && <LoadingNotice>Loading the template…</LoadingNotice>}
        {versions.isError && <ErrorNotice title="The template could not be loaded." error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />}
        {current && <NewVersionForm current={current} />}
      </div>
    </div>
  );
}
