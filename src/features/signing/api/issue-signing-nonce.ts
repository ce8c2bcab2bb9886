import { nonceResponseSchema } from '#domain/contracts/signatures.ts';
import { signingRoutes } from '#api/signing/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** A single-use nonce for one signature, valid five minutes. */
export function issueSigningNonce(packageId: string) {
  return apiFetch(signingRoutes.issueSigningNonce.path, { method: 'POST', body: { packageId }, schema: nonceResponseSchema });
}
