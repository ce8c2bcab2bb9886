import { useQuery } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { decisionMeanings, type Actor, type Concern, type DecisionKind } from '../../../../domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion, StepState } from '../../../../domain/contracts/packages.ts';
import { roleLabels } from '../../../../domain/contracts/roles.ts';
import type { User } from '../../../../domain/contracts/users.ts';
import { contentHash } from '../../../../domain/package/content-hash.ts';
import { buttonClasses } from '../../../components/ui/button.ts';
import { useModalDialog } from '../../../components/ui/use-modal-dialog.ts';
import { isApiProblem } from '../../../lib/api-problem.ts';
import { describeError } from '../../../lib/describe-error.ts';
import { issueSigningNonce } from '../api/issue-signing-nonce.ts';
import { usePasskeys } from '../api/passkeys.ts';
import { useSignDecision } from '../api/sign-decision.ts';
import { buildPayload, draftProblems, type DecisionDraft } from '../build-payload.ts';
import { assertWithPasskey } from '../passkey-assertion.ts';
import { legalStatement } from './legal-statement.ts';
import { Field, inputClasses } from '../../../components/ui/field.tsx';

interface Props {
  pkg: PackageDetail;
  version: PackageVersion;
  step: StepState;
  signer: User;
  decision: DecisionKind;
  /** Set when the signer acts in the step's role by delegation (delegations). */
  onBehalfOf?: Actor | undefined;
  onClose: () => void;
}


/**
 * The sign dialog: exactly what is signed (model, version, content hash computed here,
 * step, decision and its meaning, conditions or concerns, reason, printed name and role),
 * then re-authentication. Problems show next to their field; nothing is stored until the
 * server has verified everything.
 */
export function SignDialog({ pkg, version, step, signer, decision, onBehalfOf, onClose }: Props) {
  // Open for as long as it is mounted: the panel mounts it to sign and unmounts it after.
  const ref = useModalDialog(true);
  const titleId = useId();
  const hash = useQuery({ queryKey: ['signing', 'content-hash', pkg.id, version.number], queryFn: () => contentHash(version.content), staleTime: Infinity });
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState('');
  const [reReviewOn, setReReviewOn] = useState('');
  const [conditionsText, setConditionsText] = useState('');
  const [concerns, setConcerns] = useState<Concern[]>([{ sectionKey: version.content.sections[0]?.key ?? '', concern: '', requiredChange: '' }]);
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState(false);
  const signing = useSignDecision();
  const [nonceError, setNonceError] = useState<unknown>(null);
  const passkeys = usePasskeys();
  const hasPasskey = (passkeys.data?.length ?? 0) > 0;
  const [method, setMethod] = useState<'passkey' | 'password' | null>(null);
  // single sign-on: an account without a password here can only sign with a passkey.
  const ssoOnly = signer.sso === true;
  const needsPasskey = ssoOnly && passkeys.isSuccess && !hasPasskey;
  // A passkey when the account has one; the password otherwise, or when chosen.
  const chosen = ssoOnly ? 'passkey' : (method ?? (hasPasskey ? 'passkey' : 'password'));


  const error: unknown = signing.error ?? nonceError;
  const server = isApiProblem(error) ? error : null;
  const errorAt = (pointer: string) => local[pointer] ?? server?.fieldError(pointer);
  const general = error && !(server && server.fieldErrors.length > 0) ? describeError(error) : undefined;

  const draft: DecisionDraft = { decision, reason, conditions: decision === 'approve_with_conditions' ? { scope: scope.trim(), reReviewOn, text: conditionsText } : null, concerns };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signing.isPending || !hash.data || needsPasskey) return;
    const problems = draftProblems(draft);
    if (chosen === 'password' && !password) problems['/authentication/password'] = 'Enter your password to sign';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    signing.reset();
    setNonceError(null);
    let nonce: Awaited<ReturnType<typeof issueSigningNonce>>;
    try {
      nonce = await issueSigningNonce(pkg.id);
    } catch (failure) {
      setNonceError(failure);
      return;
    }
    try {
      const payload = buildPayload({ packageId: pkg.id, versionNumber: version.number, contentHash: hash.data, step, signer, draft, nonce });
      const authentication = chosen === 'passkey' ? await assertWithPasskey(payload, passkeys.data?.map((p) => p.credentialId) ?? []) : ({ method: 'password', password } as const);
      await signing.mutateAsync({ payload, authentication });
      onClose();
    } catch (failure) {
      // The server's refusals show from signing.error; the browser's (a cancelled passkey) here.
      if (!signing.isError) setNonceError(failure);
    }
  };

  const updateConcern = (index: number, change: Partial<Concern>) => setConcerns((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="m-auto w-full max-w-2xl rounded-md border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40">
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-5 p-6">
        <h2 id={titleId} className="text-xl font-bold">
          Sign: {decisionMeanings[decision]}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
          <dt className="font-semibold">Model</dt>
          <dd>
            {pkg.modelName} {pkg.versionLabel}
          </dd>
          <dt className="font-semibold">Package version</dt>
          <dd>Version {version.number}</dd>
          <dt className="font-semibold">Content hash</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {hash.data ? (
              <>
                <code title={hash.data}>SHA-256 {hash.data.slice(0, 16)}…</code>
                <button
                  type="button"
                  className="text-sm font-semibold text-blue-800 underline"
                  onClick={() => void navigator.clipboard.writeText(hash.data).then(() => setCopied(true), () => setCopied(false))}
                >
                  Copy full hash
                </button>
                <span role="status" className="text-slate-600">
                  {copied ? 'Copied' : ''}
                </span>
              </>
            ) : hash.isError ? (
              'could not be computed'
            ) : (
              'computing…'
            )}
          </dd>
          <dt className="font-semibold">Step</dt>
          <dd>
            {step.name} ({roleLabels[step.role]})
          </dd>
          <dt className="font-semibold">Decision</dt>
          <dd>{decisionMeanings[decision]}</dd>
          <dt className="font-semibold">Signer</dt>
          <dd>
            {signer.displayName}
            {signer.title && `, ${signer.title}`} — {roleLabels[step.role]}
          </dd>
          {onBehalfOf && (
            <>
              <dt className="font-semibold">On behalf of</dt>
              <dd>
                Signing as delegate of {onBehalfOf.displayName} ({roleLabels[step.role].toLowerCase()})
              </dd>
            </>
          )}
        </dl>

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

        {ssoOnly && (
          <p className={needsPasskey ? 'rounded-md border-l-4 border-amber-600 bg-amber-50 p-3' : 'text-slate-700'}>
            You sign in through single sign-on and have no password here, so you sign with a passkey.
            {needsPasskey && (
              <>
                {' '}
                You have none yet: <Link to="/account/passkeys">add a passkey under Passkeys</Link>, then sign.
              </>
            )}
          </p>
        )}
        {hasPasskey && !ssoOnly && (
          <fieldset className="space-y-1">
            <legend className="font-semibold">Sign with</legend>
            {(['passkey', 'password'] as const).map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input type="radio" name="signing-method" value={option} checked={chosen === option} onChange={() => setMethod(option)} />
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
            {server?.problem.diff && (
              <>
                {' '}
                <Link to={server.problem.diff}>See what changed</Link>
              </>
            )}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClasses.primary} disabled={!hash.data || needsPasskey}>
            {signing.isPending ? 'Signing…' : `Sign: ${decisionMeanings[decision]}`}
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
