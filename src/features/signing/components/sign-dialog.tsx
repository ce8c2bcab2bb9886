import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { decisionMeanings, type Concern, type DecisionKind } from '#domain/contracts/decisions.ts';
import type { OnBehalfOf } from '#domain/contracts/delegations.ts';
import type { PackageDetail, PackageVersion, StepState } from '#domain/contracts/packages.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { User } from '#domain/contracts/users.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { buildPayload, draftProblems, type DecisionDraft } from '../build-payload.ts';
import { useSigningSubmission } from '../use-signing-submission.ts';
import { legalStatement } from './legal-statement.ts';
import { SignedVersionRows } from './signed-version-rows.tsx';
import { SigningActions } from './signing-actions.tsx';
import { SignErrorSummary } from './sign-error-summary.tsx';
import { SigningAuthentication } from './signing-authentication.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isGatedDecision, overrideOf } from '#domain/workflow/approval-gates.ts';
import { ApprovalGateChecklist } from './approval-gate-checklist.tsx';
import type { SignedGovernance } from '#domain/contracts/signatures.ts';
import { governed, useSignedGovernance } from '../api/signed-governance.ts';
import { ObligationsFieldset, obligationsOf, type ObligationDraft } from './obligations-fieldset.tsx';

/** The policy version and risk tier signed with the decision, as the signer reads them. */
function governanceText(g: SignedGovernance | undefined, failed: boolean): string {
  if (!g) return failed ? 'The policy check and risk tier could not be loaded; close and open the dialog again.' : 'Loading the policy check and risk tier…';
  const policy = g.policy ? `Policy ${g.policy.key} version ${g.policy.version}` : 'No governance policy';
  const tier = g.riskAssessment ? `risk tier ${g.riskAssessment.tier} by ${g.riskAssessment.method.key} version ${g.riskAssessment.method.version}` : 'no risk assessment';
  return `${policy}; ${tier}`;
}

/** Who may owe a condition, as the client knows them: whoever submitted a version (the server checks the package's owner too). */
function ownerTeam(pkg: PackageDetail) {
  return [...new Map(pkg.versions.map((v) => [v.submittedBy.id, v.submittedBy])).values()];
}

interface Props {
  pkg: PackageDetail;
  version: PackageVersion;
  step: StepState;
  signer: User;
  decision: DecisionKind;
  /** Set when the signer acts in the step's role by delegation (delegations). */
  /** A delegate's decision: the delegation and whose role it is, signed in the payload. */
  onBehalfOf?: OnBehalfOf | undefined;
  /** The signer's drafted comments on the package: the server publishes them with the decision. */
  unpublished?: number;
  onClose: () => void;
}


/**
 * The sign dialog: exactly what is signed (model, version, content hash computed here,
 * step, decision and its meaning, conditions or concerns, reason, printed name and role),
 * then re-authentication. Problems show next to their field; nothing is stored until the
 * server has verified everything.
 */
