import { useRef, useState, type SyntheticEvent } from 'react';
import { catalogueDone, catalogueVerb, useCatalogueProposes } from '#src/lib/catalogue-proposes.ts';
import { Link, useNavigate } from 'react-router';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { modelTypeLabels, modelTypeSchema } from '#domain/contracts/sections.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { CheckboxGroup } from '#src/components/ui/checkbox-group.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { PublishDialog } from '#src/components/ui/publish-dialog.tsx';
import { ProposedNotice } from '#src/components/ui/proposed-notice.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { FormFailureSummary } from '#src/components/ui/form-failure-summary.tsx';
import { errorAt } from '#src/lib/field-error.ts';
import { usePublishPolicy } from '../api/publish-policy.ts';
import { requestFromDraft, type PolicyDraft } from '../policy-draft.ts';
import { EvidenceRows } from './evidence-rows.tsx';
import { RequirementRows } from './requirement-rows.tsx';

// One form for a new policy and for the next version of one. The server's problems come back
// beside their fields; nothing is published before the administrator confirms.

const tierOptions = [1, 2, 3, 4].map((tier) => ({ value: tier, label: `Tier ${tier}` }));
const modelTypeOptions = modelTypeSchema.options.map((value) => ({ value, label: modelTypeLabels[value] }));

interface Props {
  initial: PolicyDraft;
  /** 0 for a new policy; otherwise the current version, which this one follows. */
  replacesVersion: number;
  cancelTo: string;
}

export function PolicyForm({ initial, replacesVersion, cancelTo }: Props) {
  const [draft, setDraft] = useState<PolicyDraft>(initial);
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const publish = usePublishPolicy();
  const navigate = useNavigate();
  const at = (pointer: string) => errorAt(errors, pointer);
  const isNew = replacesVersion === 0;
  const next = replacesVersion + 1;
  const name = draft.name.trim() || draft.key || 'this policy';
  const proposes = useCatalogueProposes();
  const verb = catalogueVerb(proposes);

  function confirm() {
    publish.mutate(requestFromDraft(draft, replacesVersion), {
      onSuccess: (outcome) => {
        if (outcome.proposed) {
          setConfirming(false);
          setErrors([]);
          return;
        }
        void navigate(`/admin/policies/${outcome.result.policy.key}`, { state: { published: outcome.result.policy.version } });
      },
      onError: (error) => {
        setConfirming(false);
        setErrors(isApiProblem(error) ? error.fieldErrors : []);
        queueMicrotask(() => summaryRef.current?.focus());
      },
    });
  }

  function review(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    publish.reset();
    setConfirming(true);
  }

  return (
    <form noValidate onSubmit={review} className="space-y-6">
      {publish.data?.proposed && <ProposedNotice />}
      <FormFailureSummary summaryRef={summaryRef} error={publish.error} title={isNew ? `The policy was not ${catalogueDone(proposes)}.` : `Version ${next} was not ${catalogueDone(proposes)}.`} errors={errors} />
      {isNew && (
        <Field label="Key" hint='Lowercase letters, digits, "_" or "-", starting with a letter. It names the policy for good.' error={at('/key')}>
          {(props) => <input {...props} className={inputClasses} autoComplete="off" spellCheck={false} value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} />}
        </Field>
      )}
      <Field label="Name" error={at('/name')}>
        {(props) => <input {...props} className={inputClasses} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <CheckboxGroup legend="Risk tiers it applies to" options={tierOptions} checked={draft.riskTiers} onChange={(riskTiers) => setDraft({ ...draft, riskTiers })} error={at('/scope/riskTiers')} />
      <Field label="Business lines" hint="One per line, each spelled as on the Business lines page. Leave empty for every business line of these tiers." error={at('/scope/businessLines')}>
        {(props) => <textarea {...props} rows={2} className={inputClasses} value={draft.businessLines} onChange={(e) => setDraft({ ...draft, businessLines: e.target.value })} />}
      </Field>
      <CheckboxGroup
        legend="Model types it applies to (none checked: every type, and packages stating none)"
        options={modelTypeOptions}
        checked={draft.modelTypes}
        onChange={(modelTypes) => setDraft({ ...draft, modelTypes })}
        error={at('/scope/modelTypes')}
      />
      <p className="max-w-prose text-sm text-slate-700">
        The most specific policy applies: one naming both a business line and a model type before one naming either, before one naming neither. A scope that would leave some package two policies at the same level is refused.
      </p>
      <fieldset className="space-y-1">
        <legend className="font-semibold">When a blocking requirement is not met at submission</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="onBlockingFailure" checked={draft.onBlockingFailure === 'refuse'} onChange={() => setDraft({ ...draft, onBlockingFailure: 'refuse' })} />
          Refuse the submission (the owner sees each failure at its field)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="onBlockingFailure" checked={draft.onBlockingFailure === 'enter_review_flagged'} onChange={() => setDraft({ ...draft, onBlockingFailure: 'enter_review_flagged' })} />
          Let it enter review, flagged for the reviewers
        </label>
      </fieldset>
      <RequirementRows kind="metrics" title="Required metrics" explanation="Checked against the package's metric tables, by metric key. The owner's own thresholds are shown beside these, never used to decide." rows={draft.metrics} errors={errors} onChange={(metrics) => setDraft({ ...draft, metrics })} />
      <RequirementRows kind="subgroupMetrics" title="Subgroup metrics" explanation="Checked for every subgroup row of the package's fairness tables (for example a disparate impact ratio of at least 0.8 per protected-class proxy)." rows={draft.subgroupMetrics} errors={errors} onChange={(subgroupMetrics) => setDraft({ ...draft, subgroupMetrics })} />
      <Field label="Required sections beyond the fixed ones" hint="Section keys, one per line (blocking)." error={at('/requiredSections')}>
        {(props) => <textarea {...props} rows={2} className={inputClasses} value={draft.requiredSections} onChange={(e) => setDraft({ ...draft, requiredSections: e.target.value })} />}
      </Field>
      <EvidenceRows rows={draft.requiredEvidence} errors={errors} onChange={(requiredEvidence) => setDraft({ ...draft, requiredEvidence })} />
      {!isNew && (
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" checked={draft.appliesToPackagesInReview} onChange={(e) => setDraft({ ...draft, appliesToPackagesInReview: e.target.checked })} />
          Also check packages already in review under an earlier version, or never checked against a policy, now: their check, and whether they may be approved, changes at publication
        </label>
      )}
      <div className="flex gap-3">
        <button type="submit" className={buttonClasses.primary}>
          {isNew ? `${verb} policy…` : `${verb} version ${next}…`}
        </button>
        <Link to={cancelTo} className={buttonClasses.secondary}>
          Cancel
        </Link>
      </div>
      {confirming && (
        <PublishDialog
          title={isNew ? `${verb} the new policy ${name}?` : `${verb} version ${next} of ${name}?`}
          explanation="A published version is never edited. Submissions from now on are checked against it; a package keeps the version it was checked against."
          confirmLabel={isNew ? `${verb} policy` : `${verb} version ${next}`}
          publishing={publish.isPending}
          proposes={proposes}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
