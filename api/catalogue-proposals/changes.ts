import type { StoreTx } from '../store/store.ts';
import { checkPolicyPublication } from '../policies/publish-policy.ts';
import { policyLocation } from '../policies/entries.ts';
import { checkTemplatePublication } from '../templates/publish-template.ts';
import { templateLocation } from '../templates/entries.ts';
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
