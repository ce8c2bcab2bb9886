import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { samlConfigSchema } from './saml-config.ts';
import { parseIdpMetadata } from './saml-metadata.ts';
import { samlSettingsFrom } from './saml-settings.ts';

// A certificate body is only carried, never parsed, by the metadata reader.
const certBody = 'MIIBfakeCERTIFICATEbodyAAAA';
const metadata = (inner: string, entityId = 'https://idp.example/') => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor>
</md:EntityDescriptor>`;
const signingKey = `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const encryptionKey = `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBencryptionONLY</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const redirect = '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/>';
const post = '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/sso-post"/>';

describe('IdP metadata', () => {
  it('reads the entity id, the HTTP-Redirect SSO URL and only the signing certificates', () => {
    const parsed = parseIdpMetadata(metadata(`${signingKey}${encryptionKey}${post}${redirect}`));
    expect(parsed.entityId).toBe('https://idp.example/');
    expect(parsed.ssoUrl).toBe('https://idp.example/sso');
    expect(parsed.signingCertificates).toEqual([`-----BEGIN CERTIFICATE-----\n${certBody}\n-----END CERTIFICATE-----\n`]);
  });

  it('says what is missing', () => {
    expect(() => parseIdpMetadata(metadata(`${signingKey}${post}`))).toThrow('no SingleSignOnService with the HTTP-Redirect binding');
    expect(() => parseIdpMetadata(metadata(`${encryptionKey}${redirect}`))).toThrow('no signing certificate');
    expect(() => parseIdpMetadata('<not xml')).toThrow(/not well-formed|exactly one/);
    expect(() => parseIdpMetadata(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${metadata(signingKey + redirect, 'a').replace('<?xml version="1.0"?>', '')}${metadata(signingKey + redirect, 'b').replace('<?xml version="1.0"?>', '')}</md:EntitiesDescriptor>`)).toThrow(
      'exactly one SAML 2.0 identity provider (found 2)',
    );
  });
});

describe('SAML settings from the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saml-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'idp.xml');
  writeFileSync(file, metadata(`${signingKey}${redirect}`));
  const load = (env: Record<string, string>) => samlSettingsFrom(samlConfigSchema.parse(env));

  it('is off without metadata, and refuses an SP entity id alone', async () => {
    expect(await load({})).toBeNull();
    await expect(load({ SAML_SP_ENTITY_ID: 'https://sp.example' })).rejects.toThrow('SAML_SP_ENTITY_ID is set but neither');
  });

  it('refuses a half or unsafe configuration at start', async () => {
    await expect(load({ SAML_IDP_METADATA_FILE: file })).rejects.toThrow('needs SAML_SP_ENTITY_ID');
    await expect(load({ SAML_IDP_METADATA_FILE: file, SAML_SP_ENTITY_ID: 'sp', SAML_WANT_ASSERTIONS_SIGNED: 'false' })).rejects.toThrow('at least one signature must be required');
    await expect(load({ SAML_IDP_METADATA_FILE: file, SAML_SP_ENTITY_ID: 'sp', SAML_SP_CERT_FILE: file })).rejects.toThrow('set both SAML_SP_CERT_FILE and SAML_SP_KEY_FILE');
    await expect(load({ SAML_IDP_METADATA_URL: 'http://idp.example/metadata', SAML_SP_ENTITY_ID: 'sp' })).rejects.toThrow('must use https');
    expect(() => loadConfig({ SAML_ROLE_MAP: 'grp=superuser' })).toThrow(/SAML_ROLE_MAP: "grp" maps to "superuser", which is not a role/);
    expect(() => samlConfigSchema.parse({ SAML_CLOCK_SKEW_SECONDS: '3600' })).toThrow();
  });

  it('reads a complete one with its defaults', async () => {
    const settings = await load({ SAML_IDP_METADATA_FILE: file, SAML_SP_ENTITY_ID: 'https://sp.example/saml', SAML_ROLE_MAP: 'grp=model_risk' });
    expect(settings).toMatchObject({
      spEntityId: 'https://sp.example/saml',
      idp: { entityId: 'https://idp.example/', ssoUrl: 'https://idp.example/sso' },
      attributes: { email: 'email', displayName: 'displayName', roles: 'roles' },
      clockSkewMs: 60_000,
      wantAssertionsSigned: true,
      wantResponseSigned: false,
      spPrivateKey: null,
    });
    expect([...(settings?.roleMap ?? [])]).toEqual([['grp', ['model_risk']]]);
  });
});
