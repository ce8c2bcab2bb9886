import { useQuery } from '@tanstack/react-query';
import type { AuditActor } from '#domain/contracts/audit.ts';
import type { AuditFilters } from '../audit-filters.ts';
import { newestCursor, type AuditSource } from './audit-keys.ts';
import { auditPageQueryOptions } from './list-audit.ts';
import { packageAuditPageQueryOptions } from './list-package-audit.ts';

/**
 * Who acted in the entries the other filters select, by name: the actor filter's choices.
 * The server sends them with a view's first page; this reads that page at its smallest.
 */
export function useAuditActors(source: AuditSource, filters: AuditFilters): readonly AuditActor[] {
  const { actor: _actor, ...others } = filters;
  const options = source.kind === 'global' ? auditPageQueryOptions(others, newestCursor, 1) : packageAuditPageQueryOptions(source.packageId, others, newestCursor, 1);
  return useQuery({ ...options, select: (page) => page.actors ?? [] }).data ?? [];
}
