import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { z } from 'zod';
import type { ServerSigningKey } from '#api/signing/server-key.ts';
import { fromBase64Url, toBase64Url } from '#domain/signing/base64url.ts';
import { subtleCrypto } from '#domain/crypto/sha256.ts';
import type { DocumentSigner } from './pades.ts';

// The document-signing key of the PDF record (docs/decisions/0119). Poppler's pdfsig (NSS
// 3.87 on Debian 12) cannot check an Ed25519 signature in a PDF, so PDFs are signed with an
// ECDSA P-256 key kept in the server's key file beside the Ed25519 key. Its certificate is
// issued by the Ed25519 server key, through a self-signed certificate of that key: whoever
// pins the server key (or its signed key history) can check that the PDF's signer is this
// deployment, with openssl; pdfsig checks that the PDF is unchanged since it was signed.

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ed25519Oid = '1.3.101.112';

export const documentKeySchema = z.strictObject({
  algorithm: z.literal('ECDSA-P256'),
  /** PKCS #8, base64url: the secret. */
  privateKeyPkcs8: z.string(),
  /** DER, base64url: the P-256 key's certificate, issued by the server key `issuerKeyId`. */
  certificate: z.string(),
  /** DER, base64url: the self-signed certificate of the Ed25519 server key that issued it. */
  issuerCertificate: z.string(),
  issuerKeyId: z.string(),
  createdAt: z.iso.datetime(),
});
export type DocumentKey = z.infer<typeof documentKeySchema>;

function nameOf(commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: 'Model approval records' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

/**
 * An X.509 v3 certificate signed with the Ed25519 server key (RFC 8410: no parameters, the
 * signature over the DER of the TBSCertificate). pkijs has no Ed25519, so the signature is
 * made here; the rest is pkijs.
 */
async function issued(options: { serial: number; subject: pkijs.RelativeDistinguishedNames; issuer: pkijs.RelativeDistinguishedNames; subjectKey: CryptoKey; server: Pick<ServerSigningKey, 'key' | 'privateKey'>; ca: boolean; from: Date; to: Date }): Promise<Uint8Array<ArrayBuffer>> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: options.serial });
  certificate.subject = options.subject;
  certificate.issuer = options.issuer;
  certificate.notBefore.value = options.from;
  certificate.notAfter.value = options.to;
  const spki = new Uint8Array(await subtleCrypto().exportKey('spki', options.subjectKey));
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(spki);
  const serverRaw = fromBase64Url(options.server.key.publicKey);
  const keyId = new Uint8Array(await subtleCrypto().digest('SHA-1', serverRaw));
  const usage = options.ca ? 0x04 : 0xc0; // keyCertSign; or digitalSignature | nonRepudiation
  certificate.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: options.ca, ...(options.ca ? { pathLenConstraint: 0 } : {}) }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: new asn1js.BitString({ valueHex: new Uint8Array([usage]).buffer, unusedBits: options.ca ? 2 : 6 }).toBER(false) }),
    options.ca
      ? new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: keyId.buffer }).toBER(false) })
      : new pkijs.Extension({ extnID: '2.5.29.35', extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyId.buffer }) }).toSchema().toBER(false) }),
  ];
  certificate.signature = new pkijs.AlgorithmIdentifier({ algorithmId: ed25519Oid });
  certificate.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: ed25519Oid });
  const tbs = certificate.encodeTBS().toBER(false);
  const signature = await subtleCrypto().sign({ name: 'Ed25519' }, options.server.privateKey, tbs);
  certificate.signatureValue = new asn1js.BitString({ valueHex: signature });
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

/** A P-256 key with a certificate issued by the current server key (valid 10 years from `now`). */
export async function newDocumentKey(server: Pick<ServerSigningKey, 'key' | 'privateKey'>, now: Date): Promise<DocumentKey> {
  const pair = await subtleCrypto().generateKey(ecdsa, true, ['sign', 'verify']);
  const serverPublic = await subtleCrypto().importKey('raw', fromBase64Url(server.key.publicKey), { name: 'Ed25519' }, true, ['verify']);
  const to = new Date(now.getTime() + 10 * 365 * 86_400_000);
  const issuerName = nameOf(`Model approval server key ${server.key.keyId}`);
  const issuer = await issued({ serial: 1, subject: issuerName, issuer: issuerName, subjectKey: serverPublic, server, ca: true, from: now, to });
  const leaf = await issued({ serial: 2, subject: nameOf(`Approval record signing (server key ${server.key.keyId})`), issuer: issuerName, subjectKey: pair.publicKey, server, ca: false, from: now, to });
  const pkcs8 = new Uint8Array(await subtleCrypto().exportKey('pkcs8', pair.privateKey));
  return { algorithm: 'ECDSA-P256', privateKeyPkcs8: toBase64Url(pkcs8), certificate: toBase64Url(leaf), issuerCertificate: toBase64Url(issuer), issuerKeyId: server.key.keyId, createdAt: now.toISOString() };
}

export async function documentSignerOf(key: DocumentKey): Promise<DocumentSigner> {
  const privateKey = await subtleCrypto().importKey('pkcs8', fromBase64Url(key.privateKeyPkcs8), ecdsa, false, ['sign']);
  return { privateKey, certificates: [fromBase64Url(key.certificate), fromBase64Url(key.issuerCertificate)] };
}
