import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { passkeyListSchema, passkeySummarySchema, registrationOptionsSchema } from '#domain/contracts/passkeys.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { passkeysRoutes } from '#api/passkeys/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

// The signed-in user's passkeys: listed, enrolled (a WebAuthn registration ceremony in this
// browser, checked by the server), removed. One endpoint per function.

const passkeysKey = ['signing', 'passkeys'] as const;

export function passkeysQueryOptions() {
  return queryOptions({
    queryKey: passkeysKey,
    queryFn: async ({ signal }) => (await apiFetch(passkeysRoutes.listPasskeys.path, { schema: passkeyListSchema, signal })).items,
  });
}

export function usePasskeys() {
  return useQuery(passkeysQueryOptions());
}

async function enrolPasskey(name: string) {
  // Loaded only here: the WebAuthn browser library is not needed anywhere else.
  const { startRegistration } = await import('@simplewebauthn/browser');
  const options = await apiFetch(passkeysRoutes.passkeyRegistrationOptions.path, { method: 'POST', schema: registrationOptionsSchema });
  const response = await startRegistration({ optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'] });
  return apiFetch(passkeysRoutes.enrolPasskey.path, { method: 'POST', body: { name, response }, schema: passkeySummarySchema });
}

export function useEnrolPasskey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: enrolPasskey, onSettled: () => queryClient.invalidateQueries({ queryKey: passkeysKey }) });
}

function removePasskey(credentialId: string) {
  return apiFetch(apiPath(passkeysRoutes.removePasskey.path, { credentialId }), { method: 'DELETE' });
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removePasskey, onSettled: () => queryClient.invalidateQueries({ queryKey: passkeysKey }) });
}
