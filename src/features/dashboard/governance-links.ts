import type { GovernanceFigure, GovernanceFigureKey, GovernanceLink } from '#domain/contracts/governance.ts';

// Where each governance figure leads, and what it is called. The link is the server's: the
// page it opens sends the same filter back to the API, so the list is the set that was counted.

/** The app address of the list behind a figure. */
export function hrefOf(link: GovernanceLink): string {
  const search = new URLSearchParams();
  switch (link.list) {
    case 'packages':
      // The inventory's "All" tab: a committee member's default tab would hide decided packages.
      search.set('tab', 'all');
      search.set('governance', link.query.governance);
      if (link.query.riskTier !== undefined) search.set('riskTier', String(link.query.riskTier));
      return `/?${search.toString()}`;
    case 'findings':
      search.set('status', link.query.status);
      search.set('acceptanceExpired', link.query.acceptanceExpired);
      return `/findings?${search.toString()}`;
    case 'audit':
      search.set('action', link.query.action);
      search.set('from', link.query.from);
      return `/audit?${search.toString()}`;
  }
}

export const figureLabels: Record<GovernanceFigureKey, string> = {
  tier_1: 'Tier 1 (critical)',
  tier_2: 'Tier 2',
  tier_3: 'Tier 3',
  tier_4: 'Tier 4 (experimental)',
  pending: 'Pending approval',
  overdue: 'Overdue reviews',
  complete: 'With a complete package',
  assessed: 'With a risk assessment',
  approved: 'With all approvals',
  blocking_failed: 'Blocking policy failures',
  overridden: 'Overrides',
  acceptances_expired: 'Expired risk acceptances',
  re_review_due: 'Re-reviews due',
  changes_this_month: 'Changes this month',
  rollbacks_this_month: 'Rollbacks this month',
};

/** What the list behind a figure holds, said on its link. */
const listNouns: Record<GovernanceLink['list'], [string, string]> = {
  packages: ['package', 'packages'],
  findings: ['finding', 'findings'],
  audit: ['audit entry', 'audit entries'],
};

export function linkText(f: GovernanceFigure): string {
  const [one, many] = listNouns[f.link.list];
  return `Show the ${f.value} ${f.value === 1 ? one : many}`;
}

export interface FigureGroup {
  title: string;
  description: string;
  keys: readonly GovernanceFigureKey[];
}

export const figureGroups: readonly FigureGroup[] = [
  { title: 'Models by risk tier', description: 'Each model counted once, at the tier of its newest package.', keys: ['tier_1', 'tier_2', 'tier_3', 'tier_4'] },
  { title: 'Reviews', description: 'Packages in review, the late ones, and approvals whose re-review date has come.', keys: ['pending', 'overdue', 're_review_due'] },
  { title: 'Coverage', description: 'Share of models whose newest package has it.', keys: ['complete', 'assessed', 'approved'] },
  { title: 'Policy violations', description: 'Blocking failures in the policy check that applies now (at submission, or the latest re-check) let into review, overrides, and accepted risks past their expiry.', keys: ['blocking_failed', 'overridden', 'acceptances_expired'] },
  { title: 'Changes and rollbacks', description: 'Since the first of the month (UTC): packages submitted or resubmitted (a new model, a new version of a model, a new version of a package; each package once), and approvals withdrawn with the previous approved version put back in force.', keys: ['changes_this_month', 'rollbacks_this_month'] },
];
