import { packageStatusLabels, type PackageStatus } from '#domain/contracts/packages.ts';

// The words carry the meaning; the tint only helps scanning a long list.
const tones: Record<PackageStatus, string> = {
  in_review: 'border-sky-300 bg-sky-50 text-sky-900',
  clarification_requested: 'border-amber-400 bg-amber-50 text-amber-900',
  rejected: 'border-red-300 bg-red-50 text-red-900',
  approved: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  approved_with_conditions: 'border-teal-300 bg-teal-50 text-teal-900',
  emergency_approved: 'border-orange-400 bg-orange-50 text-orange-950',
};

export function PackageStatusBadge({ status }: { status: PackageStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-sm font-medium ${tones[status]}`}>
      {packageStatusLabels[status]}
    </span>
  );
}
