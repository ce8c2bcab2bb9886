import type { TieringMethod } from '#domain/contracts/risk-assessment.ts';
import { riskCategories } from '#domain/contracts/risk-assessment.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import type { BusinessLine } from '#domain/contracts/business-lines.ts';
import { businessLineKey } from '#domain/text/business-line.ts';
import type { CatalogueComparison, MethodBody, TemplateBody } from '#domain/catalogue/catalogue-comparison.ts';
import { weakenedControls } from '#domain/catalogue/weakened-controls.ts';
import type { StoredPolicyVersion, StoredRevalidationSchedule, StoreTx } from '../store/store.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { CatalogueProposal, NewCatalogueProposal } from './contract.ts';

// What a proposal replaces, read from the catalogue once per list (docs/decisions/0192): the
// version it names, in the change's own form so the page can diff them, and what it loosens.
// Only the kinds some proposal has are read; packages are counted only for a retirement.

type CatalogueReads = Pick<StoreTx, 'listPolicyVersions' | 'listTemplates' | 'listTieringMethods' | 'listRevalidationSchedules' | 'listBusinessLines' | 'listPackages'>;

export interface CatalogueFacts {
  policies: readonly StoredPolicyVersion[];
  templates: readonly WorkflowTemplate[];
  methods: readonly TieringMethod[];
  schedules: readonly StoredRevalidationSchedule[];
  lines: readonly BusinessLine[];
  /** Packages filed under each line key a retirement names. */
  packagesOnLine: ReadonlyMap<string, number>;
}

export async function catalogueFacts(store: CatalogueReads, contents: readonly NewCatalogueProposal[]): Promise<CatalogueFacts> {
  const has = (kind: NewCatalogueProposal['kind']) => contents.some((c) => c.kind === kind);
  const retiring = new Set(contents.flatMap((c) => (c.kind === 'retire_business_line' ? [c.change.key] : [])));
  const [policies, templates, methods, schedules, lines, packages] = await Promise.all([
    // A retirement names the policies and templates written for the line (0192's amendment).
    has('publish_policy') || retiring.size > 0 ? store.listPolicyVersions() : [],
    has('publish_template') || retiring.size > 0 ? store.listTemplates() : [],
    has('publish_tiering_method') ? store.listTieringMethods() : [],
    has('publish_revalidation_schedule') ? store.listRevalidationSchedules() : [],
    retiring.size > 0 ? store.listBusinessLines() : [],
    retiring.size > 0 ? store.listPackages() : [],
  ]);
  const packagesOnLine = new Map<string, number>();
  for (const pkg of packages) {
    const key = businessLineKey(pkg.businessLine);
    if (retiring.has(key)) packagesOnLine.set(key, (packagesOnLine.get(key) ?? 0) + 1);
  }
  return { policies, templates, methods: methods.map((row) => row.method), schedules, lines, packagesOnLine };
}

function templateBody({ version: _version, ...body }: WorkflowTemplate): TemplateBody {
  return { ...body, steps: body.steps.map(({ key, name, role, approvalsRequired, dueHours, sections }) => ({ key, name, role, approvalsRequired, dueHours, sections })) };
}

/** A stored method in the form its publication takes: thresholds read back from its bands. */
function methodBody(method: TieringMethod): MethodBody {
  const minScore = (tier: number) => method.bands.find((b) => b.tier === tier)?.minScore;
  const [one, two, three] = [minScore(1), minScore(2), minScore(3)];
  return {
    name: method.name,
    kind: method.kind,
    categories: method.categories ?? [...riskCategories],
    controlReduction: method.controlReduction,
    ...(method.weights ? { weights: method.weights } : {}),
    ...(one !== undefined && two !== undefined && three !== undefined ? { thresholds: { '1': one, '2': two, '3': three } } : {}),
    ...(method.grid ? { grid: method.grid } : {}),
  };
}

