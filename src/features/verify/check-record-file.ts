import type { KeyPin } from '#domain/evidence/key-pin.ts';
import { verifyRecordText, type RecordVerification } from '#domain/evidence/verify-record.ts';

/** Larger than any real record by far; a bigger file is refused before it is read. */
export const maxRecordBytes = 50 * 1024 * 1024;

export type FileCheck =
  | { kind: 'verified'; fileName: string; verification: RecordVerification }
  /** The file could not be a record at all: too large, unreadable, or not JSON. */
  | { kind: 'refused'; fileName: string; message: string };

// The verifier's labels for a file it could not even parse (domain/evidence/read-record.ts).
const unreadable = new Set(['Text encoding', 'JSON']);

/**
 * Reads a chosen file as bytes and runs the offline verifier on them, in this browser; the
 * file goes nowhere. A file that is not JSON is told apart from a record that fails its checks.
 */
export async function checkRecordFile(file: File, trustedKeys: readonly KeyPin[]): Promise<FileCheck> {
  const fileName = file.name || 'the file';
  if (file.size > maxRecordBytes) {
    return { kind: 'refused', fileName, message: `${fileName} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an approval record is at most 50 MB. Choose the .json file downloaded from a record page.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { kind: 'refused', fileName, message: `${fileName} could not be read. Choose it again.` };
  }
  const verification = await verifyRecordText(bytes, { trustedKeys });
  const parseFailure = verification.record === null ? verification.checks.find((check) => !check.ok && unreadable.has(check.label)) : undefined;
  if (parseFailure) {
    return { kind: 'refused', fileName, message: `${fileName} is not a JSON file, so it cannot be an approval record (${parseFailure.detail}). Choose the .json file downloaded from a record page.` };
  }
  return { kind: 'verified', fileName, verification };
}
