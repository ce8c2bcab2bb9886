import { selectTemplate } from '#domain/workflow/default-templates.ts';
import { chainChange } from '#domain/workflow/tier-chain.ts';
import { templateHash } from '#domain/evidence/template-check.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { problems } from '../kernel/problems.ts';
import type { Actor } from '#domain/contracts/decisions.ts';
import { publishIfApprovalEnded, statusInTx } from '../events/approval-ended.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

// A package filed before the list (0168) under a line of its own spelling got the policy and the
// chain that spelling matched, and is not approved under it (docs/decisions/0176). Its owner's
// new version names a listed line; the package is filed under it, on the chain that line selects
// for the package's tier, as a submission under that line would have been. Decisions count on the
// new chain where it has the same step in the same role (0167); steps it adds are pending.

/**
 * Files the package under the new version's line, in the resubmission's transaction (under the
 * package lock); audited, and published as `package.approval_ended` if the move ends an approval (0193, S30).
 */
export async function refileUnderListedLine(tx: StoreTx, pkg: StoredPackage, current: WorkflowTemplate, line: string, version: number, at: string, by: { actor: Actor; newId: () => string }): Promise<void> {
  const actorId = by.actor.id;
  const template = selectTemplate(await tx.listTemplates(), pkg.riskTier, line);
  if (!template) throw problems.validation([{ pointer: '/content/sections/0/businessLine', message: `No workflow template covers risk tier ${pkg.riskTier} for "${line}"` }]);
  // The status the new version left it in: only what the move itself ends is published.
  const before = await statusInTx(tx, pkg.id, at);
  await tx.refilePackageLine(pkg.id, line, { key: template.key, version: template.version }, at);
  const moved = template.key !== current.key || template.version !== current.version;
  const chain = { key: template.key, version: template.version, tier: pkg.riskTier, hash: await templateHash(template) };
  await tx.appendAudit({ event: { action: 'package.business_line_refiled', subject: pkg.id, before: { businessLine: pkg.businessLine }, after: { businessLine: line, version, ...(moved ? { template: chain } : {}) } }, actorId, at });
  if (!moved) return;
  // The record's template check holds the chain to this entry (domain/evidence/template-check.ts).
  await tx.appendAudit({
    event: { action: 'package.chain_changed', subject: pkg.id, before: { key: current.key, version: current.version, tier: pkg.riskTier, hash: await templateHash(current), decided: (await tx.listDecisions([pkg.id])).map((d) => d.id) }, after: { ...chain, businessLine: line, ...chainChange(current, template) } },
    actorId,
    at,
  });
  const reason = `Version ${version} re-filed the package under "${line}": it moved from ${current.key} version ${current.version} to ${template.key} version ${template.version}, under which its approval no longer stands`;
  await publishIfApprovalEnded(tx, { packageId: pkg.id, before, reason, actor: by.actor, at, newId: by.newId });
}
