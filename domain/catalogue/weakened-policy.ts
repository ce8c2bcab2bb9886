import type { EvidenceRequirement, MetricRequirement } from '../contracts/policies.ts';
import type { PolicyBody, Weakening } from './catalogue-comparison.ts';
import { sameFramework } from '../policy/evidence-requirement.ts';
import { scopeWeakenings } from './narrowed-scope.ts';

// A policy version loosened against the one it replaces (docs/decisions/0192): a requirement
// removed or turned advisory, a threshold loosened, fewer packages in scope, failures let in.

const lowerBound = (operator: string) => operator === '>=' || operator === '>';

function format(r: Pick<MetricRequirement, 'operator' | 'value'>): string {
  return `${r.operator} ${r.value}`;
}

/** Whether `after` lets through a value `before` refused. */
function looser(before: Pick<MetricRequirement, 'operator' | 'value'>, after: Pick<MetricRequirement, 'operator' | 'value'>): boolean {
  if (lowerBound(before.operator) !== lowerBound(after.operator)) return true;
  if (before.value !== after.value) return lowerBound(after.operator) ? after.value < before.value : after.value > before.value;
  // Same number: a strict bound turned inclusive lets the bound itself through.
  return before.operator.length === 1 && after.operator.length === 2;
}

interface Requirement {
  id: string;
  enforcement: 'blocking' | 'advisory';
}

/** Requirements of a list keyed by `id`: removed or turned advisory, and the rest compared by `more`. */
function listWeakenings<R extends Requirement>(path: string, what: (r: R) => string, current: readonly R[], proposed: readonly R[], more: (before: R, after: R, at: string) => Weakening[] = () => []): Weakening[] {
  const found: Weakening[] = [];
  current.forEach((before, i) => {
    const j = proposed.findIndex((r) => r.id === before.id);
    const after = proposed[j];
    if (!after) found.push({ field: `${path}/${i}`, message: `${what(before)} is no longer required` });
    else {
      if (before.enforcement === 'blocking' && after.enforcement === 'advisory') found.push({ field: `${path}/${j}/enforcement`, message: `${what(after)} is advisory instead of blocking` });
      found.push(...more(before, after, `${path}/${j}`));
    }
  });
  return found;
}

function threshold<R extends Requirement & MetricRequirement>(before: R, after: R, at: string): Weakening[] {
  return looser(before, after) ? [{ field: `${at}/value`, message: `${after.metric} must be ${format(after)} instead of ${format(before)}` }] : [];
}

/** Whether two requirements accept the same references (0169: frameworks compared without case or extra spaces). */
const sameMatch = (a: EvidenceRequirement, b: EvidenceRequirement) => (a.framework === undefined || b.framework === undefined ? a.framework === b.framework : sameFramework(a.framework, b.framework));
const evidenceMatch = (e: EvidenceRequirement) => (e.framework ? `any ${e.framework} reference` : `a reference keyed ${e.key}`);

export function policyWeakenings(current: PolicyBody, proposed: PolicyBody): Weakening[] {
  const found: Weakening[] = [];
  if (current.onBlockingFailure === 'refuse' && proposed.onBlockingFailure === 'enter_review_flagged') {
    found.push({ field: '/onBlockingFailure', message: 'A submission failing a blocking requirement enters review flagged instead of being refused' });
  }
  const metrics = (list: PolicyBody['metrics']) => list.map((m) => ({ ...m, id: m.metric }));
  found.push(...listWeakenings('/metrics', (m) => `The ${m.metric} threshold`, metrics(current.metrics), metrics(proposed.metrics), threshold));
  const subgroups = (list: PolicyBody['subgroupMetrics']) => list.map((m) => ({ ...m, id: m.metric }));
  found.push(
    ...listWeakenings('/subgroupMetrics', (m) => `The subgroup ${m.metric} threshold`, subgroups(current.subgroupMetrics), subgroups(proposed.subgroupMetrics), (before, after, at) => {
      const gone = (before.subgroups ?? []).filter((s) => !(after.subgroups ?? []).includes(s));
      const dropped = gone.length > 0 ? [{ field: `${at}/subgroups`, message: `Subgroups no longer required to report ${after.metric}: ${gone.join(', ')}` }] : [];
      return [...threshold(before, after, at), ...dropped];
    }),
  );
  const sections = (list: PolicyBody['requiredSections']) => list.map((s) => ({ ...s, id: s.section }));
  found.push(...listWeakenings('/requiredSections', (s) => `The section ${s.section}`, sections(current.requiredSections), sections(proposed.requiredSections)));
  const evidence = (list: PolicyBody['requiredEvidence']) => (list ?? []).map((e) => ({ ...e, id: e.key }));
  found.push(
    ...listWeakenings('/requiredEvidence', (e) => `The evidence "${e.label}"`, evidence(current.requiredEvidence), evidence(proposed.requiredEvidence), (before, after, at) =>
      [
        ...(before.needsLink && !after.needsLink ? [{ field: `${at}/needsLink`, message: `The evidence "${after.label}" no longer needs a link` }] : []),
        // Another framework, or none (any reference keyed so), accepts references the old one refused.
        ...(!sameMatch(before, after) ? [{ field: `${at}/framework`, message: `The evidence "${after.label}" is met by ${evidenceMatch(after)} instead of ${evidenceMatch(before)}` }] : []),
      ],
    ),
  );
  found.push(...scopeWeakenings(current.scope, proposed.scope, (list) => `/scope/${list}`));
  if (current.appliesToPackagesInReview === true && proposed.appliesToPackagesInReview !== true) {
    found.push({ field: '/appliesToPackagesInReview', message: 'Packages already in review are no longer checked against it' });
  }
  return found;
}
