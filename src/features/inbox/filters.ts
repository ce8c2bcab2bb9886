import { packageStatusSchema, type PackageStatus } from '../../../domain/contracts/packages.ts';
import { riskTierSchema } from '../../../domain/contracts/sections.ts';

export interface InboxFilters {
  status?: PackageStatus;
  riskTier?: number;
}

/**
 * Filters live in the URL so a filtered inbox can be bookmarked and shared. A value the
 * contract does not know (an old or mistyped link) is ignored rather than sent to the API.
 */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const status = packageStatusSchema.safeParse(params.get('status'));
  const riskTier = riskTierSchema.safeParse(Number(params.get('riskTier') ?? NaN));
  return {
    ...(status.success ? { status: status.data } : {}),
    ...(riskTier.success ? { riskTier: riskTier.data } : {}),
  };
}

export function hasFilters(filters: InboxFilters): boolean {
  return filters.status !== undefined || filters.riskTier !== undefined;
}
