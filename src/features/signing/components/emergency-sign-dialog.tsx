import { useId, useState, type SubmitEvent } from 'react';
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { roleLabels, type Role } from '#domain/contracts/roles.ts';
import type { User } from '#domain/contracts/users.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { governed, useSignedGovernance } from '../api/signed-governance.ts';
import { buildEmergencyPayload, emergencyDraftProblems } from '../build-payload.ts';
import { useSigningSubmission } from '../use-signing-submission.ts';
import { legalStatement } from './legal-statement.ts';
import { SignedVersionRows } from './signed-version-rows.tsx';
import { SigningActions } from './signing-actions.tsx';
import { SignErrorSummary } from './sign-error-summary.tsx';
import { SigningAuthentication } from './signing-authentication.tsx';

interface Props {
  pkg: PackageDetail;
  version: PackageVersion;
  signer: User;
  /** The emergency role the signer holds under the package's template. */
  role: Role;
  onClose: () => void;
}

const understoodPointer = '/understood';
const shownPointers: readonly string[] = ['/payload/emergency/incidentRef', '/payload/emergency/justification', '/authentication/password', '/authentication'];

/**
 * The sign dialog's emergency variant: what an emergency approval means and what it does
 * not, then exactly what is signed (model, version, content hash computed here, meaning,
 * role, signer), the justification and incident that are signed with it, a confirmation,
 * and re-authentication. Problems show beside their fields; nothing is stored until the
 * server has checked everything.
 */
export function EmergencySignDialog({ pkg, version, signer, role, onClose }: Props) {
  const warningId = useId();
  const [incidentRef, setIncidentRef] = useState('');
  const [justification, setJustification] = useState('');
  const [understood, setUnderstood] = useState(false);
  const { hash, pending, error, server, errorAt, authentication, submit, messages, failure } = useSigningSubmission({ pkg, version, ssoOnly: signer.sso === true, onSigned: onClose });
  // The whole message, unless every field problem shows beside a field of this dialog.
  const general = error && !(server && server.fieldErrors.length > 0 && server.fieldErrors.every((e) => shownPointers.includes(e.pointer))) ? describeError(error) : undefined;
  const draft = { role, justification, incidentRef };
  // What the approval is made under, signed with it (decision records 0107, 0115).
  const governance = useSignedGovernance(pkg.id, version.number, version.policy);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = emergencyDraftProblems(draft);
    if (!understood) problems[understoodPointer] = 'Confirm that you understand what an emergency approval does';
    void governed(governance.data, governance.refetch).then((under) => submit(problems, (nonce, contentHash) => buildEmergencyPayload({ packageId: pkg.id, versionNumber: version.number, contentHash, signer, draft, nonce, governance: under })));
  };

  return (
    <ModalDialog onClose={onClose} width="2xl" describedBy={warningId}>
      <form onSubmit={onSubmit} noValidate className="space-y-5 p-6">
        <DialogTitle className="text-xl font-bold">Sign: Emergency approval</DialogTitle>
        <SignErrorSummary messages={messages} attemptsLeft={server?.problem.attemptsLeft} failure={failure} general={general} />
        <div id={warningId} className="space-y-2 rounded-md border-l-4 border-orange-600 bg-orange-50 p-3 text-orange-950">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>This makes version {version.number} deployable now, before its review chain has completed.
          </p>
          <p>
            It approves no step: every step stays open as the follow-up review, which stays visible on the package, the dashboard and the reviewers&apos; inboxes until the chain
            approves this version (or a later one). A rejection in the follow-up withdraws it. Use it only for an incident that cannot wait.
          </p>
        </div>
        <DefinitionList layout="compact" className="rounded-md bg-slate-50 p-4 text-sm">
          <SignedVersionRows pkg={pkg} version={version} hash={hash} />
          <Definition term="Decision">{decisionMeanings.emergency_approve}</Definition>
          <Definition term="Signer">
            {signer.displayName}
            {signer.title && `, ${signer.title}`} — {roleLabels[role]}
          </Definition>
          <Definition term="Template">
            {pkg.template.name} (version {pkg.template.version})
          </Definition>
        </DefinitionList>

        <Field label="Incident reference" hint="The ticket of the incident this answers, for example INC-4821." error={errorAt('/payload/emergency/incidentRef')}>
          {(props) => <input {...props} className={inputClasses} value={incidentRef} autoComplete="off" maxLength={64} onChange={(e) => setIncidentRef(e.target.value)} />}
        </Field>
        <Field label="Justification" hint="At least 20 characters: why deployment cannot wait for the review chain. It is signed and kept in the record." error={errorAt('/payload/emergency/justification')}>
          {(props) => <textarea {...props} rows={4} maxLength={4_000} className={inputClasses} value={justification} onChange={(e) => setJustification(e.target.value)} />}
        </Field>

        <p className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3">{legalStatement}</p>

        <div className="space-y-1">
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={understood}
              aria-invalid={errorAt(understoodPointer) ? true : undefined}
              aria-describedby={errorAt(understoodPointer) ? `${warningId}-understood-error` : undefined}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            <span>I understand that this emergency approval is permanent, that it does not replace the review chain, and that the follow-up review must be completed.</span>
          </label>
          {errorAt(understoodPointer) && (
            <p id={`${warningId}-understood-error`} className="text-red-800">
              {errorAt(understoodPointer)}
            </p>
          )}
        </div>

        <SigningAuthentication state={authentication} errorAt={errorAt} radioName="emergency-signing-method" />

        <SigningActions submitLabel={pending ? 'Signing…' : 'Sign emergency approval'} disabled={!hash.data || authentication.needsPasskey} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
