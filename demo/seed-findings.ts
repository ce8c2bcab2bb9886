import type { AuditAppend, StoredFinding, StoredUser, StoreTx } from '#api/store/store.ts';
import type { FindingSeverity, FindingStatus, FindingType } from '#domain/contracts/findings.ts';
import type { TextQuoteSelector } from '#domain/contracts/threads.ts';

// Demo findings: raised by a reviewer on a version, then moved on by the owner and the raising
// role, each move in the finding's history and the audit log, as the API would have written it.

export interface ScriptedFinding {
  section: string;
  quote: TextQuoteSelector | null;
  by: string;
  version: number;
  daysAgo: number;
  title: string;
  description: string;
  severity: FindingSeverity;
  type: FindingType;
  /** Days from the raising to the due date. */
  dueAfterDays: number;
  /** A move to `risk_accepted` takes `expiresInDays` (from today): the acceptance's expiry. */
  moves: { to: FindingStatus; by: string; version: number; daysAgo: number; note: string; expiresInDays?: number }[];
}

interface Input {
  packageId: string;
  ownerId: string;
  findings: readonly ScriptedFinding[];
  users: Map<string, StoredUser>;
  at: (daysAgo: number, hour?: number) => string;
  audit: AuditAppend[];
  randomToken: () => string;
}

export async function seedFindings(tx: StoreTx, input: Input): Promise<void> {
  const { packageId, ownerId, users, at, audit } = input;
  const actorOf = (id: string) => {
    const user = users.get(id);
    if (!user) throw new Error(`Unknown demo user ${id}`);
    return { user, actor: { id: user.id, displayName: user.displayName, title: user.title } };
  };
  for (const [index, f] of input.findings.entries()) {
    const { user: raiser, actor: raisedBy } = actorOf(f.by);
    const raisedRole = raiser.roles[0] ?? 'model_risk';
    const createdAt = at(f.daysAgo, 14 + index);
    const dueDate = new Date(new Date(createdAt).getTime() + f.dueAfterDays * 86_400_000).toISOString().slice(0, 10);
    let finding: StoredFinding = { id: `fnd_${input.randomToken().slice(0, 16)}`, packageId, versionNumber: f.version, sectionKey: f.section, anchor: f.quote, title: f.title, description: f.description, severity: f.severity, type: f.type, ownerId, dueDate, remediationPlan: '', status: 'open', raisedBy, raisedRole, acceptance: null, revision: 0, createdAt, updatedAt: createdAt };
    await tx.insertFinding(finding);
    await tx.insertFindingEvent({ id: `fev_${input.randomToken().slice(0, 16)}`, findingId: finding.id, position: 0, at: createdAt, by: raisedBy, role: raisedRole, from: null, to: 'open', versionNumber: f.version, note: f.description });
    audit.push({ event: { action: 'finding.raised', subject: packageId, before: null, after: { finding: finding.id, version: f.version, section: f.section, quote: f.quote?.exact ?? null, title: f.title, severity: f.severity, type: f.type, owner: ownerId, dueDate, role: raisedRole } }, actorId: raiser.id, at: createdAt });
    for (const move of f.moves) {
      const { actor } = actorOf(move.by);
      const role = move.by === ownerId ? 'model_owner' : raisedRole;
      const movedAt = at(move.daysAgo, 14 + index);
      const before = finding;
      const expiresOn = move.to === 'risk_accepted' ? at(-(move.expiresInDays ?? 180)).slice(0, 10) : null;
      const acceptance = expiresOn ? { rationale: move.note, role, expiresOn, by: actor, at: movedAt } : finding.acceptance;
      finding = { ...finding, status: move.to, revision: finding.revision + 1, updatedAt: movedAt, remediationPlan: move.to === 'remediation_proposed' ? move.note : finding.remediationPlan, acceptance };
      if (!(await tx.updateFinding(finding))) throw new Error(`Demo finding ${finding.id} could not move`);
      await tx.insertFindingEvent({ id: `fev_${input.randomToken().slice(0, 16)}`, findingId: finding.id, position: finding.revision, at: movedAt, by: actor, role, from: before.status, to: move.to, versionNumber: move.version, note: move.note });
      audit.push({ event: { action: 'finding.transitioned', subject: packageId, before: { finding: finding.id, status: before.status, revision: before.revision }, after: { finding: finding.id, status: move.to, revision: finding.revision, role, version: move.version, note: move.note, ...(expiresOn ? { expiresOn } : {}) } }, actorId: actor.id, at: movedAt });
    }
  }
}
