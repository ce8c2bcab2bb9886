import type { RevalidationMonths } from '../contracts/revalidation.ts';
import type { CatalogueComparison, Weakening } from './catalogue-comparison.ts';
import { policyWeakenings } from './weakened-policy.ts';
import { templateWeakenings } from './weakened-template.ts';
import { methodWeakenings } from './weakened-method.ts';
import { scopeWeakenings } from './narrowed-scope.ts';
import { movedPolicyWeakenings, movedTemplateWeakenings } from './weakened-moves.ts';

// What a proposed catalogue change loosens compared with the version it replaces
// (docs/decisions/0192): the approver of another administrator's proposal reads these first,
// because a laxer policy, template, tiering method or schedule is what one administrator acting
// alone would want to slip through. Only loosening is listed; tightening needs no warning.

export type { CatalogueComparison, Weakening } from './catalogue-comparison.ts';

export function weakenedControls(comparison: CatalogueComparison): Weakening[] {
  switch (comparison.kind) {
    case 'publish_policy':
      return [...(comparison.current ? policyWeakenings(comparison.current, comparison.proposed) : []), ...movedPolicyWeakenings(comparison.catalogue ?? [], comparison.proposed)];
    case 'publish_template':
      return [
        ...(comparison.current ? templateWeakenings(comparison.current, comparison.proposed) : []),
        // Same key, smaller scope: said here, since the moves compare keys and leave scopes out.
        ...(comparison.current ? scopeWeakenings(comparison.current, comparison.proposed, (list) => `/${list}`) : []),
        ...movedTemplateWeakenings(comparison.catalogue ?? [], comparison.proposed),
      ];
    case 'publish_tiering_method':
      return comparison.current ? methodWeakenings(comparison.current, comparison.proposed) : [];
    case 'publish_revalidation_schedule':
      return comparison.current ? scheduleWeakenings(comparison.current.months, comparison.proposed.months) : [];
    case 'add_business_line':
      return [];
    case 'retire_business_line':
      return [
        ...(comparison.packages > 0 ? [{ field: '/key', message: `${comparison.packages} ${comparison.packages === 1 ? 'package is' : 'packages are'} filed under "${comparison.label}"; once retired, no new package can name it` }] : []),
        // Its packages can no longer be filed under it, so a scope written for it stops applying to them.
        ...comparison.namedBy.map((name) => ({ field: '/key', message: `${name.charAt(0).toUpperCase()}${name.slice(1)} names this line; its packages would no longer reach it` })),
      ];
  }
}

const tiers = ['1', '2', '3', '4'] as const;

function scheduleWeakenings(current: RevalidationMonths, proposed: RevalidationMonths): Weakening[] {
  return tiers
    .filter((tier) => proposed[tier] > current[tier])
    .map((tier) => ({ field: `/months/${tier}`, message: `Tier ${tier} is revalidated every ${proposed[tier]} months instead of every ${current[tier]}` }));
}

