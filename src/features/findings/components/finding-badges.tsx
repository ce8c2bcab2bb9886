import { findingSeverityLabels, findingStatusLabels, type Finding } from '#domain/contracts/findings.ts';

const severityLook: Record<Finding['severity'], string> = {
  critical: 'border-red-800 bg-red-50 text-red-900',
  high: 'border-orange-800 bg-orange-50 text-orange-900',
  medium: 'border-amber-700 bg-amber-50 text-amber-900',
  low: 'border-slate-500 bg-slate-50 text-slate-800',
};

const badge = 'inline-block rounded border px-2 py-0.5 text-sm font-semibold';

/** Severity, status and lateness as words (never colour alone). */
export function FindingBadges({ finding }: { finding: Finding }) {
  return (
    <span className="inline-flex flex-wrap gap-2">
      <span className={`${badge} ${severityLook[finding.severity]}`}>{findingSeverityLabels[finding.severity]}</span>
      <span className={`${badge} border-slate-400 bg-white text-slate-800`}>{findingStatusLabels[finding.status]}</span>
      {finding.overdue && <span className={`${badge} border-red-800 bg-white text-red-900`}>Overdue</span>}
      {finding.acceptanceExpired && <span className={`${badge} border-red-800 bg-white text-red-900`}>Acceptance expired</span>}
    </span>
  );
}
