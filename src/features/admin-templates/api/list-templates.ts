import { queryOptions, useQuery } from '@tanstack/react-query';
import { templateListSchema, type TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { templateKeys } from './template-keys.ts';

/** Every version of every template, keys alphabetically and each key's versions newest first. */
export async function listTemplates(signal?: AbortSignal): Promise<TemplateVersionEntry[]> {
  return (await apiFetch(routes.listTemplates.path, { schema: templateListSchema, ...(signal ? { signal } : {}) })).items;
}

export function templatesQueryOptions() {
  return queryOptions({ queryKey: templateKeys.list(), queryFn: ({ signal }) => listTemplates(signal) });
}

export function useTemplates() {
  return useQuery(templatesQueryOptions());
}

/** One key's versions, newest first (the list holds them all; a key has few). */
export function useTemplateVersions(key: string) {
  return useQuery({ ...templatesQueryOptions(), select: (items) => items.filter((item) => item.template.key === key) });
}
