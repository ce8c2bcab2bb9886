import * as client from 'openid-client';
import { isLoopback, type OidcSettings } from './oidc-settings.ts';

// The relying party, on openid-client (certified): discovery, the authorization URL with
// PKCE, and the code exchange, which checks the ID token's signature, issuer, audience,
// expiry and nonce, the state and the `iss` response parameter. We add nothing to those
// checks; we only turn their failures into a reason a person can read.

export type OidcFailure = 'provider_unavailable' | 'access_denied' | 'provider_error' | 'token_invalid';

export class OidcFlowError extends Error {
  readonly reason: OidcFailure;
  constructor(reason: OidcFailure, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

export interface OidcIdentity {
  /** The issuer as discovered and checked, the key of the external identity with `subject`. */
  issuer: string;
  subject: string;
  /** ID token claims, completed from the UserInfo endpoint when the ID token lacks some. */
  claims: Record<string, unknown>;
}

export interface OidcClient {
  authorizationUrl(input: { redirectUri: string; state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  /** `callbackUrl`: the redirect URI as sent, with the query the provider returned. */
  exchange(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }, needsUserInfo: (claims: Record<string, unknown>) => boolean): Promise<OidcIdentity>;
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  // Discovered on first use and kept; a failed discovery is retried on the next log-in, so
  // a provider that is down when the app starts does not need the app restarted.
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = async (): Promise<client.Configuration> => {
    discovered ??= client.discovery(settings.issuer, settings.clientId, undefined, settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(), {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- plain http only for a provider on this machine (tests, a local Keycloak); oidcSettingsFrom refuses it elsewhere
      execute: settings.issuer.protocol === 'http:' && isLoopback(settings.issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    try {
      return await discovered;
    } catch (error) {
      discovered = null;
      throw new OidcFlowError('provider_unavailable', `OpenID provider discovery failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };

  return {
    async authorizationUrl({ redirectUri, state, nonce, codeVerifier }) {
      const config = await configuration();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },

    async exchange(callbackUrl, checks, needsUserInfo) {
      const config = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) {
          throw new OidcFlowError(error.error === 'access_denied' ? 'access_denied' : 'provider_error', `The provider answered ${error.error}: ${error.error_description ?? ''}`, { cause: error });
        }
        throw new OidcFlowError('token_invalid', `The code exchange or ID token check failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const idToken = tokens.claims();
      if (!idToken) throw new OidcFlowError('token_invalid', 'The provider returned no ID token');
      let claims: Record<string, unknown> = { ...idToken };
      if (needsUserInfo(claims) && config.serverMetadata().userinfo_endpoint) {
        try {
          // The ID token wins where both speak: it is signed, the UserInfo answer is not.
          claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...claims };
        } catch (error) {
          throw new OidcFlowError('token_invalid', `The UserInfo request failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }
      return { issuer: config.serverMetadata().issuer, subject: idToken.sub, claims };
    },
  };
}
