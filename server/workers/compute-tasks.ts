import type { Transferable } from 'node:worker_threads';
import type { ComputePort } from '#api/kernel/compute.ts';
import { encodeSignedRecord, type EncodedRecord } from '#domain/evidence/encode-record.ts';
import { renderRecordPdfJob, type RecordPdfJob } from '../pdf/record-pdf-port.ts';

// Every job a compute worker runs (one per ComputePort method), with the buffers its result
// hands over to the main thread rather than copies: megabytes of record cross in no time.

/** The universal jobs, and the server's own: the PDF record is Node code (PDFKit), so it is not in ComputePort. */
export interface ServerCompute extends ComputePort {
  recordPdf(job: RecordPdfJob): Promise<Uint8Array<ArrayBuffer>>;
}

type Tasks = { [K in keyof ServerCompute]: { run: ServerCompute[K]; transfer: (result: Awaited<ReturnType<ServerCompute[K]>>) => Transferable[] } };

export const computeTasks: Tasks = {
  signedRecord: { run: encodeSignedRecord, transfer: (result: EncodedRecord) => [result.bytes.buffer] },
  recordPdf: { run: renderRecordPdfJob, transfer: (result: Uint8Array<ArrayBuffer>) => [result.buffer] },
};

export type ComputeTask = keyof ServerCompute;

/** Main thread to worker: one job. */
export interface JobMessage {
  id: number;
  task: ComputeTask;
  input: unknown;
}

/** Worker to main thread: the job's result, or what went wrong in it. */
export type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };
