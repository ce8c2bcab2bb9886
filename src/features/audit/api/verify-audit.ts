import { queryOptions, useQuery } from '@tanstack/react-query';
import { routes } from '#api/routes.ts';
import { auditVerificationSchema, type AuditVerification } from '#domain/contracts/audit.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { auditKeys } from './audit-keys.ts';

/** GET /api/audit/verify: the server's own check of the whole log (committee and administrators). */
export function getAuditVerdict(signal?: AbortSignal): Promise<AuditVerification> {
  return apiFetch(routes.verifyAudit.path, { schema: auditVerificationSchema, ...(signal ? { signal } : {}) });
}

export function auditVerdictQueryOptions() {
  return queryOptions({
    queryKey: auditKeys.verdict(),
    queryFn: ({ signal }) => getAuditVerdict(signal),
    // A verdict is of a moment: each check asks again rather than showing an old one.
    staleTime: 0,
  });
}

/** Asked for only once the reader starts a check: the server reads the whole log to answer. */
export function useAuditVerdict(enabled: boolean) {
  return useQuery({ ...auditVerdictQueryOptions(), enabled, refetchOnWindowFocus: false });
}