/** The newest version of each policy and template key whose scope names the line. */
function linesNamedBy(facts: CatalogueFacts, key: string): string[] {
  const newest = <T extends { key: string; version: number }>(all: readonly T[]) => [...new Map([...all].sort((a, b) => a.version - b.version).map((v) => [v.key, v])).values()];
  const names = (lines: readonly string[] | undefined) => (lines ?? []).some((l) => businessLineKey(l) === key);
  return [
    ...newest(facts.policies.map((row) => row.policy)).filter((p) => names(p.scope.businessLines)).map((p) => `policy ${p.key} v${p.version}`),
    ...newest(facts.templates).filter((t) => names(t.businessLines)).map((t) => `template ${t.key} v${t.version}`),
  ];
}

type Compared = Pick<CatalogueProposal, 'replacesVersion' | 'current' | 'weakens'>;
const nothingCompared: Compared = { replacesVersion: null, current: null, weakens: [] };

function compared(replacesVersion: number | null, comparison: CatalogueComparison, current: unknown): Compared {
  return { replacesVersion, current: (current ?? null) as Compared['current'], weakens: weakenedControls(comparison) };
}

export function comparedWithCurrent(facts: CatalogueFacts, content: NewCatalogueProposal): Compared {
  switch (content.kind) {
    case 'publish_policy': {
      const { replacesVersion, ...proposed } = content.change;
      const found = facts.policies.find((row) => row.policy.key === proposed.key && row.policy.version === replacesVersion)?.policy;
      const current = found ? (({ version: _version, ...body }) => body)(found) : null;
      const catalogue = facts.policies.map((row) => row.policy);
      return compared(current ? (replacesVersion ?? null) : null, { kind: content.kind, current, proposed, catalogue }, current);
    }
    case 'publish_template': {
      const { replacesVersion, ...proposed } = content.change;
      const found = facts.templates.find((t) => t.key === proposed.key && t.version === replacesVersion);
      const current = found ? templateBody(found) : null;
      return compared(current ? (replacesVersion ?? null) : null, { kind: content.kind, current, proposed, catalogue: facts.templates }, current);
    }
    case 'publish_tiering_method': {
      const { replacesVersion, ...proposed } = content.change;
      const found = facts.methods.find((m) => m.version === replacesVersion);
      const current = found ? methodBody(found) : null;
      return compared(replacesVersion, { kind: content.kind, current, proposed }, current);
    }
    case 'publish_revalidation_schedule': {
      const found = facts.schedules.find((s) => s.version === content.change.replacesVersion);
      const current = found ? { months: found.months } : null;
      return compared(content.change.replacesVersion, { kind: content.kind, current, proposed: { months: content.change.months } }, current);
    }
    case 'add_business_line':
      return compared(null, { kind: content.kind }, null);
    case 'retire_business_line': {
      const line = facts.lines.find((l) => l.key === content.change.key);
      const packages = facts.packagesOnLine.get(content.change.key) ?? 0;
      const namedBy = linesNamedBy(facts, content.change.key);
      return compared(null, { kind: content.kind, label: line?.label ?? content.change.key, packages, namedBy }, line ? { key: line.key, label: line.label, packages } : null);
    }
  }
}

/** A comparison as shown, its canonical JSON and that JSON's SHA-256. */
export type ShownComparison = Compared & Pick<CatalogueProposal, 'comparisonSha256'> & { comparisonJson: string };

/**
 * The comparison a view shows (nothing for content that is not shown), with the SHA-256 of its
 * canonical JSON. `current` and `weakens` read other keys too (a scope taken from another policy),
 * so an approval names this hash and is refused when it differs now (0192, fifth amendment).
 */
export async function shownComparison(facts: CatalogueFacts, content: NewCatalogueProposal | null): Promise<ShownComparison> {
  const { replacesVersion, current, weakens } = content ? comparedWithCurrent(facts, content) : nothingCompared;
  const comparisonJson = canonicalize({ replacesVersion, current, weakens });
  return { replacesVersion, current, weakens, comparisonJson, comparisonSha256: await sha256Hex(comparisonJson) };
}
