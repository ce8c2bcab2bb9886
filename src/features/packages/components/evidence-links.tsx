import { Link } from 'react-router';

/** Where the evidence of a package lives: its findings, its approval record (signed, exportable), its audit trail and, once resubmitted, what changed. */
export function EvidenceLinks({ packageId, versions = 1 }: { packageId: string; versions?: number }) {
  return (
    <nav aria-label="Evidence" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <Link to={`/packages/${packageId}/findings`}>Findings</Link>
      <Link to={`/packages/${packageId}/record`}>Approval record and export</Link>
      <Link to={`/packages/${packageId}/audit`}>Audit trail</Link>
      {versions > 1 && <Link to={`/packages/${packageId}/diff`}>Compare versions</Link>}
    </nav>
  );
}
