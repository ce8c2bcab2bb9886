import type { PackageDetail } from '#domain/contracts/packages.ts';
import { useDecisionVerdicts } from '../use-decision-verdicts.ts';

/** VALID, INVALID with the reasons, or seeded demonstration data, for one decision: checked in this browser. */
export function SignatureBadge({ pkg, decisionId }: { pkg: Pick<PackageDetail, 'id' | 'decisions'>; decisionId: string }) {
  const verdicts = useDecisionVerdicts(pkg);
  if (verdicts.isPending) return <span className="text-sm text-slate-600"> · checking signature…</span>;
  if (verdicts.isError) return <span className="text-sm font-semibold text-amber-900"> · signature not checked: the evidence could not be loaded</span>;
  const verdict = verdicts.data.get(decisionId);
  if (!verdict) return null;
  if (verdict.valid) {
    return (
      <span className="ml-1 inline-block rounded bg-emerald-100 px-1.5 text-sm font-semibold text-emerald-950" title="Content hash, signature and server countersignature verified in this browser">
        ✓ Signature VALID
      </span>
    );
  }
  const [first, ...others] = verdict.reasons;
  if (verdict.demonstration && others.length === 0) {
    return (
      <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 text-sm font-semibold text-amber-950" title={first}>
        Demonstration data, not signed by anyone
      </span>
    );
  }
  return (
    <span className="mt-1 block rounded border-l-4 border-red-700 bg-red-50 px-2 py-1 text-sm text-red-950">
      <span className="font-semibold">✕ Signature INVALID:</span> {verdict.reasons.join(' ')}
    </span>
  );
}
