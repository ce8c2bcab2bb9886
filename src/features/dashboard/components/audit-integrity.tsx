import { Link } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { useAuditVerification } from '../api/get-audit-verification.ts';

const entries = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * The server's verdict on the audit log, fetched apart from the dashboard so a long check
 * never holds the rest of the page. Broken: where first, and every reason.
 */
export function AuditIntegrity() {
  const verification = useAuditVerification();
  if (verification.isPending) return <LoadingNotice>Checking the audit log…</LoadingNotice>;
  if (verification.isError) {
    return <ErrorNotice title="The audit log's integrity could not be checked." error={verification.error} onRetry={() => void verification.refetch()} retrying={verification.isFetching} />;
  }
  const result = verification.data;
  const checked = (
    <>
      Checked <time dateTime={result.checkedAt}>{formatDateTime(result.checkedAt)}</time>: hash chain, Merkle root
      {result.treeHeadsChecked > 0 && ` and ${result.treeHeadsChecked} published tree ${result.treeHeadsChecked === 1 ? 'head' : 'heads'}`}.
    </>
  );
  if (result.valid) {
    return (
      <div className="space-y-1 rounded-md border-l-4 border-emerald-700 bg-white p-4 shadow-sm">
        <p className="text-lg font-semibold text-emerald-900">
          <span aria-hidden="true">✓ </span>Intact — {entries(result.size)}
        </p>
        <p className="text-sm text-slate-700">{checked}</p>
        <p>
          <Link to="/audit">Open the audit log</Link>
        </p>
      </div>
    );
  }
  const first = result.breaks.find((b) => b.seq !== null);
  return (
    <div className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-4">
      <p className="text-lg font-semibold text-red-900">
        <span aria-hidden="true">✕ </span>
        {first?.seq != null ? `Broken at entry #${first.seq}` : 'Broken'}
        <span className="font-normal"> — {entries(result.size)} read</span>
      </p>
      <ul className="list-disc space-y-1 pl-5 text-red-950">
        {result.breaks.map((b, index) => (
          <li key={`${String(b.seq)}:${index}`}>{b.reason}</li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">{checked}</p>
      <p>
        <Link to="/audit">Open the audit log to see where</Link>
      </p>
    </div>
  );
}