export function SignDialog({ pkg, version, step, signer, decision, onBehalfOf, unpublished = 0, onClose }: Props) {
  // Open for as long as it is mounted: the panel mounts it to sign and unmounts it after.
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState('');
  const [reReviewOn, setReReviewOn] = useState('');
  const [conditionsText, setConditionsText] = useState('');
  const [obligationDrafts, setObligationDrafts] = useState<ObligationDraft[]>([]);
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [concerns, setConcerns] = useState<Concern[]>([{ sectionKey: version.content.sections[0]?.key ?? '', concern: '', requiredChange: '' }]);
  const { hash, pending, error, server, errorAt, authentication, submit, messages, failure } = useSigningSubmission({ pkg, version, ssoOnly: signer.sso === true, onSigned: onClose });
  const governance = useSignedGovernance(pkg.id, version.number, version.policy);
  const governanceRef = useRef(governance.data);
  useEffect(() => {
    governanceRef.current = governance.data;
  }, [governance.data]);
  const general = error && !(server && server.fieldErrors.length > 0) ? describeError(error) : undefined;

  // The blockers the server named in its last refusal are the newest; otherwise the package's.
  const blockers = isGatedDecision(decision) ? (server?.problem.blockers ?? pkg.approvalBlockers) : [];
  const blocked = blockers.length > 0;
  const tracked = decision === 'approve_with_conditions' ? obligationsOf(obligationDrafts) : { obligations: [], problems: {} };
  const draft: DecisionDraft = {
    decision,
    reason,
    conditions: decision === 'approve_with_conditions' ? { scope: scope.trim(), reReviewOn, text: conditionsText } : null,
    concerns,
    blocked,
    override: blocked && overriding ? overrideOf(blockers, overrideReason) : undefined,
    obligations: tracked.obligations,
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // What the decision is made under, as loaded when the payload is built (after the nonce);
    // the server refuses one that is not what it stores.
    // Signed with what it is made under (decision record 0115): still loading, it is waited for.
    void governed(governanceRef.current, governance.refetch).then((under) => submit({ ...draftProblems(draft), ...tracked.problems }, (nonce, contentHash) => buildPayload({ packageId: pkg.id, versionNumber: version.number, contentHash, step, signer, draft, nonce, onBehalfOf, governance: under })));
  };

  const updateConcern = (index: number, change: Partial<Concern>) => setConcerns((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <ModalDialog onClose={onClose} width="2xl">
      <form onSubmit={onSubmit} noValidate className="space-y-5 p-6">
        <DialogTitle className="text-xl font-bold">Sign: {decisionMeanings[decision]}</DialogTitle>
        <SignErrorSummary
          messages={messages}
          attemptsLeft={server?.problem.attemptsLeft}
          failure={failure}
          general={
            general && (
              <>
                {general}
                {server?.problem.diff && (
                  <>
                    {' '}
                    <Link to={server.problem.diff}>See what changed</Link>
                  </>
                )}
              </>
            )
          }
        />
        <DefinitionList layout="compact" className="rounded-md bg-slate-50 p-4 text-sm">
          <SignedVersionRows pkg={pkg} version={version} hash={hash} copyable />
          <Definition term="Step">
            {step.name} ({roleLabels[step.role]})
          </Definition>
          <Definition term="Decision">{decisionMeanings[decision]}</Definition>
          <Definition term="Under">{governanceText(governance.data, governance.isError)}</Definition>
          <Definition term="Signer">
            {signer.displayName}
            {signer.title && `, ${signer.title}`} — {roleLabels[step.role]}
          </Definition>
          {onBehalfOf && (
            <Definition term="On behalf of">
              Signing as delegate of {onBehalfOf.delegator.displayName} ({roleLabels[step.role]})
            </Definition>
          )}
        </DefinitionList>
        {unpublished > 0 && <p className="text-sm text-slate-800">{unpublished === 1 ? '1 unpublished comment will be published with this decision.' : `${unpublished} unpublished comments will be published with this decision.`}</p>}

        {blocked && <ApprovalGateChecklist blockers={blockers} overriding={overriding} setOverriding={setOverriding} reason={overrideReason} setReason={setOverrideReason} errorAt={errorAt} />}

        {decision === 'approve_with_conditions' && (
          <fieldset className="space-y-3">
            <legend className="font-semibold">Conditions</legend>
            <Field label="Scope the approval is limited to" error={errorAt('/payload/conditions/scope')}>
              {(props) => <input {...props} className={inputClasses} value={scope} onChange={(e) => setScope(e.target.value)} />}
            </Field>
            <Field label="Re-review date" error={errorAt('/payload/conditions/reReviewOn')}>
              {(props) => <input {...props} type="date" className={inputClasses} value={reReviewOn} onChange={(e) => setReReviewOn(e.target.value)} />}
            </Field>
            <Field label="Further conditions (optional)" error={errorAt('/payload/conditions/text')}>
              {(props) => <textarea {...props} rows={2} className={inputClasses} value={conditionsText} onChange={(e) => setConditionsText(e.target.value)} />}
            </Field>
          </fieldset>
        )}
        {decision === 'approve_with_conditions' && <ObligationsFieldset drafts={obligationDrafts} setDrafts={setObligationDrafts} team={ownerTeam(pkg)} errorAt={errorAt} />}

        {decision === 'reject' && (
          <fieldset className="space-y-3">
            <legend className="font-semibold">Concerns</legend>
            {errorAt('/payload/concerns') && <p className="text-red-800">{errorAt('/payload/concerns')}</p>}
            {concerns.map((concern, index) => (
              <div key={index} className="space-y-2 rounded-md border border-slate-300 p-3">
                <Field label={`Concern ${index + 1}: section`} error={errorAt(`/payload/concerns/${index}/sectionKey`)}>
                  {(props) => (
                    <select {...props} className={inputClasses} value={concern.sectionKey} onChange={(e) => updateConcern(index, { sectionKey: e.target.value })}>
                      {version.content.sections.map((section) => (
                        <option key={section.key} value={section.key}>
                          {section.title}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="What is wrong" error={errorAt(`/payload/concerns/${index}/concern`)}>
                  {(props) => <textarea {...props} rows={2} className={inputClasses} value={concern.concern} onChange={(e) => updateConcern(index, { concern: e.target.value })} />}
                </Field>
                <Field label="What must change" error={errorAt(`/payload/concerns/${index}/requiredChange`)}>
                  {(props) => <textarea {...props} rows={2} className={inputClasses} value={concern.requiredChange} onChange={(e) => updateConcern(index, { requiredChange: e.target.value })} />}
                </Field>
                {concerns.length > 1 && (
                  <button type="button" className="text-sm font-semibold text-blue-800 underline" onClick={() => setConcerns((list) => list.filter((_, i) => i !== index))}>
                    Remove concern {index + 1}
                  </button>
                )}
              </div>
            ))}
            <button type="button" className={buttonClasses.secondary} onClick={() => setConcerns((list) => [...list, { sectionKey: version.content.sections[0]?.key ?? '', concern: '', requiredChange: '' }])}>
              Add a concern
            </button>
          </fieldset>
        )}

        {decision === 'request_clarification' && (
          <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
            This decision pauses your step until the model owner answers. It points to the clarification requests open on this version: ask your questions first with{' '}
            <span className="font-semibold">Annotate</span> → <span className="font-semibold">Clarification request</span> on the sections concerned
            {pkg.openClarifications > 0 ? ` (${pkg.openClarifications} open now).` : ' (none is open now, so this decision would be refused).'}
          </p>
        )}
        <Field label={decision === 'approve' ? 'Reason (optional)' : 'Reason'} error={errorAt('/payload/reason')}>
          {(props) => <textarea {...props} rows={3} className={inputClasses} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>

        <p className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3">{legalStatement}</p>

        <SigningAuthentication state={authentication} errorAt={errorAt} radioName="signing-method" focusPassword={decision === 'approve' && !blocked} />

        <SigningActions
          submitLabel={pending ? 'Signing…' : `Sign: ${decisionMeanings[decision]}`}
          disabled={!hash.data || authentication.needsPasskey}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
