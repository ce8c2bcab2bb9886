import { useQuery } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { decisionMeanings } from '../../../../domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '../../../../domain/contracts/packages.ts';
import { roleLabels, type Role } from '../../../../domain/contracts/roles.ts';
import type { User } from '../../../../domain/contracts/users.ts';
import { contentHash } from '../../../../domain/package/content-hash.ts';
import { buttonClasses } from '../../../components/ui/button.ts';
import { Field, inputClasses } from '../../../components/ui/field.tsx';
import { useModalDialog } from '../../../components/ui/use-modal-dialog.ts';
import { isApiProblem } from '../../../lib/api-problem.ts';
import { describeError } from '../../../lib/describe-error.ts';
import { issueSigningNonce } from '../api/issue-signing-nonce.ts';
import { usePasskeys } from '../api/passkeys.ts';
import { useSignDecision } from '../api/sign-decision.ts';
import { buildEmergencyPayload, emergencyDraftProblems } from '../build-payload.ts';
import { assertWithPasskey } from '../passkey-assertion.ts';
import { legalStatement } from './legal-statement.ts';

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
  const ref = useModalDialog(true);
  const titleId = useId();
  const warningId = useId();
  const hash = useQuery({ queryKey: ['signing', 'content-hash', pkg.id, version.number], queryFn: () => contentHash(version.content), staleTime: Infinity });
  const [incidentRef, setIncidentRef] = useState('');
  const [justification, setJustification] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const signing = useSignDecision();
  const [clientError, setClientError] = useState<unknown>(null);
  const passkeys = usePasskeys();
  const hasPasskey = (passkeys.data?.length ?? 0) > 0;
  const [method, setMethod] = useState<'passkey' | 'password' | null>(null);
  const chosen = method ?? (hasPasskey ? 'passkey' : 'password');

  const error: unknown = signing.error ?? clientError;
  const server = isApiProblem(error) ? error : null;
  const errorAt = (pointer: string) => local[pointer] ?? server?.fieldError(pointer);
  // The whole message, unless every field problem shows beside a field of this dialog.
  const general = error && !(server && server.fieldErrors.length > 0 && server.fieldErrors.every((e) => shownPointers.includes(e.pointer))) ? describeError(error) : undefined;
  const draft = { role, justification, incidentRef };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signing.isPending || !hash.data) return;
    const problems = emergencyDraftProblems(draft);
    if (!understood) problems[understoodPointer] = 'Confirm that you understand what an emergency approval does';
    if (chosen === 'password' && !password) problems['/authentication/password'] = 'Enter your password to sign';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    signing.reset();
    setClientError(null);
    try {
      const nonce = await issueSigningNonce(pkg.id);
      const payload = buildEmergencyPayload({ packageId: pkg.id, versionNumber: version.number, contentHash: hash.data, signer, draft, nonce });
      const authentication = chosen === 'passkey' ? await assertWithPasskey(payload, passkeys.data?.map((p) => p.credentialId) ?? []) : ({ method: 'password', password } as const);
      await signing.mutateAsync({ payload, authentication });
      onClose();
    } catch (failure) {
      // The server's refusals show from signing.error; the browser's (a nonce, a cancelled passkey) here.
      if (!signing.isError) setClientError(failure);
    }
  };

  return (
    <dialog ref={ref} aria-labelledby={titleId} aria-describedby={warningId} onClose={onClose} className="m-auto w-full max-w-2xl rounded-md border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40">
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-5 p-6">
        <h2 id={titleId} className="text-xl font-bold">
          Sign: Emergency approval
        </h2>
        <div id={warningId} className="space-y-2 rounded-md border-l-4 border-orange-600 bg-orange-50 p-3 text-orange-950">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>This makes version {version.number} deployable now, before its review chain has completed.
          </p>
          <p>
            It approves no step: every step stays open as the follow-up review, which stays visible on the package, the dashboard and the reviewers&apos; inboxes until the chain
            approves this version (or a later one). A rejection in the follow-up withdraws it. Use it only for an incident that cannot wait.
          </p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
          <dt className="font-semibold">Model</dt>
          <dd>
            {pkg.modelName} {pkg.versionLabel}
          </dd>
          <dt className="font-semibold">Package version</dt>
          <dd>Version {version.number}</dd>
          <dt className="font-semibold">Content hash</dt>
          <dd>{hash.data ? <code title={hash.data}>SHA-256 {hash.data.slice(0, 16)}…</code> : hash.isError ? 'could not be computed' : 'computing…'}</dd>
          <dt className="font-semibold">Decision</dt>
          <dd>{decisionMeanings.emergency_approve}</dd>
          <dt className="font-semibold">Signer</dt>
          <dd>
            {signer.displayName}
            {signer.title && `, ${signer.title}`} — {roleLabels[role]}
          </dd>
          <dt className="font-semibold">Template</dt>
          <dd>
            {pkg.template.name} (version {pkg.template.version})
          </dd>
        </dl>

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
              aria-describedby={errorAt(understoodPointer) ? `${titleId}-understood-error` : undefined}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            <span>I understand that this emergency approval is permanent, that it does not replace the review chain, and that the follow-up review must be completed.</span>
          </label>
          {errorAt(understoodPointer) && (
            <p id={`${titleId}-understood-error`} className="text-red-800">
              {errorAt(understoodPointer)}
            </p>
          )}
        </div>

        {hasPasskey && (
          <fieldset className="space-y-1">
            <legend className="font-semibold">Sign with</legend>
            {(['passkey', 'password'] as const).map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input type="radio" name="emergency-signing-method" value={option} checked={chosen === option} onChange={() => setMethod(option)} />
                {option === 'passkey' ? 'My passkey (fingerprint, face or device PIN)' : 'My password'}
              </label>
            ))}
          </fieldset>
        )}
        {chosen === 'password' && (
          <Field label="Your password" hint="Signing asks for your password again, so the signature is yours and made now." error={errorAt('/authentication/password')}>
            {(props) => <input {...props} type="password" autoComplete="current-password" className={inputClasses} value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
        )}
        {chosen === 'passkey' && errorAt('/authentication') && <p className="text-red-800">{errorAt('/authentication')}</p>}

        {general && (
          <p role="alert" className="border-l-4 border-red-700 pl-3 text-red-900">
            {general}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClasses.primary} disabled={!hash.data}>
            {signing.isPending ? 'Signing…' : 'Sign emergency approval'}
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
