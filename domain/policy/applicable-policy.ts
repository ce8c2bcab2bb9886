import type { Policy, PolicyScope } from '../contracts/policies.ts';
import { modelTypeSchema, type ModelType } from '../contracts/sections.ts';
import { businessLineKey, namesBusinessLine } from '../text/business-line.ts';

// Which policy a package is checked against: the newest version of each key, those whose
// scope holds the package's tier, business line and model type, the most specific first. A
// scope naming business lines counts one, naming model types one more (docs/decisions/0157):
// a policy naming both beats one naming either, which beats one naming neither. Publishing
// refuses a scope that would leave some package two policies at the same level, so the choice
// below is never arbitrary. Lines are compared by their key, so that spelling does not choose
// the policy (docs/decisions/0164).

/** What a package presents to the catalogue. No model type: only policies naming none apply. */
export interface PackageScope {
  riskTier: number;
  businessLine: string;
  modelType: ModelType | undefined;
}

type Scoped = Pick<Policy, 'key' | 'scope'>;

function newestPerKey<P extends Scoped & { version: number }>(policies: readonly P[]): P[] {
  const newest = new Map<string, P>();
  for (const p of policies) {
    const seen = newest.get(p.key);
    if (!seen || p.version > seen.version) newest.set(p.key, p);
  }
  return [...newest.values()];
}

const namesLines = (scope: PolicyScope) => (scope.businessLines?.length ?? 0) > 0;
const namesTypes = (scope: PolicyScope) => (scope.modelTypes?.length ?? 0) > 0;
const specificity = (scope: PolicyScope) => Number(namesLines(scope)) + Number(namesTypes(scope));

/** Whether a scope holds a package; a null line stands for any line no policy names. */
function holds(scope: PolicyScope, at: { riskTier: number; businessLine: string | null; modelType: ModelType | undefined }): boolean {
  if (!scope.riskTiers.includes(at.riskTier)) return false;
  if (namesLines(scope) && (at.businessLine === null || !namesBusinessLine(scope.businessLines, at.businessLine))) return false;
  return !namesTypes(scope) || (at.modelType !== undefined && (scope.modelTypes ?? []).includes(at.modelType));
}

/** The most specific of the policies holding a package, all of them when several tie. */
function mostSpecific<P extends Scoped>(current: readonly P[], at: Parameters<typeof holds>[1]): P[] {
  const fits = current.filter((p) => holds(p.scope, at));
  const top = Math.max(-1, ...fits.map((p) => specificity(p.scope)));
  return fits.filter((p) => specificity(p.scope) === top);
}

export function applicablePolicy(policies: readonly Policy[], pkg: PackageScope): Policy | undefined {
  return mostSpecific(newestPerKey(policies), pkg)[0];
}

/** A package two current policies would tie for, and the keys of those policies. */
export interface ScopeTie {
  example: { riskTier: number; businessLine: string | null; modelType: ModelType | undefined };
  keys: string[];
}

/**
 * Every kind of package a catalogue can see: each tier, each business line some policy names
 * (and null for any other line), each model type and none. Finite, so ties can be found by
 * trying them all rather than by reasoning about scopes pairwise.
 */
function packageKinds(current: readonly Scoped[]): ScopeTie['example'][] {
  // One example line per key: spellings of one line are one line (0164).
  const byKey = new Map(current.flatMap((p) => p.scope.businessLines ?? []).map((line) => [businessLineKey(line), line] as const));
  const lines = [null, ...byKey.values()];
  const types = [undefined, ...modelTypeSchema.options];
  const tiers = [...new Set(current.flatMap((p) => p.scope.riskTiers))].sort((a, b) => a - b);
  return tiers.flatMap((riskTier) => lines.flatMap((businessLine) => types.map((modelType) => ({ riskTier, businessLine, modelType }))));
}

const tieKey = (tie: ScopeTie) => `${tie.example.riskTier}\u0000${tie.example.businessLine ?? ''}\u0000${tie.example.modelType ?? ''}\u0000${tie.keys.join(',')}`;

function tiesIn(current: readonly Scoped[]): ScopeTie[] {
  return packageKinds(current).flatMap((example) => {
    const top = mostSpecific(current, example);
    return top.length > 1 ? [{ example, keys: top.map((p) => p.key).sort() }] : [];
  });
}

/**
 * The ties that publishing `candidate` as the current version of its key would create: for
 * each, one package kind two policies would hold at the same level. A tie need not involve the
 * candidate: narrowing a policy naming both a line and a type can uncover a tie between one
 * naming the line and one naming the type. Empty means it may be published.
 */
export function scopeTies(policies: readonly Policy[], candidate: Scoped): ScopeTie[] {
  const before: Scoped[] = newestPerKey(policies);
  const after = [...before.filter((p) => p.key !== candidate.key), candidate];
  const existing = new Set(tiesIn(before).map(tieKey));
  return tiesIn(after).filter((tie) => !existing.has(tieKey(tie)));
}

/** The current policies (other keys) the candidate would tie with, each with the first package kind they would both hold. */
export function overlappingPolicies(policies: readonly Policy[], key: string, scope: PolicyScope): { policies: Policy[]; example: ScopeTie['example'] }[] {
  const current = new Map(newestPerKey(policies).map((p) => [p.key, p]));
  const seen = new Map<string, { policies: Policy[]; example: ScopeTie['example'] }>();
  for (const tie of scopeTies(policies, { key, scope })) {
    const others = tie.keys.filter((k) => k !== key).flatMap((k) => current.get(k) ?? []);
    const id = others.map((p) => p.key).join(',');
    if (others.length > 0 && !seen.has(id)) seen.set(id, { policies: others, example: tie.example });
  }
  return [...seen.values()];
}
