import { packageStatusSchema, type PackageStatus } from '#domain/contracts/packages.ts';
import { riskTierSchema } from '#domain/contracts/sections.ts';
import { governanceListSchema, type GovernanceList } from '#domain/contracts/governance.ts';
import { revalidationWindowSchema, type RevalidationWindow } from '#domain/contracts/revalidation.ts';

export interface InboxFilters {
  status?: PackageStatus;
  riskTier?: number;
  /** A model key. */
  model?: string;
  /** A list behind a figure of the committee dashboard. */
  governance?: GovernanceList;
  /** Approved packages whose periodic revalidation falls due within 30, 60 or 90 days (decision record 0114). */
  revalidationDue?: RevalidationWindow;
}

export const filterNames = ['status', 'riskTier', 'model', 'governance', 'revalidationDue'] as const satisfies readonly (keyof InboxFilters)[];

/**
 * Filters live in the URL so a filtered inbox can be bookmarked and shared. A value the
 * contract does not know (an old or mistyped link) is ignored rather than sent to the API.
 */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const status = packageStatusSchema.safeParse(params.get('status'));
  const riskTier = riskTierSchema.safeParse(Number(params.get('riskTier') ?? NaN));
  const model = params.get('model');
  const governance = governanceListSchema.safeParse(params.get('governance'));
  const revalidationDue = revalidationWindowSchema.safeParse(params.get('revalidationDue'));
  return {
    ...(status.success ? { status: status.data } : {}),
    ...(riskTier.success ? { riskTier: riskTier.data } : {}),
    ...(model && model.length <= 64 ? { model } : {}),
    ...(governance.success ? { governance: governance.data } : {}),
    ...(revalidationDue.success ? { revalidationDue: revalidationDue.data } : {}),
  };
}

export function hasFilters(filters: InboxFilters): boolean {
  return filterNames.some((name) => filters[name] !== undefined);
}

/** The address of the inbox without filters, on the same tab. */
export function withoutFilters(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  for (const name of filterNames) next.delete(name);
  return next.size > 0 ? `/?${next.toString()}` : '/';
}
