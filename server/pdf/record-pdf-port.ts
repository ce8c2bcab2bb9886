import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { RecordPdfPort } from '#api/kernel/record-pdf-port.ts';
import { documentSignerOf, newDocumentKey, type DocumentKey } from './document-key.ts';
import { renderRecordPdf } from './record-pdf.ts';

/** One PDF to draw and sign: plain data, so a compute worker can take it (server/workers/compute-tasks.ts). */
export interface RecordPdfJob {
  record: ApprovalRecord;
  recordBytes: Uint8Array;
  verifyUrl: string;
  documentKey: DocumentKey;
}

/** Draws and signs one PDF on the calling thread: what a compute worker runs. */
export async function renderRecordPdfJob({ documentKey, ...input }: RecordPdfJob): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await renderRecordPdf({ ...input, signer: await documentSignerOf(documentKey) });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) as Uint8Array<ArrayBuffer>;
}

/**
 * The server's PDF record maker. `documentKey` is the one the key file holds (server/key-file.ts);
 * without one (in-process tests, tools) a key is made in memory at the first PDF, issued by
 * the server key of that request, for the life of the process. `render` is where the drawing
 * and signing run: the server's compute pool (off the thread that answers requests, within
 * its limits and time budget, decision 0064); absent, inline (in-process tests, tools).
 */
export function createRecordPdfPort(documentKey?: DocumentKey, render: (job: RecordPdfJob) => Promise<Uint8Array<ArrayBuffer>> = renderRecordPdfJob): RecordPdfPort {
  let key: Promise<DocumentKey> | null = documentKey ? Promise.resolve(documentKey) : null;
  const keyFor = (serverKey: Parameters<RecordPdfPort['certificates']>[0]) => (key ??= newDocumentKey(serverKey, new Date()));
  return {
    async certificates(serverKey) {
      const { certificate, issuerCertificate, issuerKeyId } = await keyFor(serverKey);
      return { certificate, issuerCertificate, issuerKeyId };
    },
    async render({ record, recordBytes, verifyUrl, serverKey }) {
      return render({ record, recordBytes, verifyUrl, documentKey: await keyFor(serverKey) });
    },
  };
}
