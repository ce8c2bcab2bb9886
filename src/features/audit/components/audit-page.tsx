// PLACEHOLDER: replaced by the helper that owns this feature.
export function AuditPage() {
  return <h1 className="text-2xl font-semibold">AuditPage</h1>;
}
