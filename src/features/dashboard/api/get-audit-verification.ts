import { queryOptions, useQuery } from '@tanstack/react-query';
import { auditVerificationSchema, type AuditVerification } from '#domain/contracts/audit.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** The server's verdict on the whole audit log: hash chain, Merkle root, published tree heads. */
export function getAuditVerification(signal?: AbortSignal): Promise<AuditVerification> {
  return apiFetch(routes.verifyAudit.path, { schema: auditVerificationSchema, ...(signal ? { signal } : {}) });
}

export function auditVerificationQueryOptions() {
  return queryOptions({
    queryKey: ['audit', 'verification'] as const,
    queryFn: ({ signal }) => getAuditVerification(signal),
    // The check reads the whole log: a minute-old verdict is fresh enough for a dashboard,
    // and coming back to the tab should not start it again at once.
    staleTime: 60_000,
  });
}

export function useAuditVerification() {
  return useQuery(auditVerificationQueryOptions());
}
