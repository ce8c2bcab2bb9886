// A second, independent evaluation of package content against a governance policy version,
// written from docs/verification.md ("Policy results") alone, for the independent record
// verifier: it imports nothing, so a mistake in the app's evaluator (domain/policy) cannot agree
// with itself. A definition naming a kind of requirement this text does not describe is not
// evaluated: the verifier fails closed on it rather than pass what it cannot check.

export interface Bar {
  operator: string;
  value: number;
}

export interface Result {
  kind: string;
  subject: string;
  subgroup?: string;
  subgroupKey?: string;
  enforcement: string;
  status: string;
  required?: Bar;
  actual?: number;
  declared?: Bar;
  weakerOwnerThreshold?: Bar;
  conflictingCopies?: { section: string; value: number }[];
  evidence?: { label: string; framework?: string; needsLink: boolean; reference?: { section: string; key: string } };
}

interface Requirement {
  metric: string;
  operator: string;
  value: number;
  enforcement: string;
  subgroups?: string[];
}

export interface Definition {
  key: string;
  version: number;
  name: string;
  onBlockingFailure: string;
  metrics: Requirement[];
  subgroupMetrics: Requirement[];
  requiredSections: { section: string; enforcement: string }[];
  requiredEvidence?: Evidence[];
}

interface Evidence {
  key: string;
  label: string;
  framework?: string;
  needsLink: boolean;
  enforcement: string;
}

export interface Section {
  key: string;
  kind: string;
  metrics?: { key: string; value?: number; threshold?: Bar }[];
  rows?: { key: string; attribute: string; group: string; values: Record<string, number> }[];
  references?: { key: string; framework: string; url?: string }[];
}

/** The members of a definition this evaluator knows; any other is a requirement kind it cannot evaluate. */
const understood = new Set(['key', 'version', 'name', 'scope', 'onBlockingFailure', 'appliesToPackagesInReview', 'metrics', 'subgroupMetrics', 'requiredSections', 'requiredEvidence']);

export function unsupportedMembers(definition: object): string[] {
  return Object.keys(definition).filter((member) => !understood.has(member));
}

export function meets(value: number, bar: Bar): boolean {
  if (bar.operator === '>=') return value >= bar.value;
  if (bar.operator === '>') return value > bar.value;
  if (bar.operator === '<=') return value <= bar.value;
  if (bar.operator === '<') return value < bar.value;
  throw new Error(`unknown operator ${bar.operator}`);
}

const upward = (bar: Bar) => bar.operator.startsWith('>');
const inclusive = (bar: Bar) => bar.operator.endsWith('=');

/** The owner's bar lets through a value the policy's refuses: it points the other way, from a laxer bound, or includes an equal bound the policy excludes. */
function weaker(owner: Bar, policy: Bar): boolean {
  if (upward(owner) !== upward(policy)) return true;
  if (owner.value !== policy.value) return upward(owner) ? owner.value < policy.value : owner.value > policy.value;
  return inclusive(owner) && !inclusive(policy);
}

interface Copy {
  section: string;
  value: number;
  declared: Bar;
}

function judge(base: Omit<Result, 'status'> & { required: Bar }, copies: Copy[]): Result {
  const values = copies.map((c) => c.value).sort((a, b) => a - b);
  const actual = (upward(base.required) ? values[0] : values[values.length - 1]) as number;
  const result: Result = { ...base, declared: copies[0]?.declared, actual, status: meets(actual, base.required) ? 'pass' : 'fail' };
  const lax = copies.find((c) => weaker(c.declared, base.required));
  if (lax) result.weakerOwnerThreshold = lax.declared;
  if (new Set(values).size > 1) result.conflictingCopies = copies.map((c) => ({ section: c.section, value: c.value }));
  return result;
}

function metricResult(requirement: Requirement, sections: Section[]): Result {
  const base = { kind: 'metric', subject: requirement.metric, enforcement: requirement.enforcement, required: { operator: requirement.operator, value: requirement.value } };
  const copies: Copy[] = [];
  for (const section of sections.filter((s) => s.kind === 'metric_table')) {
    for (const metric of section.metrics ?? []) {
      if (metric.key === requirement.metric && typeof metric.value === 'number' && metric.threshold) copies.push({ section: section.key, value: metric.value, declared: metric.threshold });
    }
  }
  return copies.length > 0 ? judge(base, copies) : { ...base, status: 'missing' };
}

