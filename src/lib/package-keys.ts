import type { PackageListQuery } from '#domain/contracts/packages.ts';

/**
 * Query keys for packages, shared by the inbox (lists) and the package pages (details), so a
 * decision can invalidate `packageKeys.all` and refresh both.
 */
export const packageKeys = {
  all: ['packages'] as const,
  lists: () => [...packageKeys.all, 'list'] as const,
  list: (filters: PackageListQuery) => [...packageKeys.lists(), filters] as const,
  /** How many packages a list holds in all (a tab's count). */
  total: (filters: PackageListQuery) => [...packageKeys.lists(), 'total', filters] as const,
  /** Every model the caller may see a package of (the inbox's model filter). */
  models: () => [...packageKeys.lists(), 'models'] as const,
  details: () => [...packageKeys.all, 'detail'] as const,
  detail: (id: string) => [...packageKeys.details(), id] as const,
  version: (id: string, n: number) => [...packageKeys.detail(id), 'version', n] as const,
  /** Every reviewer's section marks on every version of a package. */
  reviews: (id: string) => [...packageKeys.detail(id), 'reviews'] as const,
  /** The annotation and clarification threads on every version of a package. */
  threads: (id: string) => [...packageKeys.detail(id), 'threads'] as const,
  /** The signed-in reviewer's unpublished comments and clarification requests on a package. */
  reviewDrafts: (id: string) => [...packageKeys.detail(id), 'review-drafts'] as const,
  /** The signed-in owner's resubmission in progress for a package. */
  resubmitDraft: (id: string) => [...packageKeys.detail(id), 'resubmit-draft'] as const,
  /** The findings on every version of a package, with their history. */
  findings: (id: string) => [...packageKeys.detail(id), 'findings'] as const,
  /** The conditions of the package's approvals as obligations (docs/decisions/0111). */
  obligations: (id: string) => [...packageKeys.detail(id), 'obligations'] as const,
  /** The findings register across the inventory, by its query string. */
  findingRegisters: () => [...packageKeys.all, 'finding-register'] as const,
  findingRegister: (query: string) => [...packageKeys.findingRegisters(), query] as const,
};
