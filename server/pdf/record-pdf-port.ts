import type { RecordPdfPort } from '#api/kernel/record-pdf-port.ts';
import { documentSignerOf, newDocumentKey, type DocumentKey } from './document-key.ts';
import { renderRecordPdf } from './record-pdf.ts';
import type { DocumentSigner } from './pades.ts';

/**
 * The server's PDF record maker. `documentKey` is the one the key file holds (server/key-file.ts);
 * without one (in-process tests, tools) a key is made in memory at the first PDF, issued by
 * the server key of that request, for the life of the process.
 */
export function createRecordPdfPort(documentKey?: DocumentKey): RecordPdfPort {
  let key: Promise<DocumentKey> | null = documentKey ? Promise.resolve(documentKey) : null;
  let signer: Promise<DocumentSigner> | null = null;
  const keyFor = (serverKey: Parameters<RecordPdfPort['certificates']>[0]) => (key ??= newDocumentKey(serverKey, new Date()));
  return {
    async certificates(serverKey) {
      const { certificate, issuerCertificate, issuerKeyId } = await keyFor(serverKey);
      return { certificate, issuerCertificate, issuerKeyId };
    },
    async render({ record, recordBytes, verifyUrl, serverKey }) {
      signer ??= keyFor(serverKey).then(documentSignerOf);
      const pdf = await renderRecordPdf({ record, recordBytes, verifyUrl, signer: await signer });
      return new Uint8Array(pdf);
    },
  };
}
