import type { ApprovalRecord, RecordCheck } from '#domain/contracts/record.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { formatUtc } from '#src/lib/format.ts';
import { CheckMark } from './check-mark.tsx';

interface EntryRow {
  entry: ApprovalRecord['audit']['entries'][number];
  proof: ApprovalRecord['audit']['proofs'][number] | undefined;
  /** The entry's hash and its inclusion proof, verified; the failing ones. */
  verified: boolean;
  problems: readonly RecordCheck[];
}

const columns: readonly Column<EntryRow>[] = [
  { header: 'Entry', className: 'font-mono font-semibold', cell: ({ entry }) => `#${entry.seq}` },
  { header: 'Time', className: 'whitespace-nowrap', cell: ({ entry }) => <time dateTime={entry.at}>{formatUtc(entry.at)}</time> },
  { header: 'Actor', cell: ({ entry }) => entry.actorName ?? entry.actorId ?? 'System' },
  { header: 'Action', className: 'font-mono text-sm', cell: ({ entry }) => entry.action },
  {
    header: 'Inclusion',
    cell: ({ proof, verified, problems }) => (
      <>
        {proof ? `Included in tree head of size ${proof.treeSize.toLocaleString()}` : 'No inclusion proof'}
        {verified && (
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
      </>
    ),
  },
];

interface Props {
  audit: ApprovalRecord['audit'];
  /** The verifier's checks, by label: each entry's hash and inclusion proof, and the head's signature. */
  checkOf: (label: string) => RecordCheck | undefined;
}

/** The package's audit entries with their inclusion in the signed tree head, and the head itself. */
export function AuditTrail({ audit, checkOf }: Props) {
  const { entries, proofs, treeHead } = audit;
  const headCheck = checkOf('Tree head signature');
  const rows = entries.map((entry, index): EntryRow => {
    const entryCheck = checkOf(`Audit entry #${entry.seq}`);
    const proofCheck = checkOf(`Inclusion proof of audit entry #${entry.seq}`);
    const problems = [entryCheck, proofCheck].filter((check): check is RecordCheck => check !== undefined && !check.ok);
    return { entry, proof: proofs[index], verified: proofCheck !== undefined && entryCheck !== undefined && problems.length === 0, problems };
  });
  return (
    <div className="space-y-4">
      <DefinitionList layout="aligned" className="rounded-md border border-slate-200 bg-white p-4">
        <Definition term="Signed tree head">
          {treeHead.treeSize.toLocaleString()} entries {headCheck && <CheckMark ok={headCheck.ok}>{headCheck.ok ? 'signature valid' : 'signature INVALID'}</CheckMark>}
        </Definition>
        <Definition term="Merkle root" className="break-all font-mono text-sm">{treeHead.rootHash}</Definition>
        <Definition term="Time">
          <time dateTime={treeHead.timestamp}>{formatUtc(treeHead.timestamp)}</time>
        </Definition>
        <Definition term="Server key" className="break-all font-mono text-sm">{treeHead.keyId}</Definition>
      </DefinitionList>
      {entries.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">No audit entries are about this package.</p>
      ) : (
        <DataTable look="card" caption="Audit entries about this package, oldest first" showCaption columns={columns} rows={rows} rowKey={({ entry }) => entry.seq} />
      )}
    </div>
  );
}
