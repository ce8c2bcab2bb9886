// Decisions kept when the chain moved to a stricter tier's template (docs/decisions/0193): an
// approval signed under a chain the package left counts for a step of the chain it is decided
// under only if its step there covered every section the step requires. The record carries the
// definitions it left (/earlierTemplateDefinitions), each held to the hash its package.chain_changed
// entry states, and the entries list the decisions signed before each move; the same rule the
// server derives the steps with (domain/workflow/kept-decisions.ts) then says which approvals in
// /steps may count. A record whose steps count one that may not states a state the server does
// not hold, even under a valid record signature.
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { SignedDecision } from '../contracts/signatures.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { emergencyStands, keptDecisionCounts, keptSegregationConflict, templateSignedUnder, uncoveredSections, type ChainMove } from '../workflow/kept-decisions.ts';
import { isEmergencyApproval } from '../workflow/emergency.ts';
import { fail, pass, short } from './check.ts';
import { templateHash } from './template-check.ts';

const label = 'Decisions kept when the chain moved';

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);

interface Moves {
  moves: ChainMove[];
  problems: string[];
  /** Entries written before 0193 in a record made before it: the moves' definitions are not in the record. */
  unjudged: boolean;
}

/** The chain's moves as the record's audit entries state them, each with the definition its hash names. */
async function movesOf(record: ApprovalRecord): Promise<Moves> {
  const definitions = record.earlierTemplateDefinitions;
  const byHash = new Map<string, WorkflowTemplate>();
  for (const definition of definitions ?? []) byHash.set(await templateHash(definition), definition);
  const out: Moves = { moves: [], problems: [], unjudged: false };
  for (const entry of [...record.audit.entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.action !== 'package.chain_changed') continue;
    const hash = member(entry.before, 'hash');
    const decided = strings(member(entry.before, 'decided'));
    const from = typeof hash === 'string' ? byHash.get(hash) : undefined;
    if (from) {
      out.moves.push({ seq: entry.seq, at: entry.at, from, ...(decided ? { decided } : {}) });
      continue;
    }
    if (definitions === undefined && decided === undefined) {
      out.unjudged = true;
      continue;
    }
    out.problems.push(`audit entry #${entry.seq} moved the package from ${String(member(entry.before, 'key'))} version ${String(member(entry.before, 'version'))} (hash ${typeof hash === 'string' ? short(hash) : 'not stated'}), whose definition is not in /earlierTemplateDefinitions.`);
  }
  return out;
}

/** The signed decision an approval in /steps stands for. */
function decisionOf(record: ApprovalRecord, stepKey: string, approval: ApprovalRecord['steps'][number]['approvals'][number]): SignedDecision | undefined {
  const kind = approval.withConditions ? 'approve_with_conditions' : 'approve';
  return record.decisions.find((d) => d.stepKey === stepKey && d.decision === kind && d.actor.id === approval.actor.id && d.versionNumber === approval.versionNumber && d.decidedAt === approval.decidedAt);
}

/** A status of emergency approved resting only on emergency approvals signed under a chain the package left (0193 amendment). */
function emergencyProblems(record: ApprovalRecord, moves: readonly ChainMove[], current: WorkflowTemplate): string[] {
  if (record.package.status !== 'emergency_approved') return [];
  const latest = Math.max(...record.versions.map((v) => v.number));
  const onLatest = record.decisions.filter((d) => isEmergencyApproval(d) && d.versionNumber === latest);
  if (onLatest.length === 0 || onLatest.some((d) => emergencyStands(d, moves, current))) return [];
  return [`/package/status is emergency_approved, but the emergency approval of version ${latest} (${onLatest.map((d) => d.id).join(', ')}) was signed under a chain the package has left since: it stays on record and no longer makes the version deployable.`];
}

export async function keptDecisionsCheck(record: ApprovalRecord): Promise<RecordCheck | null> {
  const current = record.templateDefinition;
  if (!current || !record.audit.entries.some((e) => e.action === 'package.chain_changed')) return null;
  const { moves, problems, unjudged } = await movesOf(record);
  if (problems.length > 0) return fail(label, problems.join(' '));
  if (unjudged) return pass(label, 'The chain moved before the record carried the definitions it left (before 0193): the kept decisions rest on the record signature.');
  let kept = 0;
  // Whom each decision stands for (a delegate's, its delegator too): the chain in force's segregation of duties (0193 amendment).
  const delegators = new Map(record.decisions.flatMap((d) => (d.onBehalfOf ? [[d.id, d.onBehalfOf.delegator.id] as const] : [])));
  problems.push(...emergencyProblems(record, moves, current));
  for (const [index, step] of record.steps.entries()) {
    const defined = current.steps.find((s) => s.key === step.key && s.role === step.role);
    if (!defined) continue;
    for (const [at, approval] of step.approvals.entries()) {
      // An approval no signed decision backs is the steps check's to name.
      const decision = decisionOf(record, step.key, approval);
      if (!decision) continue;
      const under = templateSignedUnder(decision, moves, current);
      if (under === current) continue;
      kept += 1;
      const conflict = keptSegregationConflict(decision, record.decisions, moves, current, delegators);
      if (conflict !== null) {
        problems.push(`/steps/${index}/approvals/${at}: decision ${decision.id} by ${decision.actor.displayName} was signed under ${under.key} version ${under.version}; under ${current.key} version ${current.version}'s segregation of duties it does not count: ${conflict}`);
      }
      if (keptDecisionCounts(decision, defined, moves, current)) continue;
      const signedOn = under.steps.find((s) => s.key === decision.stepKey && s.role === decision.role);
      problems.push(`/steps/${index}/approvals/${at}: decision ${decision.id} by ${decision.actor.displayName} was signed under ${under.key} version ${under.version}, whose step ${step.key} did not cover ${uncoveredSections(signedOn, defined).join(', ')}, which the step requires now: it does not count, the step waits for a new decision.`);
    }
  }
  if (problems.length > 0) return fail(label, problems.join(' '));
  const entries = moves.map((m) => `#${m.seq}`).join(', ');
  return pass(label, `The chain moved at audit entr${moves.length === 1 ? 'y' : 'ies'} ${entries}; ${kept === 0 ? 'no approval in /steps was signed before it' : `each of the ${kept} approval${kept === 1 ? '' : 's'} in /steps signed before was on a step covering every section its step requires now, and counts under its segregation of duties`}.`);
}
