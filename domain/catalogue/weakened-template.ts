import type { TemplateBody, Weakening } from './catalogue-comparison.ts';
import { findingSeverities } from '../contracts/findings.ts';

// A workflow template loosened against another (docs/decisions/0192): the version it replaces,
// or the template a package would otherwise have followed (the amendment's moves).

const spoken = (role: string) => role.replace(/_/g, ' ');

/** Absent: critical and high block (0074). */
const blockingOf = (body: TemplateBody): readonly string[] => body.blockingFindingSeverities ?? findingSeverities.slice(0, 2);

export function templateWeakenings(current: TemplateBody, proposed: TemplateBody): Weakening[] {
  const found: Weakening[] = [];
  current.steps.forEach((step, i) => {
    const j = proposed.steps.findIndex((s) => s.key === step.key);
    const next = proposed.steps[j];
    if (!next) {
      found.push({ field: `/steps/${i}`, message: `The step "${step.name}" (${spoken(step.role)}) is removed` });
      return;
    }
    // Another role under the same key: a different group signs the step (any change may loosen it).
    if (next.role !== step.role) found.push({ field: `/steps/${j}/role`, message: `The step "${next.name}" is decided by ${spoken(next.role)} instead of ${spoken(step.role)}` });
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
  if (emergency.length > 0) found.push({ field: '/emergencyRoles', message: `May also approve in an emergency: ${emergency.map(spoken).join(', ')}` });
  return found;
}

