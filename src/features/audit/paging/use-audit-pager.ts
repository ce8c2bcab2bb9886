import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { auditPageQueryOptions } from '../api/list-audit.ts';
import { packageAuditPageQueryOptions } from '../api/list-package-audit.ts';
import { auditViewPageSize as pageSize, type AuditSource } from '../api/audit-keys.ts';
import { hasAuditFilters, type AuditFilters } from '../audit-filters.ts';
import { AuditPager, type AuditPagerSnapshot } from './audit-pager.ts';

/**
 * The pager of one view, reading its pages through the query cache. The caller keys the
 * component by source and filters, so other filters start a new pager from a clean state.
 */
export function useAuditPager(source: AuditSource, filters: AuditFilters): { pager: AuditPager; snapshot: AuditPagerSnapshot } {
  const queryClient = useQueryClient();
  const [pager] = useState(
    () =>
      new AuditPager({
        pageSize,
        unfiltered: !hasAuditFilters(filters),
        fetchPage: (beforeSeq, limit) =>
          queryClient.query(source.kind === 'global' ? auditPageQueryOptions(filters, beforeSeq, limit) : packageAuditPageQueryOptions(source.packageId, filters, beforeSeq, limit)),
      }),
  );
  useEffect(() => {
    pager.start();
    return () => pager.stop();
  }, [pager]);
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  return { pager, snapshot };
}
