import type { DecisionKind } from '../contracts/decisions.ts';
import type { FieldProblem } from '../contracts/problem.ts';
import { type Role, roleInProse } from '../contracts/roles.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { emergencyStepKey } from './emergency.ts';

// Segregation of duties across a package's chain, pure so the server, the mocks and the tests
// apply the same rules:
//
// 1. A delegate and the person they act for count as one person, on every step.
// 2. A person decides at most one step of a package (any of its versions), directly or
//    through a delegate; the emergency approval counts as a step.
// 3. A delegate who holds the role of another step of the package's chain does not act for
//    the delegated role on it; nor does one who has already decided another of its steps.
//
// A template may relax 2 and 3 with `allowSameDeciderAcrossSteps: true`, never 1.

/** A decision already on the package: who signed it, and for whom when a delegate signed. */
export interface DecidedBy {
  stepKey: string;
  versionNumber: number;
  decision: DecisionKind;
  actorId: string;
  /** The holder the signer acted for (delegation); null when they signed in their own role. */
  delegatorId: string | null;
}

/** Someone about to decide a step (or the emergency approval) of the package. */
export interface Decider {
  stepKey: string;
  versionNumber: number;
  signerId: string;
  /** The signer's own roles (a delegated role is not among them). */
  signerRoles: readonly Role[];
  /** The holder the signer acts for, when signing as a delegate. */
  delegatorId: string | null;
}

type Template = Pick<WorkflowTemplate, 'steps' | 'allowSameDeciderAcrossSteps'>;

/** Whether the template explicitly lets one person decide several steps. */
export function relaxesSegregation(template: Pick<WorkflowTemplate, 'allowSameDeciderAcrossSteps'>): boolean {
  return template.allowSameDeciderAcrossSteps === true;
}

/** The people a decision stands for: its signer, and the holder they acted for. */
function peopleOf(d: { actorId: string; delegatorId: string | null }): string[] {
  return d.delegatorId === null ? [d.actorId] : [d.actorId, d.delegatorId];
}

function stepName(template: Template, key: string): string {
  if (key === emergencyStepKey) return 'the emergency approval';
  return template.steps.find((s) => s.key === key)?.name ?? key;
}

const isApproval = (kind: DecisionKind) => kind === 'approve' || kind === 'approve_with_conditions';

/**
 * Why this person may not decide now, in a sentence, or null if segregation of duties allows
 * it. `nameOf` turns user ids into names for the sentence.
 */
export function segregationRefusal(template: Template, decider: Decider, decisions: readonly DecidedBy[], nameOf: (id: string) => string = (id) => id): string | null {
  const conflict = decidedConflict(template, decider, decisions, nameOf);
  if (conflict !== null || relaxesSegregation(template)) return conflict;

  // 3. A delegate must not bring a second step's role into the chain.
  if (decider.delegatorId !== null) {
    const own = template.steps.find((s) => s.key === decider.stepKey)?.role;
    const other = template.steps.find((s) => s.key !== decider.stepKey && s.role !== own && decider.signerRoles.includes(s.role));
    if (other) {
      return `You hold the ${roleInProse(other.role)} role of step ${other.name} of this package's chain: segregation of duties forbids acting for another step's role as a delegate.`;
    }
  }
  return null;
}

/**
 * Rules 1 and 2, the ones that read only the decisions already on the package (not the
 * signer's roles): what a decision kept from a chain the package left is judged by again under
 * the chain in force (docs/decisions/0193, 2026-12-06 amendment). A sentence, or null.
 */
export function decidedConflict(template: Template, decider: Omit<Decider, 'signerRoles'>, decisions: readonly DecidedBy[], nameOf: (id: string) => string = (id) => id): string | null {
  const mine = peopleOf({ actorId: decider.signerId, delegatorId: decider.delegatorId });
  const shares = (d: DecidedBy) => peopleOf(d).some((person) => mine.includes(person));
  const who = (d: DecidedBy) => (d.delegatorId === null ? nameOf(d.actorId) : `${nameOf(d.actorId)} (for ${nameOf(d.delegatorId)})`);

  // 1. Two approvals of one step on one version need two people, not a delegate and their delegator.
  const sameStep = decisions.find((d) => d.stepKey === decider.stepKey && d.versionNumber === decider.versionNumber && isApproval(d.decision) && d.actorId !== decider.signerId && shares(d));
  if (sameStep) {
    return `${who(sameStep)} already approved ${stepName(template, decider.stepKey)} on version ${decider.versionNumber}: a delegate and the person they act for count as one approval.`;
  }
  if (relaxesSegregation(template)) return null;

  // 2. At most one step of the package per person, whoever signed for them.
  const otherStep = decisions.find((d) => d.stepKey !== decider.stepKey && shares(d));
  if (otherStep) {
    const person = mine.find((p) => peopleOf(otherStep).includes(p)) ?? decider.signerId;
    return `${nameOf(person)} already decided ${stepName(template, otherStep.stepKey)} of this package (${who(otherStep)}, version ${otherStep.versionNumber}): segregation of duties lets a person decide only one step of a package.`;
  }
  return null;
}

/** A package a new delegation could act on, as delegation checking needs it. */
export interface PackageInFlight {
  /** How the package is named to the person delegating, e.g. "retail-credit-pd 4.3.0". */
  label: string;
  template: Template;
  /** Keys of the steps still to be decided (not approved on the current version). */
  openStepKeys: readonly string[];
  decisions: readonly DecidedBy[];
}

/**
 * What segregation of duties says against delegating `role` to `delegate`: every package on
 * which a step of that role is still to be decided, and on which the delegate holds another
 * step's role or has decided another step, makes the delegate unfit. One problem at
 * /delegateId naming a few of them; [] when there is none.
 */
export function delegationDutyProblems(role: Role, delegate: { id: string; displayName: string; roles: readonly Role[] }, packages: readonly PackageInFlight[]): FieldProblem[] {
  const conflicts: string[] = [];
  for (const pkg of packages) {
    const { template } = pkg;
    if (relaxesSegregation(template)) continue;
    const roleSteps = template.steps.filter((s) => s.role === role);
    if (!roleSteps.some((s) => pkg.openStepKeys.includes(s.key))) continue;
    const otherRole = template.steps.find((s) => s.role !== role && delegate.roles.includes(s.role));
    if (otherRole) {
      conflicts.push(`${pkg.label} (holds the ${roleInProse(otherRole.role)} role of its step ${otherRole.name})`);
      continue;
    }
    const acted = pkg.decisions.find((d) => !roleSteps.some((s) => s.key === d.stepKey) && peopleOf(d).includes(delegate.id));
    if (acted) conflicts.push(`${pkg.label} (decided its step ${stepName(template, acted.stepKey)})`);
  }
  if (conflicts.length === 0) return [];
  const shown = conflicts.slice(0, 3).join('; ');
  const more = conflicts.length > 3 ? `; and ${conflicts.length - 3} more` : '';
  return [
    {
      pointer: '/delegateId',
      message: `${delegate.displayName} cannot act for the ${roleInProse(role)} role: segregation of duties lets a person decide only one step of a package, and on packages still waiting for this role they would decide a second: ${shown}${more}`,
    },
  ];
}
