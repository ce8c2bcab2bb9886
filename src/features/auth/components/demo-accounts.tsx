import { roleLabels, type Role } from '#domain/contracts/roles.ts';

// The accounts a first start creates (see the README); listed so a reviewer trying the
// demo does not have to look them up. No password is shown but the shared demo one.
const accounts: readonly [string, Role][] = [
  ['owner@example.com', 'model_owner'],
  ['data-governance@example.com', 'data_governance'],
  ['model-risk@example.com', 'model_risk'],
  ['risk-tiering@example.com', 'model_risk'],
  ['fair-lending@example.com', 'fair_lending'],
  ['privacy@example.com', 'privacy'],
  ['security@example.com', 'security'],
  ['committee@example.com', 'committee'],
  ['admin@example.com', 'admin'],
  ['admin-deputy@example.com', 'admin'],
];

export function DemoAccounts() {
  return (
    <section aria-labelledby="demo-accounts-heading" className="rounded-md border border-slate-200 bg-white p-5 text-sm">
      <h2 id="demo-accounts-heading" className="text-base font-semibold">
        Demo accounts
      </h2>
      <p className="mt-1 text-slate-700">
        Every demo account uses the password <code className="whitespace-nowrap rounded bg-slate-100 px-1 font-mono">demo-password</code> (see the README).
      </p>
      <ul className="mt-3 space-y-1">
        {accounts.map(([email, role]) => (
          <li key={email}>
            <span className="font-mono">{email}</span> <span className="text-slate-600">· {roleLabels[role]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
