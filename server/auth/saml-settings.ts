import { readFile } from 'node:fs/promises';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { SamlSettingsView } from '#domain/contracts/sso.ts';
import type { SamlConfig } from './saml-config.ts';
import type { RoleMap } from './oidc-role-map.ts';
import { isLoopback } from './oidc-settings.ts';
import { parseIdpMetadata, type IdpMetadata } from './saml-metadata.ts';

// SAML single sign-on is on when SAML_IDP_METADATA_FILE or SAML_IDP_METADATA_URL is set.
// Everything the SAML routes need, read and checked once at start (the metadata URL is
// fetched then), so a half-configured IdP stops the start-up, not a user's log-in.

export interface SamlSettings {
  idp: IdpMetadata;
  /** Where the metadata came from, for the admin page and the start-up log. */
  metadataSource: string;
  spEntityId: string;
  /** PEM; absent: requests go unsigned and encrypted assertions cannot be read. */
  spCertificate: string | null;
  spPrivateKey: string | null;
  attributes: { email: string; displayName: string; roles: string };
  roleMap: RoleMap | undefined;
  /** The button text: "Sign in with <displayName>". */
  displayName: string;
  clockSkewMs: number;
  wantAssertionsSigned: boolean;
  wantResponseSigned: boolean;
}

const invalid = (line: string) => new Error(`Invalid configuration:\n  ${line}`);

async function metadataOf(config: SamlConfig, fetchImpl: typeof fetch): Promise<{ xml: string; source: string }> {
  if (config.SAML_IDP_METADATA_FILE) return { xml: await readFile(config.SAML_IDP_METADATA_FILE, 'utf8'), source: config.SAML_IDP_METADATA_FILE };
  const url = new URL(config.SAML_IDP_METADATA_URL ?? '');
  if (url.protocol !== 'https:' && !isLoopback(url)) throw invalid('SAML_IDP_METADATA_URL must use https (plain http is accepted only for localhost)');
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw invalid(`SAML_IDP_METADATA_URL answered ${response.status}`);
  return { xml: await response.text(), source: url.href };
}

export async function samlSettingsFrom(config: SamlConfig, fetchImpl: typeof fetch = fetch): Promise<SamlSettings | null> {
  const configured = config.SAML_IDP_METADATA_FILE ?? config.SAML_IDP_METADATA_URL;
  if (!configured) {
    if (config.SAML_SP_ENTITY_ID) throw invalid('SAML_SP_ENTITY_ID is set but neither SAML_IDP_METADATA_FILE nor SAML_IDP_METADATA_URL is');
    return null;
  }
  if (config.SAML_IDP_METADATA_FILE && config.SAML_IDP_METADATA_URL) throw invalid('set SAML_IDP_METADATA_FILE or SAML_IDP_METADATA_URL, not both');
  if (!config.SAML_SP_ENTITY_ID) throw invalid('SAML single sign-on needs SAML_SP_ENTITY_ID (this app’s entity id at the IdP)');
  if (!config.SAML_WANT_ASSERTIONS_SIGNED && !config.SAML_WANT_RESPONSE_SIGNED) throw invalid('SAML_WANT_ASSERTIONS_SIGNED and SAML_WANT_RESPONSE_SIGNED are both false: at least one signature must be required');
  if (Boolean(config.SAML_SP_CERT_FILE) !== Boolean(config.SAML_SP_KEY_FILE)) throw invalid('set both SAML_SP_CERT_FILE and SAML_SP_KEY_FILE, or neither');

  const { xml, source } = await metadataOf(config, fetchImpl);
  let idp: IdpMetadata;
  try {
    idp = parseIdpMetadata(xml);
  } catch (error) {
    throw invalid(`${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let spCertificate: string | null = null;
  let spPrivateKey: string | null = null;
  if (config.SAML_SP_CERT_FILE && config.SAML_SP_KEY_FILE) {
    spCertificate = await readFile(config.SAML_SP_CERT_FILE, 'utf8');
    spPrivateKey = await readFile(config.SAML_SP_KEY_FILE, 'utf8');
    try {
      const certificate = new X509Certificate(spCertificate);
      if (!certificate.checkPrivateKey(createPrivateKey(spPrivateKey))) throw new Error('the key does not belong to the certificate');
    } catch (error) {
      throw invalid(`SAML_SP_CERT_FILE / SAML_SP_KEY_FILE: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    idp,
    metadataSource: source,
    spEntityId: config.SAML_SP_ENTITY_ID,
    spCertificate,
    spPrivateKey,
    attributes: { email: config.SAML_EMAIL_ATTRIBUTE, displayName: config.SAML_NAME_ATTRIBUTE, roles: config.SAML_ROLES_ATTRIBUTE },
    roleMap: config.SAML_ROLE_MAP,
    displayName: config.SAML_DISPLAY_NAME,
    clockSkewMs: config.SAML_CLOCK_SKEW_SECONDS * 1000,
    wantAssertionsSigned: config.SAML_WANT_ASSERTIONS_SIGNED,
    wantResponseSigned: config.SAML_WANT_RESPONSE_SIGNED,
  };
}

/** What an administrator may see of the settings: everything but the key. */
export function samlSettingsView(settings: SamlSettings): Omit<SamlSettingsView, 'acsUrl' | 'metadataUrl'> {
  return {
    idpEntityId: settings.idp.entityId,
    idpSsoUrl: settings.idp.ssoUrl,
    metadataSource: settings.metadataSource,
    idpCertificateFingerprints: settings.idp.signingCertificates.map((pem) => new X509Certificate(pem).fingerprint256),
    spEntityId: settings.spEntityId,
    spCertificateFingerprint: settings.spCertificate ? new X509Certificate(settings.spCertificate).fingerprint256 : null,
    attributes: settings.attributes,
    roleMap: settings.roleMap ? [...settings.roleMap].map(([value, roles]) => ({ value, roles: [...roles] })) : null,
    displayName: settings.displayName,
    clockSkewSeconds: settings.clockSkewMs / 1000,
    wantAssertionsSigned: settings.wantAssertionsSigned,
    wantResponseSigned: settings.wantResponseSigned,
  };
}
