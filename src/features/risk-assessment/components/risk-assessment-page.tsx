import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { controlEffectivenessSchema, riskCategories, type CategoryAssessment, type TieringMethod } from '#domain/contracts/risk-assessment.ts';
import { computeTier } from '#domain/policy/risk-tiering.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { Breadcrumb } from '#src/components/ui/breadcrumb.tsx';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { FormFailureSummary } from '#src/components/ui/form-failure-summary.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePackage } from '#src/lib/get-package.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useRiskAssessments } from '../api/list-risk-assessments.ts';
import { useRecordRiskAssessment } from '../api/record-risk-assessment.ts';
import { isPackageOwner } from '../package-owner.ts';
import { loosenRefusal } from '../approver-loosening.ts';
import { categoryLabels, controlLabels, fieldErrorOf, impactLabels, likelihoodLabels, methodKindLabels } from '../labels.ts';

const scale = [1, 2, 3, 4, 5] as const;

/** The summary names each problem's category: six "Say why" would not say where. */
function summaryErrors(error: unknown, answers: readonly CategoryAssessment[]): FieldProblem[] {
  if (!isApiProblem(error)) return [];
  return error.fieldErrors.map((e) => {
    const answer = answers[Number(/^\/answers\/(\d+)\//.exec(e.pointer)?.[1] ?? -1)];
    return answer ? { ...e, message: `${categoryLabels[answer.category]}: ${e.message}` } : e;
  });
}

function blankAnswers(): CategoryAssessment[] {
  return riskCategories.map((category) => ({ category, likelihood: 1, impact: 1, controls: 'none', rationale: '' }));
}

/** The intake questionnaire: likelihood, impact, controls and why, per category; the server scores it. */
export function RiskAssessmentPage() {
  const { id = '' } = useParams();
  const pkg = usePackage(id);
  const assessments = useRiskAssessments(id);
  const name = pkg.data ? `${pkg.data.modelName} ${pkg.data.versionLabel}` : 'Package';
  usePageTitle(`Risk assessment of ${name}`);
  const latest = assessments.data?.items.at(-1);
  const viewer = useViewer();
  const proposing = Boolean(pkg.data && viewer && isPackageOwner(pkg.data, viewer.id));
  return (
    <div className="space-y-6">
      <Breadcrumb trail={[{ label: 'Inbox', to: '/' }, { label: pkg.data?.modelName ?? 'Package', to: `/packages/${id}` }]} current="Risk assessment" />
      <PageHeading>Risk assessment of {name}</PageHeading>
      <div aria-busy={assessments.isFetching} className="space-y-6">
        {assessments.isPending && <LoadingNotice>Loading the tiering method…</LoadingNotice>}
        {assessments.isError && <ErrorNotice title="The risk assessments could not be loaded." error={assessments.error} onRetry={() => void assessments.refetch()} retrying={assessments.isFetching} />}
        {assessments.data && (
          <>
            <p>
              Scored by <strong>{assessments.data.method.name}</strong> (version {assessments.data.method.version}), a {methodKindLabels[assessments.data.method.kind]}. Each category&apos;s inherent score is likelihood × impact; partly effective controls take off{' '}
              {Math.round(assessments.data.method.controlReduction.partial * 100)}%, effective ones {Math.round(assessments.data.method.controlReduction.effective * 100)}%.
            </p>
            {proposing && (
              <p id="risk-proposal-note" className="rounded-md border border-sky-300 bg-sky-50 p-3">
                You own this package, so your answers are a proposal: they are kept and shown to the reviewers, but the tier, the workflow and the policy that apply come from model risk management&apos;s assessment (segregation of duties). You may ask for another tier on that assessment, which model risk management confirms.
              </p>
            )}
            <AssessmentForm packageId={id} initial={latest ? latest.answers : blankAnswers()} proposing={proposing} method={assessments.data.method} refusal={(tier) => (pkg.data && viewer && !proposing ? loosenRefusal(pkg.data, viewer.id, tier) : null)} />
          </>
        )}
      </div>
    </div>
  );
}

interface ScaleProps {
  label: string;
  words: readonly string[];
  value: number;
  error: string | undefined;
  onChange: (value: number) => void;
}

/** A 1-to-5 scale, each step named ("4 – Likely"). */
function ScaleField({ label, words, value, error, onChange }: ScaleProps) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} className={inputClasses} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          {scale.map((n) => (
            <option key={n} value={n}>
              {n} – {words[n - 1]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface FormProps {
  packageId: string;
  initial: CategoryAssessment[];
  proposing: boolean;
  method: TieringMethod;
  /** Why the server would refuse an assessment giving this tier to the viewer (0174 amended), or null. */
  refusal: (tier: number) => string | null;
}

function AssessmentForm({ packageId, initial, proposing, method, refusal }: FormProps) {
  const [answers, setAnswers] = useState(initial);
  // Scored here as the server scores it, only to say before the attempt why it would be refused (0183).
  const refused = refusal(computeTier(answers, method).computedTier);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const recording = useRecordRiskAssessment();
  const navigate = useNavigate();
  useFocusFirstInvalid(formRef, recording.error);
  const at = (i: number, field: string) => fieldErrorOf(recording.error, `/answers/${i}/${field}`);
  const change = (i: number, patch: Partial<CategoryAssessment>) => setAnswers((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (recording.isPending) return;
    recording.mutate({ packageId, request: { answers } }, { onSuccess: (a) => void navigate(`/packages/${packageId}`, { state: { riskAssessed: a.number } }) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      <FormFailureSummary summaryRef={summaryRef} error={recording.error} title="The assessment was not recorded." errors={summaryErrors(recording.error, answers)} />
      {answers.map((answer, i) => (
        <fieldset key={answer.category} className="space-y-4 rounded-md border border-slate-300 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{categoryLabels[answer.category]}</legend>
          <div className="grid gap-4 md:grid-cols-3">
            <ScaleField label="Likelihood" words={likelihoodLabels} value={answer.likelihood} error={at(i, 'likelihood')} onChange={(likelihood) => change(i, { likelihood })} />
            <ScaleField label="Impact" words={impactLabels} value={answer.impact} error={at(i, 'impact')} onChange={(impact) => change(i, { impact })} />
            <Field label="Controls" error={at(i, 'controls')}>
              {(props) => (
                <select {...props} className={inputClasses} value={answer.controls} onChange={(e) => change(i, { controls: controlEffectivenessSchema.parse(e.target.value) })}>
                  {controlEffectivenessSchema.options.map((c) => (
                    <option key={c} value={c}>
                      {controlLabels[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label="Rationale" hint="What the scores rest on: evidence, controls in place." error={at(i, 'rationale')}>
            {(props) => <textarea {...props} rows={2} className={inputClasses} value={answer.rationale} onChange={(e) => change(i, { rationale: e.target.value })} />}
          </Field>
        </fieldset>
      ))}
      {refused && (
        <p id="risk-approver-note" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          {refused}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClasses.primary} disabled={recording.isPending || refused !== null} aria-describedby={proposing ? 'risk-proposal-note' : refused ? 'risk-approver-note' : undefined}>
          {recording.isPending ? 'Recording…' : proposing ? 'Record the proposal' : 'Record the assessment'}
        </button>
        <Link to={`/packages/${packageId}`} className={buttonClasses.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
