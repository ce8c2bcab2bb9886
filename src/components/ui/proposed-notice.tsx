import { Link } from 'react-router';

/** Said where a catalogue change was filed as a proposal instead of made (docs/decisions/0182). */
export function ProposedNotice() {
  return (
    <p role="status" className="rounded-md border-l-4 border-sky-700 bg-white p-4">
      Proposed: another administrator approves it on <Link to="/admin/catalogue-proposals">Catalogue proposals</Link>.
    </p>
  );
}
