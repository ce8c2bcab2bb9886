/** A condition of the approval passed its due date unfulfilled (docs/decisions/0111): said in words, not by colour alone. */
export function ConditionsLapsedBadge({ lapsed, className = '' }: { lapsed: boolean | undefined; className?: string }) {
  if (!lapsed) return null;
  return (
    <span className={`inline-block whitespace-nowrap rounded border border-red-800 bg-red-50 px-1.5 text-sm font-semibold text-red-900 ${className}`}>
      <span aria-hidden="true">⚠ </span>Conditions lapsed
    </span>
  );
}
