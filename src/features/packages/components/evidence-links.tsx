import { Link } from 'react-router';

/** Where the evidence of a package lives: its findings, its approval record (signed, exportable) and its audit trail. */
export function EvidenceLinks({ packageId }: { packageId: string }) {
  return (
    <nav aria-label="Evidence" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <Link to={`/packages/${packageId}/findings`}>Findings</Link>
      <Link to={`/packages/${packageId}/record`}>Approval record and export</Link>
      <Link to={`/packages/${packageId}/audit`}>Audit trail</Link>
    </nav>
  );
}
