import type { ReactNode } from 'react';

export type Fact = readonly [term: string, value: ReactNode];

/** Terms and their values as a definition list laid out in a grid. */
export function FactList({ facts, className }: { facts: readonly Fact[]; className: string }) {
  return (
    <dl className={`grid gap-x-8 gap-y-4 ${className}`}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-sm font-semibold text-slate-600">{term}</dt>
          <dd className="mt-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
