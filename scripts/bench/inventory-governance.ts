// What makes a generated package approvable (docs/decisions/0188): a risk assessment whose
// computed tier is the package's tier, by the tiering method in effect, and metrics, subgroup
// rows and cited evidence that meet the blocking requirements of the policy applying to it.
// The approval route refuses every approval without them (governanceBlockers, 0141), so the
// server bench, which signs on the inventory, needs them as much as realism does.
import { isKnownMetric, metricCatalogue } from '#domain/contracts/metric-catalogue.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { EvidenceRequirement, MetricRequirement, Policy, PolicyEvaluation } from '#domain/contracts/policies.ts';
import { riskCategories, type CategoryAssessment, type ControlEffectiveness, type TieringMethod } from '#domain/contracts/risk-assessment.ts';
import type { Section, SectionOfKind, Threshold } from '#domain/contracts/sections.ts';
import type { SignedGovernance } from '#domain/contracts/signatures.ts';
import { evaluateAgainstPolicy } from '#domain/policy/evaluate-against-policy.ts';
import { computeTier, type TierResult } from '#domain/policy/risk-tiering.ts';
import { signedGovernance } from '#domain/policy/signed-governance.ts';

export interface PlannedAssessment {
  answers: CategoryAssessment[];
  result: TierResult;
  assessedBy: string;
  assessedAt: string;
}

const controls: readonly ControlEffectiveness[] = ['none', 'partial', 'effective'];
const scale = [1, 2, 3, 4, 5] as const;
const pickFrom = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const label = (category: string) => category.replace(/_/g, ' ');

/**
 * Answers the method scores to `tier`: every category low (likelihood and impact 1 or 2), one
 * driving category chosen at random and answered with one of the combinations that give the
 * tier, so the tier comes from the method in effect, not from numbers written for one version.
 */
export function answersForTier(tier: number, method: TieringMethod, random: () => number): { answers: CategoryAssessment[]; result: TierResult } {
  const base: CategoryAssessment[] = riskCategories.map((category) => ({ category, likelihood: pickFrom(random, [1, 2]), impact: pickFrom(random, [1, 2]), controls: pickFrom(random, controls), rationale: `Low ${label(category)} risk for this use.` }));
  const driver = Math.floor(random() * base.length);
  const fits = scale.flatMap((likelihood) =>
    scale.flatMap((impact) =>
      controls.flatMap((control) => {
        const answers = base.map((answer, index) => (index === driver ? { ...answer, likelihood, impact, controls: control, rationale: `${label(answer.category)} drives the tier: likelihood ${likelihood}, impact ${impact}, controls ${control}.` } : answer));
        const result = computeTier(answers, method);
        return result.computedTier === tier ? [{ answers, result }] : [];
      }),
    ),
  );
  const chosen = fits.length > 0 ? pickFrom(random, fits) : undefined;
  if (!chosen) throw new Error(`No answers score tier ${tier} by ${method.key} version ${method.version} with low answers beside one driving category`);
  return chosen;
}

type Bar = Pick<MetricRequirement, 'operator' | 'value'>;
const lowerBound = (bar: Bar) => bar.operator === '>=' || bar.operator === '>';
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A value meeting the bar with some margin, or missing it by a little. */
function valueFor(bar: Bar, pass: boolean, random: () => number): number {
  const r = random();
  const v = bar.value;
  if (lowerBound(bar)) {
    if (!pass) return round3(v > 0 ? v * (0.85 + 0.1 * r) : v - 0.01 - r);
    return round3(v > 0 && v < 1 ? v + (1 - v) * (0.2 + 0.6 * r) : v > 0 ? v * (1.05 + 0.2 * r) : v + 0.01 + r);
  }
  if (!pass) return round3(v > 0 ? v * (1.1 + 0.4 * r) : v + 1 + Math.floor(3 * r));
  return v > 0 ? round3(v * (0.4 + 0.5 * r)) : v;
}

const threshold = (bar: Bar): Threshold => ({ operator: bar.operator, value: bar.value });
const metricName = (key: string): string => (isKnownMetric(key) ? metricCatalogue[key] : key);

