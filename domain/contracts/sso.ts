import { z } from 'zod';

// Single sign-on through OpenID Connect: what the log-in page asks, where the browser goes,
// and the reasons a log-in can fail. The routes themselves are redirects, served by the
// server outside the JSON route table (server/auth/oidc-routes.ts).

export const ssoPaths = {
  /** Public JSON: whether single sign-on is configured, and the button's text. */
  config: '/api/auth/oidc/config',
  /** Starts a log-in: redirects to the provider. `?returnTo=/a/path` on this site. */
  login: '/api/auth/oidc/login',
  /** Where the provider sends the browser back (the redirect URI to register). */
  callback: '/api/auth/oidc/callback',
} as const;

/** SAML 2.0 single sign-on, beside OIDC: the same config answer, its own routes. */
export const samlPaths = {
  config: '/api/auth/saml/config',
  /** Starts a log-in: redirects to the IdP with an AuthnRequest (HTTP-Redirect). `?returnTo=/a/path`. */
  login: '/api/auth/saml/login',
  /** The AssertionConsumerService: the IdP's response arrives here (HTTP-POST). */
  acs: '/api/auth/saml/acs',
  /** This app's SP metadata, for the IdP's administrator. */
  metadata: '/api/auth/saml/metadata',
} as const;

export const ssoConfigSchema = z.object({
  enabled: z.boolean(),
  /** "Sign in with <displayName>"; null when single sign-on is off. */
  displayName: z.string().nullable(),
});
export type SsoConfig = z.infer<typeof ssoConfigSchema>;

/** What `/login?sso_error=<code>` says went wrong; the log-in page words each one. */
export const ssoErrorCodeSchema = z.enum([
  'not_configured',
  'state_invalid',
  'state_expired',
  'provider_unavailable',
  'access_denied',
  'provider_error',
  'token_invalid',
  'missing_email',
  'account_conflict',
  'server_error',
  'account_disabled',
  /** SAML: the response was refused (signature, audience, destination, time, replay…). */
  'response_invalid',
]);
export type SsoErrorCode = z.infer<typeof ssoErrorCodeSchema>;

/** Why a single sign-on failed, as recorded in the audit log (more precise than the page). */
export const ssoFailureReasonSchema = z.enum([
  'sso_state_unknown',
  'sso_state_replayed',
  'sso_state_expired',
  'sso_browser_mismatch',
  'sso_provider_unavailable',
  'sso_access_denied',
  'sso_provider_error',
  'sso_token_invalid',
  'sso_missing_email',
  'sso_account_conflict',
  'sso_account_disabled',
  // SAML: why an IdP's response was refused.
  'sso_saml_request_unknown',
  'sso_saml_replayed',
  'sso_saml_signature_invalid',
  'sso_saml_audience_invalid',
  'sso_saml_destination_invalid',
  'sso_saml_expired',
  'sso_saml_issuer_invalid',
  'sso_saml_subject_invalid',
  'sso_saml_response_invalid',
]);
export type SsoFailureReason = z.infer<typeof ssoFailureReasonSchema>;

/** SAML single sign-on as configured (read-only, for administrators): never a key. */
export const samlSettingsViewSchema = z.object({
  idpEntityId: z.string(),
  idpSsoUrl: z.string(),
  /** Where the IdP metadata was read from: a file path or a URL. */
  metadataSource: z.string(),
  /** SHA-256 fingerprints of the IdP signing certificates, as colon-separated hex. */
  idpCertificateFingerprints: z.array(z.string()),
  spEntityId: z.string(),
  acsUrl: z.string(),
  metadataUrl: z.string(),
  /** The SP certificate's SHA-256 fingerprint; null when none is configured (no signed requests, no encryption). */
  spCertificateFingerprint: z.string().nullable(),
  attributes: z.object({ email: z.string(), displayName: z.string(), roles: z.string() }),
  /** IdP value → roles; null: a value that is a role name grants that role. */
  roleMap: z.array(z.object({ value: z.string(), roles: z.array(z.string()) })).nullable(),
  displayName: z.string(),
  clockSkewSeconds: z.number(),
  wantAssertionsSigned: z.boolean(),
  wantResponseSigned: z.boolean(),
});
export type SamlSettingsView = z.infer<typeof samlSettingsViewSchema>;

export const ssoSettingsResponseSchema = z.object({
  /** Null when SAML single sign-on is off. */
  saml: samlSettingsViewSchema.nullable(),
});
export type SsoSettingsResponse = z.infer<typeof ssoSettingsResponseSchema>;
