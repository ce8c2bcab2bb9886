import { describe, expect, it } from 'vitest';
import { sampleRecordJob } from '#tests/fixtures/sample-record-job.ts';
import { recordFileName } from './build-record.ts';
import { encodeSignedRecord } from './encode-record.ts';
import { verifyRecordText } from './verify-record.ts';

// The export's job gives the bytes the export gave when it built, signed and serialized the
// record in the handler: same members in the same order, same signature.

describe('encodeSignedRecord', () => {
  it('gives exactly the record built from parsed versions and signed in one go', async () => {
    const { job, sample } = await sampleRecordJob();
    const encoded = await encodeSignedRecord(job);
    expect(new TextDecoder().decode(encoded.bytes)).toBe(sample.text);
    expect(encoded.fileName).toBe(recordFileName(sample.record));
    const verdict = await verifyRecordText(encoded.bytes, { trustedKeys: [{ publicKey: sample.serverKey.publicKey }] });
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('refuses an entry whose inclusion path was not given', async () => {
    const { job } = await sampleRecordJob();
    const paths = new Map(job.sources.inclusionPaths);
    paths.delete((job.sources.auditEntries[0]?.seq ?? 0) - 1);
    await expect(encodeSignedRecord({ ...job, sources: { ...job.sources, inclusionPaths: paths } })).rejects.toThrow('No inclusion path was given for leaf');
  });
});
