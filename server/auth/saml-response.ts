import type { Profile } from '@node-saml/node-saml';
import type { SsoFailureReason } from '#domain/contracts/sso.ts';
import { parseXmlRoot } from './saml-metadata.ts';

// What the app checks around @node-saml/node-saml, which verifies the signatures, decrypts,
// and checks InResponseTo against our request store, audience, NotBefore / NotOnOrAfter of the
// Conditions and of the SubjectConfirmationData. Here: the unsigned pre-read of the response
// (its InResponseTo, only to find our request row), and after validation, on the signed
// assertion only: issuer, bearer confirmation addressed to our ACS (Recipient), the response's
// Destination, a stable NameID, and the assertion's ID and lifetime for the replay cache.

export class SamlRefusal extends Error {
  readonly reason: SsoFailureReason;
  constructor(reason: SsoFailureReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface RawResponse {
  inResponseTo: string | null;
  destination: string | null;
}

/** Reads the (not yet verified) Response element: only as a key to look our request up. */
export function readRawResponse(samlResponse: string): RawResponse {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  let root: Element | null = null;
  try {
    root = parseXmlRoot(xml).root;
  } catch {
    root = null;
  }
  if (!root || root.localName !== 'Response' || root.namespaceURI !== 'urn:oasis:names:tc:SAML:2.0:protocol') throw new SamlRefusal('sso_saml_response_invalid', 'not a SAML 2.0 Response');
  return { inResponseTo: root.getAttribute('InResponseTo') || null, destination: root.getAttribute('Destination') || null };
}

/** node-saml's errors, by what they say, as the audit reason. */
export function reasonOfLibraryError(error: unknown): SsoFailureReason {
  const message = error instanceof Error ? error.message : String(error);
  if (/InResponseTo/i.test(message)) return 'sso_saml_request_unknown';
  if (/audience/i.test(message)) return 'sso_saml_audience_invalid';
  // node-saml drops a SubjectConfirmation whose NotBefore / NotOnOrAfter is out of range.
  if (/expired|not yet valid|too old|No valid subject confirmation/i.test(message)) return 'sso_saml_expired';
  if (/signature|signed|decrypt|EncryptedAssertion|multiple assertions/i.test(message)) return 'sso_saml_signature_invalid';
  if (/SAML provider returned (Responder|Requester)/i.test(message)) return 'sso_access_denied';
  return 'sso_saml_response_invalid';
}

type Xml2js = Record<string, unknown> & { $?: Record<string, string>; _?: string };
const list = (value: unknown): Xml2js[] => (Array.isArray(value) ? (value as Xml2js[]) : []);

const bearer = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const persistent = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

export interface CheckedAssertion {
  issuer: string;
  subject: string;
  assertionId: string;
  /** Until when the assertion could be presented: its replay-cache row lives this long. */
  validUntil: Date;
  attributes: Record<string, unknown>;
}

/** The checks node-saml leaves to its caller, on the assertion it verified. */
export function checkAssertion(profile: Profile, raw: RawResponse, expected: { issuer: string; acsUrl: string; requestId: string; clockSkewMs: number; now: Date }): CheckedAssertion {
  if (raw.destination !== null && raw.destination !== expected.acsUrl) throw new SamlRefusal('sso_saml_destination_invalid', `Destination ${raw.destination} is not ${expected.acsUrl}`);
  const assertion = (profile.getAssertion?.() as { Assertion?: Xml2js } | undefined)?.Assertion;
  if (!assertion) throw new SamlRefusal('sso_saml_response_invalid', 'no verified assertion');
  const issuer = list(assertion.Issuer)[0]?._ ?? null;
  if (issuer !== expected.issuer) throw new SamlRefusal('sso_saml_issuer_invalid', `assertion issuer ${issuer ?? '(none)'} is not ${expected.issuer}`);
  const subject = list(assertion.Subject)[0];
  const confirmations = list(subject?.SubjectConfirmation).filter((confirmation) => confirmation.$?.Method === bearer);
  const data = confirmations.flatMap((confirmation) => list(confirmation.SubjectConfirmationData).map((d) => ({ recipient: d.$?.Recipient ?? null, inResponseTo: d.$?.InResponseTo ?? null })));
  const recipients = data.map((d) => d.recipient);
  if (!recipients.includes(expected.acsUrl)) throw new SamlRefusal('sso_saml_destination_invalid', `no bearer SubjectConfirmation with Recipient ${expected.acsUrl} (found ${recipients.join(', ') || 'none'})`);
  // The Response's InResponseTo is unsigned unless responses are signed: the assertion itself must
  // answer our request, on the confirmation naming us, or an assertion the IdP issued on its own
  // (an app tile's) could be wrapped in a Response naming a request of the attacker's.
  if (!data.some((d) => d.recipient === expected.acsUrl && d.inResponseTo === expected.requestId)) {
    throw new SamlRefusal('sso_saml_request_unknown', `no bearer SubjectConfirmation for ${expected.acsUrl} answering request ${expected.requestId}`);
  }
  const nameId = list(subject?.NameID)[0];
  // Read straight from the verified assertion: one text node, so a comment inside it (which the
  // signature does not cover) cannot shorten the value.
  const value = typeof nameId?._ === 'string' ? nameId._ : null;
  if (!value || value !== profile.nameID) throw new SamlRefusal('sso_saml_subject_invalid', 'no NameID, or one that does not read the same everywhere');
  // Only a persistent NameID is an identifier the IdP never reassigns: a transient one names nobody
  // twice, and an email or a user-chosen name can later belong to someone else.
  if (nameId?.$?.Format !== persistent) throw new SamlRefusal('sso_saml_subject_invalid', `the NameID format is ${nameId?.$?.Format ?? 'unstated'}; configure a persistent NameID at the IdP`);
  const assertionId = assertion.$?.ID;
  if (!assertionId) throw new SamlRefusal('sso_saml_response_invalid', 'the assertion has no ID');
  const notOnOrAfter = list(assertion.Conditions)[0]?.$?.NotOnOrAfter;
  const parsed = notOnOrAfter ? Date.parse(notOnOrAfter) : Number.NaN;
  const validUntil = new Date(Math.max(Number.isNaN(parsed) ? expected.now.getTime() + 60 * 60_000 : parsed, expected.now.getTime()) + expected.clockSkewMs);
  return { issuer, subject: value, assertionId, validUntil, attributes: (profile.attributes as Record<string, unknown> | undefined) ?? {} };
}

/** An attribute's values as strings: one value or a list; anything else counts as none. */
export function attributeValues(attributes: Record<string, unknown>, name: string): string[] {
  const value = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
