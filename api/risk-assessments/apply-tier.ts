import { selectTemplate } from '#domain/workflow/default-templates.ts';
import { chainChange, movesChain } from '#domain/workflow/tier-chain.ts';
import { templateHash } from '#domain/evidence/template-check.ts';
import type { Actor } from '#domain/contracts/decisions.ts';
import { publishIfApprovalEnded } from '../events/approval-ended.ts';
import { problems } from '../kernel/problems.ts';
import { loadWorkflowFacts, workflowStateOf } from '../package-access/views.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

// The chain follows the tier that applies (docs/decisions/0167): before any decision either way,
// after one only to a stricter tier, never once the chain is complete. Run under the package lock
// in the assessment's (or confirmation's) transaction, which signing also takes: a decision in
// flight is recorded either before the move (and then kept where its step and role are kept) or
// after it, against the new chain and the new tier its payload must name.

export interface TierTemplate {
  key: string;
  version: number;
  tier: number;
  /** The definition's hash, as package.submitted states it: the record's verifier holds the chain to it. */
  hash: string;
}

/** Who moved the tier, and the ids for what the move publishes. */
export interface TierMover {
  actor: Actor;
  newId: () => string;
}

/**
 * The chain the tier selected, or undefined when the package stays on the one it has; audited when
 * it moves after a decision, and published as `package.approval_ended` when the move ends an
 * approval (0193, S30). Throws 422 (`template_missing`) when the chain must move and no
 * published template covers the tier.
 */
export async function applyTier(tx: StoreTx, pkg: StoredPackage, applied: { tier: number; assessment: number }, at: string, by: TierMover): Promise<TierTemplate | undefined> {
  // Read under the package lock: the package seen before it may be another assessment's.
  const current = (await tx.findPackage(pkg.id)) ?? pkg;
  // The same tier keeps the chain whatever was decided: no need to load the workflow to say so.
  if (current.riskTier === applied.tier) return undefined;
  const [facts] = await loadWorkflowFacts(tx, [current]);
  if (!facts) return undefined;
  const decided = facts.decisions.length > 0;
  const status = workflowStateOf(facts, new Date(at)).state.status;
  const approved = status === 'approved' || status === 'approved_with_conditions';
  if (!movesChain({ currentTier: current.riskTier, tier: applied.tier, decided, approved })) return undefined;
  const template = selectTemplate(await tx.listTemplates(), applied.tier, current.businessLine);
  // No chain for the tier: refused, not kept silently on the chain it would leave (0174). The
  // caller's transaction rolls back, so nothing of the assessment or confirmation is stored.
  if (!template) throw problems.validation([{ pointer: '', message: `No published workflow template covers risk tier ${applied.tier} for business line "${current.businessLine}", so the package cannot move to that tier's chain; an administrator publishes one (Administration → Workflow templates), then try again`, code: 'template_missing' }]);
  await tx.setPackageTier(pkg.id, applied.tier, { key: template.key, version: template.version }, at);
  const moved = { key: template.key, version: template.version, tier: applied.tier, hash: await templateHash(template) };
  if (decided) {
    await tx.appendAudit({
      event: { action: 'package.chain_changed', subject: pkg.id, before: { key: facts.template.key, version: facts.template.version, tier: current.riskTier, hash: await templateHash(facts.template), decided: facts.decisions.map((d) => d.id) }, after: { ...moved, assessment: applied.assessment, ...chainChange(facts.template, template) } },
      actorId: by.actor.id,
      at,
    });
  }
  const reason = `Risk assessment ${applied.assessment} set risk tier ${applied.tier}: the package moved from ${facts.template.key} version ${facts.template.version} (tier ${current.riskTier}) to ${template.key} version ${template.version}, under which its approval no longer stands`;
  await publishIfApprovalEnded(tx, { packageId: pkg.id, before: status, reason, actor: by.actor, at, newId: by.newId });
  return moved;
}
