import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noteCatalogueOutcome } from '#src/lib/catalogue-proposes.ts';
import { revalidationScheduleListSchema, revalidationScheduleSchema, type PublishRevalidationScheduleRequest, type RevalidationSchedule } from '#domain/contracts/revalidation.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { changeCatalogue, type CatalogueOutcome } from '#src/lib/catalogue-change.ts';
import { riskTieringKeys } from './risk-tiering-keys.ts';

/** Every revalidation schedule version, oldest first: the last schedules new approvals. */
export async function listRevalidationSchedules(signal?: AbortSignal): Promise<RevalidationSchedule[]> {
  return (await apiFetch(routes.listRevalidationSchedules.path, { schema: revalidationScheduleListSchema, ...(signal ? { signal } : {}) })).items;
}

export function revalidationSchedulesQueryOptions() {
  return queryOptions({ queryKey: riskTieringKeys.schedules(), queryFn: ({ signal }) => listRevalidationSchedules(signal) });
}

export function useRevalidationSchedules() {
  return useQuery(revalidationSchedulesQueryOptions());
}

/** Publishes the next version (the server numbers it and refuses a stale `replacesVersion`, 409), or proposes it once two administrators exist (0182). */
export function publishRevalidationSchedule(request: PublishRevalidationScheduleRequest): Promise<CatalogueOutcome<RevalidationSchedule>> {
  return changeCatalogue({ kind: 'publish_revalidation_schedule', change: request }, () => apiFetch(routes.publishRevalidationSchedule.path, { method: 'POST', body: request, schema: revalidationScheduleSchema }));
}

export function usePublishRevalidationSchedule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: publishRevalidationSchedule, onSuccess: (outcome) => {
      noteCatalogueOutcome(queryClient, outcome);
      return queryClient.invalidateQueries({ queryKey: riskTieringKeys.all });
    },
  });
}