export interface PolicyFit {
  /** Fails this share of the advisory requirements (each on its own roll). */
  advisoryFailShare: number;
  /** Fails one blocking requirement: an earlier version, rejected for it. */
  failBlocking: boolean;
}

/**
 * `content` with its metric table, subgroup table and references written to what `policy`
 * requires, passing or failing as `fit` says; the check of the result is returned with it and
 * must come out as planned (a bar the value rounding crossed would be a plan error, not data).
 */
export function fitToPolicy(content: PackageContent, policy: Policy, fit: PolicyFit, random: () => number): { content: PackageContent; evaluation: PolicyEvaluation } {
  const blocking = [...policy.metrics, ...policy.subgroupMetrics].filter((r) => r.enforcement === 'blocking');
  const failing = fit.failBlocking ? pickFrom(random, blocking) : undefined;
  const passes = (requirement: MetricRequirement | EvidenceRequirement) => (requirement.enforcement === 'blocking' ? requirement !== failing : random() >= fit.advisoryFailShare);

  const sections = content.sections.map((section): Section => {
    if (section.kind === 'metric_table' && policy.metrics.length > 0) {
      return { ...section, metrics: policy.metrics.map((r) => ({ key: r.metric, name: metricName(r.metric), value: valueFor(r, passes(r), random), threshold: threshold(r) })) };
    }
    if (section.kind === 'subgroup_table' && policy.subgroupMetrics.length > 0) return subgroupTable(section, policy, passes, random);
    if (section.kind === 'references' && (policy.requiredEvidence ?? []).length > 0) {
      const cited = (policy.requiredEvidence ?? []).filter(passes).map((r) => ({ key: r.key, framework: r.framework ?? r.label, citation: r.label, url: `https://standards.example.com/${r.key}`, relevance: `Required by policy ${policy.key}.` }));
      return { ...section, references: [...section.references.filter((ref) => !cited.some((c) => c.key === ref.key)), ...cited] };
    }
    return section;
  });
  const fitted = { ...content, sections };
  const evaluation = evaluateAgainstPolicy(fitted, policy);
  const blockingFailed = evaluation.checks.some((c) => c.enforcement === 'blocking' && c.status !== 'pass');
  if (blockingFailed !== fit.failBlocking) throw new Error(`The metrics planned for policy ${policy.key} ${fit.failBlocking ? 'meet every' : 'fail a'} blocking requirement`);
  return { content: fitted, evaluation };
}

/** One row per subgroup a requirement names (two segments where none does), a value for every metric. */
function subgroupTable(section: SectionOfKind<'subgroup_table'>, policy: Policy, passes: (r: MetricRequirement) => boolean, random: () => number): Section {
  const named = [...new Set(policy.subgroupMetrics.flatMap((r) => r.subgroups ?? []))];
  const groups = named.length > 0 ? named : ['segment-new', 'segment-established'];
  // A requirement fails on one of its groups: the worst row decides.
  const failsOn = new Map(policy.subgroupMetrics.filter((r) => !passes(r)).map((r) => [r.metric, pickFrom(random, r.subgroups ?? groups)] as const));
  const rows = groups.map((key) => {
    const [attribute = key, ...rest] = key.split('-');
    const values = Object.fromEntries(policy.subgroupMetrics.map((r) => [r.metric, valueFor(r, failsOn.get(r.metric) !== key, random)]));
    return { key, attribute: attribute.charAt(0).toUpperCase() + attribute.slice(1), group: rest.join(' ') || key, sampleSize: 500 + Math.floor(random() * 20_000), values };
  });
  return { ...section, metrics: policy.subgroupMetrics.map((r) => ({ key: r.metric, name: metricName(r.metric), threshold: threshold(r) })), rows };
}

/** What a decision on a version is signed under (0107): its policy check and the assessment, number 1. */
export function plannedGovernance(evaluation: PolicyEvaluation | null, assessment: PlannedAssessment): Promise<SignedGovernance> {
  return signedGovernance(evaluation, { number: 1, method: assessment.result.method, tier: assessment.result.computedTier });
}
