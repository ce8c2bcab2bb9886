import type { Transferable } from 'node:worker_threads';
import type { ComputePort } from '#api/kernel/compute.ts';
import { encodeSignedRecord, type EncodedRecord } from '#domain/evidence/encode-record.ts';

// Every job a compute worker runs (one per ComputePort method), with the buffers its result
// hands over to the main thread rather than copies: megabytes of record cross in no time.

type Tasks = { [K in keyof ComputePort]: { run: ComputePort[K]; transfer: (result: Awaited<ReturnType<ComputePort[K]>>) => Transferable[] } };

export const computeTasks: Tasks = {
  signedRecord: { run: encodeSignedRecord, transfer: (result: EncodedRecord) => [result.bytes.buffer] },
};

export type ComputeTask = keyof ComputePort;

/** Main thread to worker: one job. */
export interface JobMessage {
  id: number;
  task: ComputeTask;
  input: unknown;
}

/** Worker to main thread: the job's result, or what went wrong in it. */
export type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };
