import { useMutation, useQueryClient } from '@tanstack/react-query';
import { noteCatalogueOutcome } from '#src/lib/catalogue-proposes.ts';
import { businessLineSchema } from '#domain/contracts/business-lines.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { changeCatalogue } from '#src/lib/catalogue-change.ts';
import { businessLinesKey } from '#src/lib/business-lines.ts';

/** POST /api/business-lines: a new line of the organisation's list (docs/decisions/0168); proposed once two administrators exist (0182). */
function addBusinessLine(label: string) {
  return changeCatalogue({ kind: 'add_business_line', change: { label } }, () => apiFetch(routes.addBusinessLine.path, { method: 'POST', body: { label }, schema: businessLineSchema }));
}

/** POST /api/business-lines/{key}/retire: no new package, policy or template may name it; proposed once two administrators exist. */
function retireBusinessLine(key: string) {
  return changeCatalogue({ kind: 'retire_business_line', change: { key } }, () => apiFetch(apiPath(routes.retireBusinessLine.path, { key }), { method: 'POST', schema: businessLineSchema }));
}

export function useAddBusinessLine() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addBusinessLine, onSuccess: (outcome) => noteCatalogueOutcome(queryClient, outcome), onSettled: () => queryClient.invalidateQueries({ queryKey: businessLinesKey }) });
}

export function useRetireBusinessLine() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: retireBusinessLine, onSuccess: (outcome) => noteCatalogueOutcome(queryClient, outcome), onSettled: () => queryClient.invalidateQueries({ queryKey: businessLinesKey }) });
}
