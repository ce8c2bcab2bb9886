import { z } from 'zod';
import { roleMapSchema } from './oidc-role-map.ts';

// The SAML_* variables, parsed by server/config.ts with the rest of the environment (see
// oidc-config.ts for why they are declared here). SAML single sign-on is enabled when
// SAML_IDP_METADATA_FILE or SAML_IDP_METADATA_URL is set; see saml-settings.ts.

export const samlConfigSchema = z.object({
  /** The IdP's metadata XML (entity id, SSO URL, signing certificates), from a file or a URL. */
  SAML_IDP_METADATA_FILE: z.string().min(1).optional(),
  SAML_IDP_METADATA_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** This app's entity id as the IdP knows it (the audience its assertions must name). */
  SAML_SP_ENTITY_ID: z.string().min(1).max(1024).optional(),
  /** PEM files: the key signs AuthnRequests and decrypts encrypted assertions; the certificate is in our metadata. */
  SAML_SP_CERT_FILE: z.string().min(1).optional(),
  SAML_SP_KEY_FILE: z.string().min(1).optional(),
  SAML_EMAIL_ATTRIBUTE: z.string().min(1).max(300).default('email'),
  SAML_NAME_ATTRIBUTE: z.string().min(1).max(300).default('displayName'),
  SAML_ROLES_ATTRIBUTE: z.string().min(1).max(300).default('roles'),
  SAML_ROLE_MAP: roleMapSchema.optional(),
  SAML_DISPLAY_NAME: z.string().trim().min(1).max(60).default('SAML single sign-on'),
  /** How far the IdP's clock may be from ours when NotBefore / NotOnOrAfter are checked. */
  SAML_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  SAML_WANT_ASSERTIONS_SIGNED: z.stringbool().default(true),
  SAML_WANT_RESPONSE_SIGNED: z.stringbool().default(false),
});

export type SamlConfig = z.infer<typeof samlConfigSchema>;
