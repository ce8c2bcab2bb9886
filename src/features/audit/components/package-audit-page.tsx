// PLACEHOLDER: replaced by the helper that owns this feature.
export function PackageAuditPage() {
  return <h1 className="text-2xl font-semibold">PackageAuditPage</h1>;
}
