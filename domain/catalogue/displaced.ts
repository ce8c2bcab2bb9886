import type { Policy } from '../contracts/policies.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { modelTypeSchema, type ModelType } from '../contracts/sections.ts';
import { applicablePolicy } from '../policy/applicable-policy.ts';
import { selectTemplate } from '../workflow/default-templates.ts';
import { businessLineKey } from '../text/business-line.ts';

// Which packages a publication moves from one key to another (docs/decisions/0192, amendment
// of 2026-12-06): a new key can take packages from a stricter policy or template by being more
// specific (0157) or by naming their line, and a narrowed scope lets packages fall to another
// one. The catalogue is finite, so every kind of package is tried before and after rather than
// reasoning about scopes: each tier, each line a current version names before or after the
// change (null: any other line), each model type and none.

const tiers = [1, 2, 3, 4] as const;
const types = [undefined, ...modelTypeSchema.options];

interface PackageKind {
  riskTier: number;
  /** A line's label as some version spells it; null for a line no version names. */
  line: string | null;
  modelType: ModelType | undefined;
}

interface Versioned {
  key: string;
  version: number;
}

/** Packages that `from` held before the publication and `to` holds after; either may be none. */
export interface Move<T extends Versioned> {
  packages: string;
  from: T | undefined;
  to: T | undefined;
}

function kindsOf(lines: readonly string[], typed: boolean): PackageKind[] {
  // One kind per line key, spelled as the first version naming it does (the catalogue before the candidate).
  const byKey = new Map<string, string>();
  for (const line of lines) if (!byKey.has(businessLineKey(line))) byKey.set(businessLineKey(line), line);
  const named = [null, ...byKey.values()];
  return tiers.flatMap((riskTier) => named.flatMap((line) => (typed ? types : [undefined]).map((modelType) => ({ riskTier, line, modelType }))));
}

const list = (words: string[]) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`);

/** "tier-1 and tier-2 Consumer lending packages": the tiers, lines and model types of the kinds (their union). */
function describe(kinds: readonly PackageKind[], typed: boolean): string {
  const tierWords = list([...new Set(kinds.map((k) => k.riskTier))].sort((a, b) => a - b).map((t) => `tier-${t}`));
  const lines = [...new Set(kinds.map((k) => k.line))];
  const named = lines.filter((l): l is string => l !== null);
  const lineWords = named.length === 0 ? '' : ` ${list(named)}${lines.includes(null) ? ' and other-line' : ''}`;
  const kindTypes = [...new Set(kinds.map((k) => k.modelType))];
  const typeWords = !typed || kindTypes.length === types.length ? '' : ` ${list(kindTypes.map((t) => (t ?? 'untyped').replace(/_/g, ' ')))}`;
  return `${tierWords}${lineWords}${typeWords} packages`;
}

const id = (v: Versioned | undefined) => (v ? `${v.key}\u0000${v.version}` : '');

function moves<T extends Versioned>(kinds: readonly PackageKind[], before: (k: PackageKind) => T | undefined, after: (k: PackageKind) => T | undefined, typed: boolean): Move<T>[] {
  const grouped = new Map<string, { from: T | undefined; to: T | undefined; kinds: PackageKind[] }>();
  for (const kind of kinds) {
    const from = before(kind);
    const to = after(kind);
    if (from?.key === to?.key) continue;
    const at = `${id(from)}\u0001${id(to)}`;
    const group = grouped.get(at) ?? { from, to, kinds: [] };
    group.kinds.push(kind);
    grouped.set(at, group);
  }
  return [...grouped.values()].map(({ from, to, kinds: held }) => ({ packages: describe(held, typed), from, to }));
}

/**
 * The newest version of each key, then the candidate: the lines of both catalogues, the one
 * before first (its spelling names a kind). Lines named only after the change are not enough: a
 * version that stops naming a line lets exactly that line's packages fall elsewhere (0192's third
 * amendment). Older versions choose nothing, so their lines add no kind of their own.
 */
function linesBeforeAndAfter<T extends Versioned>(catalogue: readonly T[], candidate: T, linesOf: (v: T) => readonly string[] | undefined): string[] {
  const newest = new Map<string, T>();
  for (const v of catalogue) if ((newest.get(v.key)?.version ?? -Infinity) < v.version) newest.set(v.key, v);
  return [...newest.values(), candidate].flatMap((v) => linesOf(v) ?? []);
}

/** The packages whose applicable policy changes key when `candidate` becomes its key's newest version. */
export function policyMoves(policies: readonly Policy[], candidate: Policy): Move<Policy>[] {
  const after = [...policies.filter((p) => p.key !== candidate.key), candidate];
  const lines = linesBeforeAndAfter(policies, candidate, (p) => p.scope.businessLines);
  const at = (k: PackageKind) => ({ riskTier: k.riskTier, businessLine: k.line ?? '', modelType: k.modelType });
  return moves(kindsOf(lines, true), (k) => applicablePolicy(policies, at(k)), (k) => applicablePolicy(after, at(k)), true);
}

/** The packages whose template changes key when `candidate` becomes its key's newest version. */
export function templateMoves(templates: readonly WorkflowTemplate[], candidate: WorkflowTemplate): Move<WorkflowTemplate>[] {
  const after = [...templates.filter((t) => t.key !== candidate.key), candidate];
  const lines = linesBeforeAndAfter(templates, candidate, (t) => t.businessLines);
  return moves(kindsOf(lines, false), (k) => selectTemplate(templates, k.riskTier, k.line ?? ''), (k) => selectTemplate(after, k.riskTier, k.line ?? ''), false);
}
