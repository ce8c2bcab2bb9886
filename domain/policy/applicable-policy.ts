import type { Policy, PolicyScope } from '../contracts/policies.ts';
import { businessLineKey, namesBusinessLine } from '../text/business-line.ts';

// Which policy a package is checked against: the newest version of each key, those whose
// scope holds the package's tier, a policy naming the package's business line before one
// naming none. Publishing refuses a scope that would leave a package two policies at the same
// level, so the choice below is never arbitrary. Lines are compared by their key, so that spelling
// does not choose the policy (docs/decisions/0164).

function newestPerKey(policies: readonly Policy[]): Policy[] {
  const newest = new Map<string, Policy>();
  for (const p of policies) {
    const seen = newest.get(p.key);
    if (!seen || p.version > seen.version) newest.set(p.key, p);
  }
  return [...newest.values()];
}

const namesLines = (scope: PolicyScope) => (scope.businessLines?.length ?? 0) > 0;

export function applicablePolicy(policies: readonly Policy[], riskTier: number, businessLine: string): Policy | undefined {
  const fits = newestPerKey(policies).filter((p) => p.scope.riskTiers.includes(riskTier));
  return fits.find((p) => namesBusinessLine(p.scope.businessLines, businessLine)) ?? fits.find((p) => !namesLines(p.scope));
}

/**
 * The current policies (other keys) a new scope would tie with: same level of specificity and a
 * tier, and for line-specific scopes a business line, in common. Empty means it may be published.
 */
export function overlappingPolicies(policies: readonly Policy[], key: string, scope: PolicyScope): Policy[] {
  const lines = new Set((scope.businessLines ?? []).map(businessLineKey));
  return newestPerKey(policies).filter((other) => {
    if (other.key === key) return false;
    if (!other.scope.riskTiers.some((tier) => scope.riskTiers.includes(tier))) return false;
    if (namesLines(other.scope) !== namesLines(scope)) return false;
    return !namesLines(scope) || (other.scope.businessLines ?? []).some((line) => lines.has(businessLineKey(line)));
  });
}
