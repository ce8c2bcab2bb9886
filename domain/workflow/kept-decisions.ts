import type { Decision } from '../contracts/decisions.ts';
import type { WorkflowStep, WorkflowTemplate } from '../contracts/workflow-template.ts';
import { decidedConflict, type DecidedBy } from './segregation-of-duties.ts';

// A decision kept when the chain moves to a stricter tier's template (docs/decisions/0167, 0193).
// A decision signs the content hash, the step key and the role, not the sections its step was
// responsible for; so a kept approval satisfies a step of the new template only if the step it
// was signed under covered every section the new step requires. Otherwise the step reopens and
// waits for a new decision. The server (deriveWorkflowState over the workflow facts) and the
// record's verifier (from the package.chain_changed entries and the definitions the record
// carries) both read the chain history through this one rule.

/** One move of a package's chain after a decision: a package.chain_changed audit entry. */
export interface ChainMove {
  /** The entry's sequence number: moves apply in this order. */
  seq: number;
  /** The entry's time. */
  at: string;
  /** The template the package left: the one every decision signed before the move was signed under. */
  from: WorkflowTemplate;
  /**
   * The decisions signed before the move (ids), as the entry lists them (from 0193 on). An entry
   * written before lists none: a decision then counts as signed before it when it is not later.
   */
  decided?: readonly string[];
}

function signedBefore(decision: Decision, move: ChainMove): boolean {
  return move.decided ? move.decided.includes(decision.id) : decision.decidedAt <= move.at;
}

/** The template a decision was signed under: the one the first move after it left, else the chain in force. */
export function templateSignedUnder(decision: Decision, moves: readonly ChainMove[], current: WorkflowTemplate): WorkflowTemplate {
  const first = [...moves].sort((a, b) => a.seq - b.seq).find((move) => signedBefore(decision, move));
  return first ? first.from : current;
}

/** The sections of `step` that the step a decision was signed on did not cover (none when it covered them all). */
export function uncoveredSections(signedOn: Pick<WorkflowStep, 'sections'> | undefined, step: Pick<WorkflowStep, 'sections'>): string[] {
  return step.sections.filter((section) => !signedOn?.sections.includes(section));
}

/**
 * Whether a decision counts for `step` of the template in force: signed under that template, or
 * under an earlier one whose step of the same key and role covered every section `step` requires.
 */
export function keptDecisionCounts(decision: Decision, step: WorkflowStep, moves: readonly ChainMove[], current: WorkflowTemplate): boolean {
  if (moves.length === 0) return true;
  const under = templateSignedUnder(decision, moves, current);
  if (under === current) return true;
  const signedOn = under.steps.find((s) => s.key === decision.stepKey && s.role === decision.role);
  return signedOn !== undefined && uncoveredSections(signedOn, step).length === 0;
}

// 2026-12-06 amendment (0193): what the chain in force says of who may decide applies to the
// decisions kept from a chain the package left, as it would have to them had they been signed
// under it. Segregation of duties (rules 1 and 2 of segregation-of-duties.ts, the ones read from
// the decisions alone) is judged for each kept approval against every decision signed before it,
// in the order every reader lists decisions (time, then id): the later of two that one person
// could not both have given stops counting. An emergency approval signed under a chain the
// package left no longer makes the package deployable (it stays on record).

/** Whether `a` was signed before `b` in the order every reader lists decisions: time, then id. */
export function signedEarlier(a: Pick<Decision, 'decidedAt' | 'id'>, b: Pick<Decision, 'decidedAt' | 'id'>): boolean {
  return a.decidedAt < b.decidedAt || (a.decidedAt === b.decidedAt && a.id < b.id);
}

/** Whether a decision was signed under a chain the package has left since. */
export function keptFromEarlierChain(decision: Decision, moves: readonly ChainMove[], current: WorkflowTemplate): boolean {
  return moves.length > 0 && templateSignedUnder(decision, moves, current) !== current;
}

/**
 * Why an approval kept from a chain the package left does not count under the segregation of
 * duties of the chain in force, in a sentence, or null (also for any decision signed under it:
 * the server judged that one when it was signed). `delegators`: decision id to the holder a
 * delegate signed it for.
 */
export function keptSegregationConflict(decision: Decision, decisions: readonly Decision[], moves: readonly ChainMove[], current: WorkflowTemplate, delegators: ReadonlyMap<string, string>): string | null {
  if (!keptFromEarlierChain(decision, moves, current)) return null;
  const names = new Map(decisions.map((d) => [d.actor.id, d.actor.displayName]));
  const decidedBy = (d: Decision): DecidedBy => ({ stepKey: d.stepKey, versionNumber: d.versionNumber, decision: d.decision, actorId: d.actor.id, delegatorId: delegators.get(d.id) ?? null });
  const earlier = decisions.filter((d) => d.id !== decision.id && signedEarlier(d, decision)).map(decidedBy);
  const { stepKey, versionNumber, actorId: signerId, delegatorId } = decidedBy(decision);
  return decidedConflict(current, { stepKey, versionNumber, signerId, delegatorId }, earlier, (id) => names.get(id) ?? id);
}

/** Whether an emergency approval still makes the package deployable: only one signed under the chain in force does. */
export function emergencyStands(decision: Decision, moves: readonly ChainMove[], current: WorkflowTemplate): boolean {
  return !keptFromEarlierChain(decision, moves, current);
}
