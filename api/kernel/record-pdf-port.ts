import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { StoredServerKey } from '../store/store.ts';

// The printable approval record (docs/decisions/0119) is drawn and signed on the server
// (server/pdf/): PDFKit and the PAdES signature are Node code. The mocks have none, and say so.
export interface RecordPdfPort {
  /** The record as a signed PDF/A-3b, the record's bytes attached; `serverKey` issues the document key's certificate when there is none yet. */
  /** The document key's certificate and its issuer's (DER, base64url), published by GET /api/keys. */
  certificates(serverKey: { key: StoredServerKey; privateKey: CryptoKey }): Promise<{ certificate: string; issuerCertificate: string; issuerKeyId: string }>;
  render(input: { record: ApprovalRecord; recordBytes: Uint8Array; verifyUrl: string; serverKey: { key: StoredServerKey; privateKey: CryptoKey } }): Promise<Uint8Array<ArrayBuffer>>;
}
