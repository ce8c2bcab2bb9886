import { encodeSignedRecord, type EncodedRecord, type RecordJob } from '#domain/evidence/encode-record.ts';

// Work too heavy for the thread that answers every request (docs/decisions/0064-export-off-the-event-loop.md).
// The server gives ApiDeps a pool of worker threads (server/workers/) that runs a few jobs at
// a time, refuses more than its queue holds and stops a job that outruns its time budget; the
// mocks and tests leave `compute` out and the same jobs run inline.

export interface ComputePort {
  /** The signed approval record, encoded (domain/evidence/encode-record.ts). */
  signedRecord(job: RecordJob): Promise<EncodedRecord>;
}

/** Why a job was not done: every worker busy and the queue full, or the job ran past its budget and was stopped. */
export class ComputeRefused extends Error {
  readonly reason: 'busy' | 'over_budget';
  readonly retryAfterSeconds: number;
  /** The time budget of a job, for the message a client reads. */
  readonly budgetSeconds: number;
  constructor(reason: 'busy' | 'over_budget', options: { retryAfterSeconds: number; budgetSeconds: number }) {
    super(reason === 'busy' ? 'Every worker is busy and the queue is full' : `The job ran past its budget of ${options.budgetSeconds} s and was stopped`);
    this.name = 'ComputeRefused';
    this.reason = reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.budgetSeconds = options.budgetSeconds;
  }
}

/** The jobs on the calling thread: for the mocks and tests, where nothing else waits on it. */
export const inlineCompute: ComputePort = {
  signedRecord: encodeSignedRecord,
};
