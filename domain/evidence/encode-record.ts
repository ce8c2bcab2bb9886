// The CPU-heavy part of a record export as one job: parse the stored versions, diff each
// against the one before (buildRecordBody), sign the canonical form, encode the JSON. Its
// input and output are structured-cloneable (strings, plain objects, a Map, byte arrays and a
// CryptoKey), so the server runs it in a worker thread (server/workers/) while the mocks and
// tests run it inline: the same code gives the same bytes either way.
import type { ApprovalRecordBody } from '../contracts/record.ts';
import type { PackageContent } from '../contracts/package-content.ts';
import { buildRecordBody, recordFileName, type RecordSources } from './build-record.ts';
import { signRecord } from './record-signature.ts';
import { withAttestations } from './attestation.ts';
import { parseJson } from '../json/parse-json.ts';

/** A version as the store holds it: `content` is its canonical JSON text, validated at submission. */
export type StoredRecordVersion = Omit<RecordSources['versions'][number], 'content'> & { content: string };

export interface RecordJob {
  sources: Omit<RecordSources, 'versions' | 'inclusionPath'> & {
    versions: StoredRecordVersion[];
    /** Each audit entry's inclusion path in the tree of the head's size, by leaf index (seq - 1). */
    inclusionPaths: ReadonlyMap<number, readonly Uint8Array[]>;
  };
  /** The server's current countersigning key. */
  signingKey: { keyId: string; privateKey: CryptoKey };
}

export interface EncodedRecord {
  /** The signed record as UTF-8 JSON: exactly the bytes the client receives. */
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
}

export async function encodeSignedRecord(job: RecordJob): Promise<EncodedRecord> {
  const { versions, inclusionPaths, ...sources } = job.sources;
  const built = buildRecordBody({
    ...sources,
    // Replacing `content` in place keeps each version's members in the order they were read.
    versions: versions.map((version) => ({ ...version, content: parseJson(version.content) as PackageContent })),
    inclusionPath: (leafIndex) => {
      const path = inclusionPaths.get(leafIndex);
      if (!path) throw new Error(`No inclusion path was given for leaf ${leafIndex}`);
      return path;
    },
  });
  // Signed as it will be sent: a JSON round trip drops what JSON cannot carry (an undefined
  // member), so the signature covers exactly the document the client receives.
  const body = parseJson(JSON.stringify(built)) as ApprovalRecordBody;
  const { keyId, privateKey } = job.signingKey;
  const record = await signRecord(privateKey, keyId, await withAttestations(privateKey, keyId, body));
  return { bytes: new TextEncoder().encode(JSON.stringify(record)), fileName: recordFileName(record) };
}
