// PLACEHOLDER: replaced by the helper that owns this feature.
export function VerifyPage() {
  return <h1 className="text-2xl font-semibold">VerifyPage</h1>;
}
