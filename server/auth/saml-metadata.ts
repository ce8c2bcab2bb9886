import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

// What the app needs from an IdP's SAML metadata: its entity id, where to send the browser
// (the HTTP-Redirect SingleSignOnService) and the certificates its signatures must verify
// against. Read once at start; a document that lacks any of them stops the start.

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** PEM certificates from the signing KeyDescriptors (or those without a `use`). */
  signingCertificates: string[];
}

const redirectBinding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

const select = xpath.useNamespaces({ md: 'urn:oasis:names:tc:SAML:2.0:metadata', ds: 'http://www.w3.org/2000/09/xmldsig#' });

function pem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

function attribute(node: unknown, name: string): string | null {
  return typeof node === 'object' && node !== null && 'getAttribute' in node ? (node as Element).getAttribute(name) : null;
}

/** A well-formed XML document's root element, or the parser's first complaint. */
export function parseXmlRoot(xml: string): { root: Element | null; error: string | null } {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (message: unknown) => errors.push(String(message)), fatalError: (message: unknown) => errors.push(String(message)) } }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement as unknown as Element | null;
  return errors.length === 0 && root ? { root, error: null } : { root: null, error: errors[0] ?? 'empty' };
}

/** Parses IdP metadata; throws with a message saying what is missing. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const { root, error } = parseXmlRoot(xml);
  if (!root) throw new Error(`SAML IdP metadata is not well-formed XML: ${error ?? 'empty'}`);
  const entities = select("//md:EntityDescriptor[md:IDPSSODescriptor[contains(concat(' ', @protocolSupportEnumeration, ' '), ' urn:oasis:names:tc:SAML:2.0:protocol ')]]", root) as Node[];
  if (entities.length !== 1) throw new Error(`SAML IdP metadata must describe exactly one SAML 2.0 identity provider (found ${entities.length})`);
  const entity = entities[0] as Node;
  const entityId = attribute(entity, 'entityID');
  if (!entityId) throw new Error('SAML IdP metadata: the EntityDescriptor has no entityID');
  const sso = select(`md:IDPSSODescriptor/md:SingleSignOnService[@Binding='${redirectBinding}']`, entity) as Node[];
  const ssoUrl = attribute(sso[0], 'Location');
  if (!ssoUrl) throw new Error('SAML IdP metadata: no SingleSignOnService with the HTTP-Redirect binding');
  const certs = select("md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate/text()", entity) as Node[];
  const signingCertificates = [...new Set(certs.map((node) => (node.nodeValue ?? '').replace(/\s+/g, '')).filter((body) => body !== ''))].map(pem);
  if (signingCertificates.length === 0) throw new Error('SAML IdP metadata: no signing certificate');
  return { entityId, ssoUrl, signingCertificates };
}
