import type { UseQueryResult } from '@tanstack/react-query';
import type { AuditVerification } from '#domain/contracts/audit.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatUtc } from '../entry-summary.ts';
import { BreakList } from './break-list.tsx';

const numberFormat = new Intl.NumberFormat('en');

/** The server's own verdict (GET /api/audit/verify), shown beside the browser's for comparison, never instead of it. */
export function ServerVerdict({ verdict }: { verdict: UseQueryResult<AuditVerification> }) {
  if (verdict.isPending && verdict.fetchStatus === 'idle') return <p className="text-slate-700">Asked for when your browser’s check is done.</p>;
  if (verdict.isFetching) return <p className="text-slate-700">Waiting for the server’s verdict…</p>;
  if (verdict.isError) return <p className="font-semibold text-red-800">The server could not give a verdict: {describeError(verdict.error)}</p>;
  if (!verdict.data) return null;
  const data = verdict.data;
  if (data.valid) {
    return (
      <p className="font-semibold text-green-800">
        <span aria-hidden="true">✓ </span>Intact: {numberFormat.format(data.size)} entries, root {data.rootHash ? `${data.rootHash.slice(0, 12)}…` : '(empty log)'}, {data.treeHeadsChecked === 1 ? '1 published tree head' : `${data.treeHeadsChecked} published tree heads`} checked, at {formatUtc(data.checkedAt)}.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="font-semibold text-red-800">
        <span aria-hidden="true">✕ </span>Broken: {data.breaks.length === 1 ? '1 problem' : `${numberFormat.format(data.breaks.length)} problems`} in {numberFormat.format(data.size)} entries, checked at {formatUtc(data.checkedAt)}:
      </p>
      <BreakList breaks={data.breaks} total={data.breaks.length} />
    </div>
  );
}
