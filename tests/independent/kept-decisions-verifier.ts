// An independent verifier of the decisions a record keeps across a moved chain
// (docs/verification.md, "earlierTemplateDefinitions"; docs/decisions/0193), written from that
// text only: it shares no code with the producer (domain/workflow/kept-decisions.ts,
// domain/evidence/kept-decisions-check.ts). It imports nothing but node:crypto and the other
// independent verifier's RFC 8785 encoder, so a bug in the app's rule or hashing cannot hide
// itself by being used on both sides.
import { createHash } from 'node:crypto';
import { jcs } from './tlog-verifier.ts';

interface Step {
  key: string;
  role: string;
  sections: string[];
}

interface Definition {
  key: string;
  version: number;
  steps: Step[];
  allowSameDeciderAcrossSteps?: boolean;
}

interface Approval {
  actor: { id: string };
  versionNumber: number;
  decidedAt: string;
  withConditions: boolean;
}

interface RecordDecision {
  id: string;
  stepKey: string;
  role: string;
  decision: string;
  actor: { id: string };
  versionNumber: number;
  decidedAt: string;
  onBehalfOf?: { delegator: { id: string } } | null;
}

interface RecordShape {
  package: { status: string };
  versions: { number: number }[];
  steps: { key: string; role: string; approvals: Approval[] }[];
  decisions: RecordDecision[];
  templateDefinition?: Definition;
  earlierTemplateDefinitions?: Definition[];
  audit: { entries: { seq: number; at: string; action: string; before: unknown }[] };
}

export interface KeptDecisionsVerdict {
  ok: boolean;
  problems: string[];
  /** Approvals in the steps that were signed under a definition the chain left. */
  keptApprovals: number;
}

interface Move {
  seq: number;
  at: string;
  from: Definition | null;
  decided: string[] | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const approves = (kind: string) => kind === 'approve' || kind === 'approve_with_conditions';
const peopleOf = (d: RecordDecision) => (d.onBehalfOf ? [d.actor.id, d.onBehalfOf.delegator.id] : [d.actor.id]);
const orderedBefore = (a: RecordDecision, b: RecordDecision) => a.decidedAt < b.decidedAt || (a.decidedAt === b.decidedAt && a.id < b.id);

/** The earlier decision that the chain in force's segregation of duties says kept approval `d` conflicts with, if any. */
function segregationConflict(d: RecordDecision, all: readonly RecordDecision[], current: Definition): RecordDecision | undefined {
  const mine = peopleOf(d);
  const relaxed = current.allowSameDeciderAcrossSteps === true;
  return all.find((e) => {
    if (e.id === d.id || !orderedBefore(e, d) || !peopleOf(e).some((p) => mine.includes(p))) return false;
    if (e.stepKey === d.stepKey && e.versionNumber === d.versionNumber && approves(e.decision) && e.actor.id !== d.actor.id) return true;
    return !relaxed && e.stepKey !== d.stepKey;
  });
}

/** The move a decision was signed before, if any: it was signed under that move's `from`. */
function moveOf(d: RecordDecision, moves: readonly Move[]): Move | undefined {
  return moves.find((m) => (m.decided ? m.decided.includes(d.id) : d.decidedAt <= m.at));
}

function beforeOf(entry: { before: unknown }): { key?: unknown; version?: unknown; hash?: unknown; decided?: unknown } {
  return typeof entry.before === 'object' && entry.before !== null ? entry.before : {};
}

export function verifyKeptDecisions(recordText: string): KeptDecisionsVerdict {
  const record = JSON.parse(recordText) as RecordShape;
  const problems: string[] = [];
  const current = record.templateDefinition;
  if (!current) return { ok: true, problems, keptApprovals: 0 };
  const byHash = new Map((record.earlierTemplateDefinitions ?? []).map((d) => [sha256(jcs(d)), d]));

  const moves: Move[] = [];
  for (const entry of [...record.audit.entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.action !== 'package.chain_changed') continue;
    const before = beforeOf(entry);
    const decided = Array.isArray(before.decided) ? before.decided.filter((id): id is string => typeof id === 'string') : null;
    const from = typeof before.hash === 'string' ? (byHash.get(before.hash) ?? null) : null;
    const legacy = record.earlierTemplateDefinitions === undefined && decided === null;
    if (!from && !legacy) problems.push(`chain move #${entry.seq}: no earlier definition hashes to ${String(before.hash)}`);
    moves.push({ seq: entry.seq, at: entry.at, from, decided });
  }

  let keptApprovals = 0;
  for (const [i, step] of record.steps.entries()) {
    const now = current.steps.find((s) => s.key === step.key && s.role === step.role);
    if (!now) continue;
    for (const [j, approval] of step.approvals.entries()) {
      const kind = approval.withConditions ? 'approve_with_conditions' : 'approve';
      const decision = record.decisions.find((d) => d.stepKey === step.key && d.decision === kind && d.actor.id === approval.actor.id && d.versionNumber === approval.versionNumber && d.decidedAt === approval.decidedAt);
      if (!decision) continue;
      const move = moveOf(decision, moves);
      if (!move) continue;
      keptApprovals += 1;
      // A move whose definition is missing was reported above; the approval cannot be judged.
      if (!move.from) continue;
      const conflict = segregationConflict(decision, record.decisions, current);
      if (conflict) problems.push(`steps[${i}].approvals[${j}] (decision ${decision.id}) was kept from an earlier chain, but shares a person with earlier decision ${conflict.id} (step ${conflict.stepKey}): ${current.key}@${current.version}'s segregation of duties does not let it count`);
      const then = move.from.steps.find((s) => s.key === decision.stepKey && s.role === decision.role);
      const missing = now.sections.filter((section) => !(then?.sections ?? []).includes(section));
      if (missing.length > 0) problems.push(`steps[${i}].approvals[${j}] (decision ${decision.id}) was signed under ${move.from.key}@${move.from.version}, whose step did not cover ${missing.join(', ')}`);
    }
  }
  // Judged only where every move's definition is known (a record made before 0193 rests on its signature).
  if (record.package.status === 'emergency_approved' && moves.length > 0 && moves.every((m) => m.from !== null)) {
    const last = Math.max(...record.versions.map((v) => v.number));
    const emergencies = record.decisions.filter((d) => d.decision === 'emergency_approve' && d.versionNumber === last);
    if (emergencies.length > 0 && emergencies.every((d) => moveOf(d, moves) !== undefined)) problems.push(`package.status is emergency_approved, but every emergency approval of version ${last} was signed under a chain the package left`);
  }
  return { ok: problems.length === 0, problems, keptApprovals };
}
