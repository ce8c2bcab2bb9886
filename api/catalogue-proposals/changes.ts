import type { StoreTx } from '../store/store.ts';
import { checkPolicyPublication } from '../policies/publish-policy.ts';
import { policyLocation } from '../policies/entries.ts';
import { checkTemplatePublication } from '../templates/publish-template.ts';
import { newestPerKey, templateLocation } from '../templates/entries.ts';
import { checkMethodPublication } from '../risk-assessments/publish-method.ts';
import { checkSchedulePublication } from '../revalidation/publish-schedule.ts';
import { checkLineAddition, checkLineRetirement, lineLocation } from '../business-lines/line-changes.ts';
import type { ChangeTime, CheckedChange } from '../kernel/catalogue-change.ts';
import type { NewCatalogueProposal } from './contract.ts';

// The one dispatch from a proposal's kind to the function its direct route runs: a proposal
// is checked, and an approval applied, by exactly that code (docs/decisions/0182). The write
// answers where the change can be read, as the direct route's location would.

function located<Result>(checked: CheckedChange<Result>, location: (result: Result) => string): CheckedChange<string> {
  return { subject: checked.subject, write: async () => location(await checked.write()) };
}

/** Checks the change in `tx` (the caller holds the catalogue lock); its write makes it, with `actorId` as actor. */
export async function checkCatalogueChange(tx: StoreTx, content: NewCatalogueProposal, actorId: string, when: ChangeTime): Promise<CheckedChange<string>> {
  switch (content.kind) {
    case 'publish_policy':
      return located(await checkPolicyPublication(tx, content.change, actorId, when), policyLocation);
    case 'publish_template':
      return located(await checkTemplatePublication(tx, content.change, actorId, when), templateLocation);
    case 'publish_tiering_method':
      return located(await checkMethodPublication(tx, content.change, actorId, when), () => '/api/risk-tiering-methods');
    case 'publish_revalidation_schedule':
      return located(await checkSchedulePublication(tx, content.change, actorId, when), () => '/api/revalidation-schedules');
    case 'add_business_line':
      return located(await checkLineAddition(tx, content.change, actorId, when), lineLocation);
    case 'retire_business_line':
      return located(await checkLineRetirement(tx, content.change, actorId, when), lineLocation);
  }
}

/**
 * The change tied to the catalogue it is filed against: a policy or template version sent
 * without the version it replaces names the current one (0 for a new key). Otherwise an
 * approval after another version was published would silently replace that version, or make
 * a proposed new key the next version of one taken meanwhile (0182, an adversary's finding).
 */
export async function pinnedToCurrent(tx: StoreTx, content: NewCatalogueProposal): Promise<NewCatalogueProposal> {
  if (content.kind === 'publish_policy' && content.change.replacesVersion === undefined) {
    const { key } = content.change;
    const versions = (await tx.listPolicyVersions()).filter((row) => row.policy.key === key).map((row) => row.policy.version);
    return { ...content, change: { ...content.change, replacesVersion: Math.max(0, ...versions) } };
  }
  if (content.kind === 'publish_template' && content.change.replacesVersion === undefined) {
    const current = newestPerKey(await tx.listTemplates()).get(content.change.key);
    return { ...content, change: { ...content.change, replacesVersion: current?.version ?? 0 } };
  }
  return content;
}
