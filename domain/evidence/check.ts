import type { RecordCheck } from '../contracts/record.ts';

// Small constructors for the verifier's checks, so every module words them alike.

export function pass(label: string, detail: string): RecordCheck {
  return { label, ok: true, detail };
}

export function fail(label: string, detail: string): RecordCheck {
  return { label, ok: false, detail };
}

/** The first 12 hex digits of a hash and an ellipsis: enough to tell two hashes apart in a message. */
export function short(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
