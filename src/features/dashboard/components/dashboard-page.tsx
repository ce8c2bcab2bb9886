// PLACEHOLDER: replaced by the helper that owns this feature.
export function DashboardPage() {
  return <h1 className="text-2xl font-semibold">DashboardPage</h1>;
}
