import { useMutation, useQueryClient } from '@tanstack/react-query';
import { noteCatalogueOutcome } from '#src/lib/catalogue-proposes.ts';
import { templateVersionEntrySchema, type CreateTemplateRequest, type TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { changeCatalogue, type CatalogueOutcome } from '#src/lib/catalogue-change.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import type { requestFrom } from '../template-draft.ts';
import { templateKeys } from './template-keys.ts';

/** Publishes a template version (the server numbers it: the key's latest + 1), or proposes it once two administrators exist (0182). */
export function createTemplateVersion(request: ReturnType<typeof requestFrom>): Promise<CatalogueOutcome<TemplateVersionEntry>> {
  // Sent as drafted: the server checks it, as the direct route would.
  return changeCatalogue({ kind: 'publish_template', change: request as CreateTemplateRequest }, () => apiFetch(routes.createTemplateVersion.path, { method: 'POST', body: request, schema: templateVersionEntrySchema }));
}

export function useCreateTemplateVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTemplateVersion,
    onSuccess: (outcome) => {
      noteCatalogueOutcome(queryClient, outcome);
      return queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
}
