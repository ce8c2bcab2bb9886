import type { RevalidationMonths } from '../contracts/revalidation.ts';
import type { CatalogueComparison, MethodBody, TemplateBody, Weakening } from './catalogue-comparison.ts';
import { findingSeverities } from '../contracts/findings.ts';
import { policyWeakenings } from './weakened-policy.ts';

// What a proposed catalogue change loosens compared with the version it replaces
// (docs/decisions/0192): the approver of another administrator's proposal reads these first,
// because a laxer policy, template, tiering method or schedule is what one administrator acting
// alone would want to slip through. Only loosening is listed; tightening needs no warning.

export type { CatalogueComparison, Weakening } from './catalogue-comparison.ts';

export function weakenedControls(comparison: CatalogueComparison): Weakening[] {
  switch (comparison.kind) {
    case 'publish_policy':
      return comparison.current ? policyWeakenings(comparison.current, comparison.proposed) : [];
    case 'publish_template':
      return comparison.current ? templateWeakenings(comparison.current, comparison.proposed) : [];
    case 'publish_tiering_method':
      return comparison.current ? methodWeakenings(comparison.current, comparison.proposed) : [];
    case 'publish_revalidation_schedule':
      return comparison.current ? scheduleWeakenings(comparison.current.months, comparison.proposed.months) : [];
    case 'add_business_line':
      return [];
    case 'retire_business_line':
      return comparison.packages > 0
        ? [{ field: '/key', message: `${comparison.packages} ${comparison.packages === 1 ? 'package is' : 'packages are'} filed under "${comparison.label}"; once retired, no new package can name it` }]
        : [];
  }
}

const tiers = ['1', '2', '3', '4'] as const;

function scheduleWeakenings(current: RevalidationMonths, proposed: RevalidationMonths): Weakening[] {
  return tiers
    .filter((tier) => proposed[tier] > current[tier])
    .map((tier) => ({ field: `/months/${tier}`, message: `Tier ${tier} is revalidated every ${proposed[tier]} months instead of every ${current[tier]}` }));
}

/** Absent: critical and high block (0074). */
const blockingOf = (body: TemplateBody): readonly string[] => body.blockingFindingSeverities ?? findingSeverities.slice(0, 2);

function templateWeakenings(current: TemplateBody, proposed: TemplateBody): Weakening[] {
  const found: Weakening[] = [];
  current.steps.forEach((step, i) => {
    const j = proposed.steps.findIndex((s) => s.key === step.key);
    const next = proposed.steps[j];
    if (!next) {
      found.push({ field: `/steps/${i}`, message: `The step "${step.name}" (${step.role.replace(/_/g, ' ')}) is removed` });
      return;
    }
    if (next.approvalsRequired < step.approvalsRequired) found.push({ field: `/steps/${j}/approvalsRequired`, message: `The step "${next.name}" needs ${next.approvalsRequired} approvals instead of ${step.approvalsRequired}` });
    const dropped = step.sections.filter((s) => !next.sections.includes(s));
    if (dropped.length > 0) found.push({ field: `/steps/${j}/sections`, message: `The step "${next.name}" is no longer responsible for ${dropped.join(', ')}` });
    if (next.dueHours > step.dueHours) found.push({ field: `/steps/${j}/dueHours`, message: `The step "${next.name}" is due after ${next.dueHours} hours instead of ${step.dueHours}` });
  });
  if (current.staleApprovals === 'every_change' && proposed.staleApprovals === 'responsible_sections') {
    found.push({ field: '/staleApprovals', message: 'Approvals stand across new versions unless a section their step is responsible for changed (was: every change makes them stale)' });
  }
  if (proposed.allowSameDeciderAcrossSteps === true && current.allowSameDeciderAcrossSteps !== true) {
    found.push({ field: '/allowSameDeciderAcrossSteps', message: 'One person may decide several steps of a package (segregation of duties relaxed)' });
  }
  const unblocked = blockingOf(current).filter((s) => !blockingOf(proposed).includes(s));
  if (unblocked.length > 0) found.push({ field: '/blockingFindingSeverities', message: `Open ${unblocked.join(' and ')} findings no longer block an approval` });
  const emergency = (proposed.emergencyRoles ?? []).filter((r) => !(current.emergencyRoles ?? []).includes(r));
  if (emergency.length > 0) found.push({ field: '/emergencyRoles', message: `May also approve in an emergency: ${emergency.map((r) => r.replace(/_/g, ' ')).join(', ')}` });
  return found;
}

function methodWeakenings(current: MethodBody, proposed: MethodBody): Weakening[] {
  const found: Weakening[] = [];
  // A higher minimum score for a tier puts fewer packages in it: tier 1 is the strictest.
  for (const tier of ['1', '2', '3'] as const) {
    const before = current.thresholds?.[tier];
    const after = proposed.thresholds?.[tier];
    if (before !== undefined && after !== undefined && after > before) found.push({ field: `/thresholds/${tier}`, message: `Tier ${tier} needs a score of at least ${after} instead of ${before}` });
  }
  for (const level of ['partial', 'effective'] as const) {
    const before = current.controlReduction[level];
    const after = proposed.controlReduction[level];
    if (after > before) found.push({ field: `/controlReduction/${level}`, message: `${level === 'partial' ? 'Partial' : 'Effective'} controls take ${after} off the inherent score instead of ${before}` });
  }
  const unscored = current.categories.filter((c) => !proposed.categories.includes(c));
  if (unscored.length > 0) found.push({ field: '/categories', message: `No longer scored: ${unscored.join(', ')}` });
  const cells = laxerCells(current.grid, proposed.grid);
  if (cells > 0) found.push({ field: '/grid', message: `${cells} ${cells === 1 ? 'cell of the risk matrix gives' : 'cells of the risk matrix give'} a lower-risk tier than before` });
  return found;
}

/** Cells whose tier number went up (a higher tier number is a lower risk). */
function laxerCells(before: unknown[] | undefined, after: unknown[] | undefined): number {
  if (!before || !after) return 0;
  let count = 0;
  before.forEach((row, l) => {
    if (!Array.isArray(row) || !Array.isArray(after[l])) return;
    row.forEach((cell, i) => {
      const next: unknown = (after[l] as unknown[])[i];
      if (typeof cell === 'number' && typeof next === 'number' && next > cell) count += 1;
    });
  });
  return count;
}
