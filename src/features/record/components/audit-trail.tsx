import type { ApprovalRecord, RecordCheck } from '#domain/contracts/record.ts';
import { formatUtc } from '#src/lib/format.ts';
import { CheckMark } from './check-mark.tsx';

const th = 'px-3 py-2 text-left text-sm font-semibold text-slate-700';
const td = 'px-3 py-2 align-top';

interface Props {
  audit: ApprovalRecord['audit'];
  /** The verifier's checks, by label: each entry's hash and inclusion proof, and the head's signature. */
  checkOf: (label: string) => RecordCheck | undefined;
}

/** The package's audit entries with their inclusion in the signed tree head, and the head itself. */
export function AuditTrail({ audit, checkOf }: Props) {
  const { entries, proofs, treeHead } = audit;
  const headCheck = checkOf('Tree head signature');
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-8 gap-y-2 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold text-slate-600">Signed tree head</dt>
        <dd>
          {treeHead.treeSize.toLocaleString()} entries {headCheck && <CheckMark ok={headCheck.ok}>{headCheck.ok ? 'signature valid' : 'signature INVALID'}</CheckMark>}
        </dd>
        <dt className="font-semibold text-slate-600">Merkle root</dt>
        <dd className="break-all font-mono text-sm">{treeHead.rootHash}</dd>
        <dt className="font-semibold text-slate-600">Time</dt>
        <dd>
          <time dateTime={treeHead.timestamp}>{formatUtc(treeHead.timestamp)}</time>
        </dd>
        <dt className="font-semibold text-slate-600">Server key</dt>
        <dd className="break-all font-mono text-sm">{treeHead.keyId}</dd>
      </dl>
      {entries.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">No audit entries are about this package.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full border-collapse">
            <caption className="px-3 py-2 text-left text-sm text-slate-600">Audit entries about this package, oldest first</caption>
            <thead className="border-y border-slate-200 bg-slate-100">
              <tr>
                <th scope="col" className={th}>Entry</th>
                <th scope="col" className={th}>Time</th>
                <th scope="col" className={th}>Actor</th>
                <th scope="col" className={th}>Action</th>
                <th scope="col" className={th}>Inclusion</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((entry, index) => {
                const proof = proofs[index];
                const entryCheck = checkOf(`Audit entry #${entry.seq}`);
                const proofCheck = checkOf(`Inclusion proof of audit entry #${entry.seq}`);
                const problems = [entryCheck, proofCheck].filter((check): check is RecordCheck => check !== undefined && !check.ok);
                return (
                  <tr key={entry.seq}>
                    <th scope="row" className={`${td} text-left font-mono font-semibold`}>
                      #{entry.seq}
                    </th>
                    <td className={`${td} whitespace-nowrap`}>
                      <time dateTime={entry.at}>{formatUtc(entry.at)}</time>
                    </td>
                    <td className={td}>{entry.actorName ?? entry.actorId ?? 'System'}</td>
                    <td className={`${td} font-mono text-sm`}>{entry.action}</td>
                    <td className={td}>
                      {proof ? `Included in tree head of size ${proof.treeSize.toLocaleString()}` : 'No inclusion proof'}
                      {proofCheck && entryCheck && problems.length === 0 && (
                        <>
                          {' '}
                          <CheckMark ok>verified</CheckMark>
                        </>
                      )}
                      {problems.map((check) => (
                        <span key={check.label} className="block text-sm text-red-950">
                          <CheckMark ok={false}>{check.label}</CheckMark>: {check.detail}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
