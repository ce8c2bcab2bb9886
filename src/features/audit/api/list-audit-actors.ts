import { useQuery } from '@tanstack/react-query';
import type { AuditActor } from '#domain/contracts/audit.ts';
import type { AuditFilters } from '../audit-filters.ts';
import { auditViewPageSize, newestCursor, type AuditSource } from './audit-keys.ts';
import { auditPageQueryOptions } from './list-audit.ts';
import { packageAuditPageQueryOptions } from './list-package-audit.ts';

/**
 * Who acted in the entries the other filters select, by name: the actor filter's choices.
 * The server sends them with a view's first page. Without an actor filter that is the very
 * page the view shows first (same request, so one read: on a million-entry log each first
 * page costs a count and the actors' scan); with one, that page at its smallest without it.
 */
export function useAuditActors(source: AuditSource, filters: AuditFilters): readonly AuditActor[] {
  const { actor, ...others } = filters;
  const limit = actor === undefined ? auditViewPageSize : 1;
  const options = source.kind === 'global' ? auditPageQueryOptions(others, newestCursor, limit) : packageAuditPageQueryOptions(source.packageId, others, newestCursor, limit);
  return useQuery({ ...options, select: (page) => page.actors ?? [] }).data ?? [];
}
