// PLACEHOLDER: replaced by the helper that owns this feature.
export function RecordPage() {
  return <h1 className="text-2xl font-semibold">RecordPage</h1>;
}
