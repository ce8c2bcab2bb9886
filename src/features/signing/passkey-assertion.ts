import { toBase64Url } from '#domain/signing/base64url.ts';
import { signingChallenge } from '#domain/signing/challenge.ts';
import type { SigningAuthentication, SigningPayload } from '#domain/contracts/signatures.ts';

/** The passkey signs the payload's challenge: the assertion is the signature of this decision. */
export async function assertWithPasskey(payload: SigningPayload, credentialIds: readonly string[]): Promise<SigningAuthentication> {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  const response = await startAuthentication({
    optionsJSON: {
      challenge: toBase64Url(await signingChallenge(payload)),
      rpId: window.location.hostname,
      allowCredentials: credentialIds.map((id) => ({ id, type: 'public-key' as const })),
      userVerification: 'required',
      timeout: 120_000,
    },
  });
  return {
    method: 'passkey',
    credentialId: response.id,
    authenticatorData: response.response.authenticatorData,
    clientDataJSON: response.response.clientDataJSON,
    signature: response.response.signature,
    userHandle: response.response.userHandle ?? null,
  };
}
