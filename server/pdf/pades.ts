import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// PAdES baseline B-B (ETSI EN 319 142-1) over a PDF that pdfkit wrote with a signature
// placeholder (docs/decisions/0119): /ByteRange covers the whole file but the /Contents hex
// string, which receives a detached CMS SignedData (ETSI.CAdES.detached) whose signed
// attributes are content-type, message-digest and ESS signing-certificate-v2 — and no
// signing-time: in PAdES the claimed time is the signature dictionary's /M.

/** What PDFKit writes for the placeholders: a name, replaced by a number padded to the same length. */
export const byteRangePlaceholder = '**********';
/** Bytes reserved for the CMS: a P-256 signature with two certificates needs about 1.5 kB. */
export const signatureBytes = 8192;

const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export interface DocumentSigner {
  /** ECDSA P-256, not extractable. */
  privateKey: CryptoKey;
  /** DER: the signer's certificate first, then its issuer's. */
  certificates: Uint8Array[];
}

/** Fills the placeholders of `pdf` (as PDFKit wrote them) and returns the signed file. */
export async function signPdf(pdf: Buffer, signer: DocumentSigner): Promise<Buffer> {
  const text = pdf.toString('latin1');
  const rangeMarker = `/ByteRange [0 /${byteRangePlaceholder} /${byteRangePlaceholder} /${byteRangePlaceholder}]`;
  const rangeAt = text.indexOf(rangeMarker);
  if (rangeAt === -1 || text.indexOf(rangeMarker, rangeAt + 1) !== -1) throw new Error('The PDF must hold exactly one signature placeholder');
  const contentsAt = text.indexOf('/Contents <', rangeAt) + '/Contents '.length;
  const contentsEnd = text.indexOf('>', contentsAt) + 1;
  if (contentsEnd - contentsAt !== signatureBytes * 2 + 2) throw new Error('The signature placeholder has an unexpected size');
  const range = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
  const filled = `/ByteRange [${range.join(' ')}]`.padEnd(rangeMarker.length, ' ');
  if (filled.length !== rangeMarker.length) throw new Error('The byte range does not fit its placeholder');
  const out = Buffer.from(pdf);
  out.write(filled, rangeAt, 'latin1');
  const covered = Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]);
  const cms = await detachedCms(createHash('sha256').update(covered).digest(), signer);
  if (cms.length > signatureBytes) throw new Error(`The CMS signature (${cms.length} bytes) does not fit the ${signatureBytes} bytes reserved`);
  out.write(Buffer.from(cms).toString('hex').padEnd(signatureBytes * 2, '0'), contentsAt + 1, 'latin1');
  return out;
}

function attribute(type: string, value: asn1js.BaseBlock): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS signing-certificate-v2 (RFC 5035) with the SHA-256 of the signer's certificate: binds the signature to it. */
function signingCertificateV2(certificate: Uint8Array): asn1js.Sequence {
  const hash = createHash('sha256').update(certificate).digest();
  // certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (omitted), certHash }
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: new Uint8Array(hash).buffer })] })] })] });
}

async function detachedCms(digest: Buffer, signer: DocumentSigner): Promise<Uint8Array> {
  const certificates = signer.certificates.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const [leaf] = certificates;
  const [leafDer] = signer.certificates;
  if (!leaf || !leafDer) throw new Error('A document signer needs its certificate');
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    certificates,
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute(oid.contentType, new asn1js.ObjectIdentifier({ value: oid.data })),
            attribute(oid.messageDigest, new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer })),
            attribute(oid.signingCertificateV2, signingCertificateV2(leafDer)),
          ],
        }),
      }),
    ],
  });
  await signedData.sign(signer.privateKey, 0, 'SHA-256');
  return new Uint8Array(new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) }).toSchema().toBER(false));
}
