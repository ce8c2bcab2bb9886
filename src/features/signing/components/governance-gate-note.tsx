import type { GovernanceBlocker } from '#domain/contracts/approval-gates.ts';

/**
 * Why Approve is unavailable (docs/decisions/0141): each unmet blocking requirement of the policy
 * that applies, with its version, and a missing or outdated risk assessment. Nobody overrides
 * these; rejecting and requesting clarification stay open.
 */
export function GovernanceGateNote({ id, blockers }: { id: string; blockers: readonly GovernanceBlocker[] }) {
  const policy = blockers.find((b) => b.kind === 'policy_requirement')?.policy;
  return (
    <div id={id} role="note" aria-label="Why approval is unavailable" className="space-y-2 rounded-md border-l-4 border-red-700 bg-white p-3 text-slate-900">
      <p className="font-semibold">Approval is unavailable until governance is met:</p>
      <ul className="list-disc space-y-1 pl-6">
        {blockers.map((b, i) => (
          <li key={`${b.kind}-${i}`}>
            <Description blocker={b} />.
          </li>
        ))}
      </ul>
      <p>
        {policy ? `A resubmission meeting policy ${policy.key} version ${policy.version} lifts its requirements. ` : ''}You can still reject or request clarification.
      </p>
    </div>
  );
}

/** A missing assessment's or an unlisted line's description starts with its heading ("Risk assessment missing: …"): that in bold, said once rather than repeated before it. */
function Description({ blocker }: { blocker: GovernanceBlocker }) {
  const text = blocker.description;
  const colon = text.indexOf(': ');
  if ((blocker.kind !== 'risk_assessment_missing' && blocker.kind !== 'unlisted_business_line') || colon < 0) return text;
  return (
    <>
      <strong>{text.slice(0, colon + 1)}</strong>
      {text.slice(colon + 1)}
    </>
  );
}