function subgroupResults(requirement: Requirement, sections: Section[]): Result[] {
  const base = { kind: 'subgroup_metric', subject: requirement.metric, enforcement: requirement.enforcement, required: { operator: requirement.operator, value: requirement.value } };
  const rows = new Map<string, { label: string; copies: Copy[] }>();
  for (const table of sections.filter((s) => s.kind === 'subgroup_table')) {
    const declared = table.metrics?.find((m) => m.key === requirement.metric)?.threshold;
    if (!declared) continue;
    for (const row of table.rows ?? []) {
      const value = row.values[requirement.metric];
      if (typeof value !== 'number') continue;
      const entry = rows.get(row.key) ?? { label: `${row.attribute}: ${row.group}`, copies: [] };
      entry.copies.push({ section: table.key, value, declared });
      rows.set(row.key, entry);
    }
  }
  const missing: Result[] = (requirement.subgroups ?? []).filter((key) => !rows.has(key)).map((key) => ({ ...base, subgroup: key, subgroupKey: key, status: 'missing' }));
  if (rows.size === 0) return missing.length > 0 ? missing : [{ ...base, status: 'missing' }];
  const judged = [...rows].map(([key, row]) => ({ ...judge(base, row.copies), subgroup: row.label, subgroupKey: key }));
  const listed = judged.filter((r) => r.status !== 'pass' || r.conflictingCopies);
  if (missing.length > 0 || judged.some((r) => r.status !== 'pass')) return [...listed, ...missing];
  const { conflictingCopies: _ignored, ...all } = judge(base, [...rows.values()].flatMap((r) => r.copies));
  return [{ ...all, subgroup: 'all' }, ...listed];
}

/** Frameworks are compared trimmed, with runs of white space as one space, and lowercased. */
const folded = (text: string) => text.trim().split(/\s+/).join(' ').toLowerCase();

/**
 * Evidence: the references that cite the requirement (of the same framework when it names one,
 * else with the same key; a key alone never cites a requirement naming a framework), in content order. None: missing. A link needed and none of them has a URL: fail, naming
 * the first. Otherwise pass, naming the first with a URL when a link is needed, else the first.
 */
function evidenceResult(requirement: Evidence, sections: Section[]): Result {
  const citing: { section: string; key: string; url?: string }[] = [];
  for (const section of sections.filter((s) => s.kind === 'references')) {
    for (const ref of section.references ?? []) {
      const cites = requirement.framework === undefined ? ref.key === requirement.key : folded(ref.framework) === folded(requirement.framework);
      if (cites) citing.push({ section: section.key, key: ref.key, ...(ref.url === undefined ? {} : { url: ref.url }) });
    }
  }
  const linked = citing.find((c) => c.url !== undefined);
  const named = requirement.needsLink && linked ? linked : citing[0];
  let status = 'pass';
  if (!named) status = 'missing';
  else if (requirement.needsLink && !linked) status = 'fail';
  const evidence: NonNullable<Result['evidence']> = { label: requirement.label, needsLink: requirement.needsLink };
  if (requirement.framework !== undefined) evidence.framework = requirement.framework;
  if (named) evidence.reference = { section: named.section, key: named.key };
  return { kind: 'evidence', subject: requirement.key, enforcement: requirement.enforcement, status, evidence };
}

/** Every result the definition gives for the content, and the outcome for a version stored on submission or on a re-check. */
export function evaluate(definition: Definition, sections: Section[], recheck: boolean): { outcome: string; results: Result[] } {
  const results = [
    ...definition.metrics.map((r) => metricResult(r, sections)),
    ...definition.subgroupMetrics.flatMap((r) => subgroupResults(r, sections)),
    ...definition.requiredSections.map((r) => ({ kind: 'section', subject: r.section, enforcement: r.enforcement, status: sections.some((s) => s.key === r.section) ? 'pass' : 'missing' })),
    ...(definition.requiredEvidence ?? []).map((r) => evidenceResult(r, sections)),
  ];
  const blocked = results.some((r) => r.enforcement === 'blocking' && r.status !== 'pass');
  return { outcome: !blocked ? 'pass' : definition.onBlockingFailure === 'refuse' && !recheck ? 'refused' : 'flagged', results };
}
