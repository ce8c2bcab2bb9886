import type { Weakening } from './catalogue-comparison.ts';
import { businessLineKey } from '../text/business-line.ts';

// A scope made smaller under the same key (docs/decisions/0192): the packages it stops covering
// follow another policy or template, or none. Shared by policies (`/scope/...`) and templates
// (`/riskTiers`, `/businessLines`), whose scopes have the same meaning: an absent or empty list
// covers everything.

type Values = readonly (string | number)[] | undefined;

/** What a scope no longer covers; lines compared by their key (0164), so a respelling is no change. */
function narrowed(before: Values, after: Values, same: (v: string | number) => string | number): string | null {
  const b = before ?? [];
  const a = after ?? [];
  if (a.length === 0) return null;
  if (b.length === 0) return `only ${a.join(', ')}`;
  const kept = new Set(a.map(same));
  const gone = b.filter((v) => !kept.has(same(v)));
  return gone.length > 0 ? `no longer ${gone.join(', ')}` : null;
}

const asIs = (v: string | number) => v;
const lineKey = (v: string | number) => businessLineKey(String(v));

export interface ScopeLists {
  riskTiers?: Values;
  businessLines?: Values;
  modelTypes?: Values;
}

/** "Applies to fewer business lines: no longer Consumer lending", one per list narrowed; `at` names each list's field. */
export function scopeWeakenings(current: ScopeLists, proposed: ScopeLists, at: (list: keyof ScopeLists) => string): Weakening[] {
  const lists: [keyof ScopeLists, string, string | null][] = [
    ['riskTiers', 'risk tiers', narrowed(current.riskTiers, proposed.riskTiers, asIs)],
    ['businessLines', 'business lines', narrowed(current.businessLines, proposed.businessLines, lineKey)],
    ['modelTypes', 'model types', narrowed(current.modelTypes, proposed.modelTypes, asIs)],
  ];
  return lists.flatMap(([list, what, change]) => (change ? [{ field: at(list), message: `Applies to fewer ${what}: ${change}` }] : []));
}
