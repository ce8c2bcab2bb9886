import { describe, expect, it } from 'vitest';
import { verifyInclusionProof } from '../audit/proofs.ts';
import { hexToBytes } from '../crypto/hex.ts';
import { buildRecordBody, recordFileName, type RecordSources } from './build-record.ts';
import { sampleRecord } from '#tests/fixtures/sample-record.ts';

// The derivations the export makes from what the server read: revision summaries, the
// approved version, one proof per entry, the download's file name.

async function sources(): Promise<RecordSources> {
  const { record } = await sampleRecord();
  const proofs = new Map(record.audit.proofs.map((proof) => [proof.leafIndex, proof.path]));
  return {
    exportedAt: record.exportedAt,
    exportedBy: record.exportedBy,
    package: { ...record.package },
    steps: record.steps,
    // Given newest first: the record lists them oldest first.
    versions: record.versions.map(({ changesFromPrevious: _, ...version }) => version).reverse(),
    decisions: record.decisions,
    threads: record.threads,
    serverKeys: record.serverKeys,
    auditEntries: [...record.audit.entries].reverse(),
    treeHead: record.audit.treeHead,
    inclusionPath: (leafIndex) => (proofs.get(leafIndex) ?? []).map(hexToBytes),
  };
}

describe('buildRecordBody', () => {
  it('lists versions and entries oldest first, with the changes of each revision and a proof per entry', async () => {
    const body = buildRecordBody(await sources());
    expect(body.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(body.versions[0]?.changesFromPrevious).toBeNull();
    const changes = body.versions[1]?.changesFromPrevious;
    expect(changes?.modified).toBeGreaterThan(0);
    expect(changes?.sections.map((s) => s.key)).toContain('subgroup_fairness');
    expect(body.audit.entries.map((e) => e.seq)).toEqual([2, 4, 5, 7]);
    expect(body.audit.proofs.map((p) => [p.seq, p.leafIndex, p.treeSize])).toEqual([
      [2, 1, 8],
      [4, 3, 8],
      [5, 4, 8],
      [7, 6, 8],
    ]);
    for (const proof of body.audit.proofs) expect(verifyInclusionProof(proof, body.audit.treeHead)).toBe(true);
  });

  it('names the approved version only when the package is approved', async () => {
    const input = await sources();
    expect(buildRecordBody(input).package.approvedVersion).toBe(2);
    expect(buildRecordBody({ ...input, package: { ...input.package, status: 'approved_with_conditions' } }).package.approvedVersion).toBe(2);
    for (const status of ['in_review', 'rejected', 'clarification_requested'] as const) {
      expect(buildRecordBody({ ...input, package: { ...input.package, status } }).package.approvedVersion).toBeNull();
    }
  });

  it('refuses a tree head that does not cover every entry', async () => {
    const input = await sources();
    expect(() => buildRecordBody({ ...input, treeHead: { ...input.treeHead, treeSize: 6 } })).toThrow('The tree head (size 6) does not cover audit entry #7');
  });
});

describe('recordFileName', () => {
  it('names model, version label and latest version, with only safe characters', async () => {
    const body = buildRecordBody(await sources());
    expect(recordFileName(body)).toBe('approval-record-retail-credit-pd-4.2.0-v2.json');
    expect(recordFileName({ ...body, package: { ...body.package, versionLabel: '1.0 "beta"/ü' } })).toBe('approval-record-retail-credit-pd-1.0__beta___-v2.json');
  });
});
