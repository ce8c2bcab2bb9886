import type { RecordCheck, RecordEmergencyApproval, RecordVersion } from '#domain/contracts/record.ts';
import { isEmergencyApproval } from '#domain/workflow/emergency.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { SignatureMaterial, SignedDecision } from '#domain/contracts/signatures.ts';
import type { StepState } from '#domain/contracts/packages.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { formatUtc } from '#src/lib/format.ts';
import { CheckMark } from './check-mark.tsx';

interface Props {
  decision: SignedDecision;
  steps: readonly StepState[];
  versions: readonly RecordVersion[];
  /** The verifier's check of this decision; undefined if it was not checked. */
  check: RecordCheck | undefined;
  /** What the record says of this decision as an emergency approval (its follow-up), if it is one. */
  emergency?: RecordEmergencyApproval | undefined;
}

const followUpText: Record<RecordEmergencyApproval['followUp']['state'], string> = {
  open: 'Open: the review chain has not yet approved or rejected the package',
  completed: 'Completed',
  rejected: 'Ended in rejection',
};

function sectionTitle(versions: readonly RecordVersion[], versionNumber: number, key: string): string {
  return versions.find((v) => v.number === versionNumber)?.content.sections.find((s) => s.key === key)?.title ?? key;
}

/**
 * One signature as the record must show it (21 CFR 11.50): the signer's printed name, the
 * date and time, and the meaning, with what was decided and whether it verifies. Kept whole
 * on paper: a page break never separates a signature from its meaning.
 */
export function SignatureBlock({ decision, steps, versions, check, emergency }: Props) {
  const step = steps.find((s) => s.key === decision.stepKey);
  const stepName = isEmergencyApproval(decision) ? 'Emergency approval, outside the review chain' : (step?.name ?? decision.stepKey);
  const method = decision.signature?.signature.method;
  const headingId = `decision-${decision.id}`;
  return (
    <article aria-labelledby={headingId} className="signature-block space-y-3 rounded-md border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg font-bold">
        {decision.meaning}{' '}
        <span className="font-normal text-slate-700">
          — {stepName}, version {decision.versionNumber}
        </span>
      </h3>
      <DefinitionList layout="aligned">
        <Definition term="Signed by">
          {decision.actor.displayName}
          {decision.actor.title && `, ${decision.actor.title}`}
        </Definition>
        <Definition term="Role">{roleLabels[decision.role]}</Definition>
        {decision.onBehalfOf && (
          <Definition term="On behalf of">
            {decision.onBehalfOf.delegator.displayName}
            {decision.onBehalfOf.delegator.title && `, ${decision.onBehalfOf.delegator.title}`} (delegation {decision.onBehalfOf.delegationId})
          </Definition>
        )}
        <Definition term="Date and time">
          <time dateTime={decision.decidedAt}>{formatUtc(decision.decidedAt)}</time>
        </Definition>
        <Definition term="Meaning">{decision.meaning}</Definition>
        <Definition term="Content signed" className="break-all font-mono text-sm">SHA-256 {decision.contentHash}</Definition>
        <Definition term="Signed with">
          {signedWithLabel(method)}
          {decision.signature && `; countersigned by server key ${decision.signature.countersignature.keyId}`}
        </Definition>
        {decision.conditions && (
          <>
            <Definition term="Scope">{decision.conditions.scope}</Definition>
            <Definition term="Re-review by">
              <time dateTime={decision.conditions.reReviewOn}>{decision.conditions.reReviewOn}</time>
            </Definition>
            {decision.conditions.text && (
              <Definition term="Conditions" className="whitespace-pre-wrap">{decision.conditions.text}</Definition>
            )}
          </>
        )}
        {decision.emergency && (
          <>
            <Definition term="Incident" className="font-mono">{decision.emergency.incidentRef}</Definition>
            <Definition term="Justification" className="whitespace-pre-wrap">{decision.emergency.justification}</Definition>
            <Definition term="Follow-up review">
              {emergency ? followUpText[emergency.followUp.state] : 'Not stated in this record'}
              {emergency?.followUp.at && (
                <>
                  {' '}
                  on <time dateTime={emergency.followUp.at}>{formatUtc(emergency.followUp.at)}</time>
                </>
              )}
            </Definition>
          </>
        )}
        {decision.override && (
          <Definition term="Override" className="whitespace-pre-wrap">
            Approved over {decision.override.blockers.length === 1 ? 'an open question' : `${decision.override.blockers.length} open questions`} ({decision.override.blockers.map((b) => b.ref).join(', ')}): {decision.override.reason}
          </Definition>
        )}
        <Definition term="Reason" className="whitespace-pre-wrap">{decision.reason || <span className="text-slate-600">None given</span>}</Definition>
        <Definition term="Signature">
          {check ? (
            <>
              <CheckMark ok={check.ok} />
              {!check.ok && <span className="block text-red-950">{check.detail}</span>}
            </>
          ) : (
            <span className="text-slate-700">Not checked</span>
          )}
        </Definition>
      </DefinitionList>
      {decision.concerns.length > 0 && (
        <div className="space-y-2">
          <h4 className="font-semibold">Concerns</h4>
          <ol className="list-decimal space-y-2 pl-5">
            {decision.concerns.map((concern, index) => (
              <li key={`${concern.sectionKey}:${index}`}>
                <span className="font-semibold">{sectionTitle(versions, decision.versionNumber, concern.sectionKey)}:</span> <span className="whitespace-pre-wrap">{concern.concern}</span>
                <span className="block">
                  <span className="font-semibold">Required change:</span> <span className="whitespace-pre-wrap">{concern.requiredChange}</span>
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );
}

function signedWithLabel(method: SignatureMaterial['method'] | undefined): string {
  if (method === 'passkey') return 'Passkey (user verified)';
  if (method === 'password') return 'Password re-entered';
  if (method === 'demo') return 'Nothing: demonstration data seeded with the demo, not signed by anyone';
  return 'No electronic signature recorded';
}
