import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import { sampleRecord, type SampleRecord } from '#tests/fixtures/sample-record.ts';
import { verifyRecordText } from './verify-record.ts';

// docs/decisions/0180: a record's entries about its package, each proven in the signed tree, must
// also form one unbroken chain of subject links, so a server that re-signs a record without some
// of them is caught from the record alone. The sample log interleaves other subjects' entries:
// #2 submitted, #4 version submitted, #5 section reviewed, #7 decision signed (about the package).

const linksLabel = 'Audit entries about the package (subject links)';

/** The record without the entries of `seqs` (and their proofs), re-signed by the server's key. */
async function without(sample: SampleRecord, seqs: readonly number[]): Promise<string> {
  const { signature: _old, ...body } = structuredClone<ApprovalRecord>(sample.record);
  const keep = body.audit.entries.map((entry) => !seqs.includes(entry.seq));
  body.audit.entries = body.audit.entries.filter((_, i) => keep[i]);
  body.audit.proofs = body.audit.proofs.filter((_, i) => keep[i]);
  if (body.audit.tlogProofs) body.audit.tlogProofs = body.audit.tlogProofs.filter((_, i) => keep[i]);
  return JSON.stringify(await sample.resign(body));
}

async function failedLabels(text: string, sample: SampleRecord) {
  const verdict = await verifyRecordText(text, { trustedKeys: [sample.serverKey] });
  return { failed: verdict.checks.filter((c) => !c.ok), links: verdict.checks.find((c) => c.label === linksLabel) };
}

describe('subject links of the entries a record carries', () => {
  it('an honest record of linked entries passes, saying the links run from the package’s first entry', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    expect(sample.record.audit.entries.every((entry) => typeof entry.subjectPrev === 'string')).toBe(true);
    const { failed, links } = await failedLabels(sample.text, sample);
    expect(failed).toEqual([]);
    expect(links?.detail).toMatch(/^Each of the 4 linked entries names the entry before it in the record from the package’s first entry/);
  });

  it('a re-signed record without a middle entry (#5, section reviewed) fails on the record alone, naming the gap', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const { failed } = await failedLabels(await without(sample, [5]), sample);
    expect(failed.map((c) => c.label)).toEqual([linksLabel]);
    expect(failed[0]?.detail).toMatch(/\/audit\/entries\/2 \(#7\) links to [0-9a-f]{12}… as the previous entry about pkg_sample_credit, not to #4 .*entries about the package between them were left out/);
  });

  it('a re-signed record without its first entries fails: its first entry links to one it does not carry', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const { failed } = await failedLabels(await without(sample, [2]), sample);
    expect(failed.map((c) => c.label)).toContain(linksLabel);
    expect(failed.find((c) => c.label === linksLabel)?.detail).toMatch(/\/audit\/entries\/0 \(#4\) links to an earlier entry .* the entries before it were left out/);
  });

  it('the first linked entry after older unlinked ones links to the last of them; leaving that one out fails', async () => {
    // Links begin at #4: #2 (submitted) was written before them, and #4 names it.
    const sample = await sampleRecord({ linkedFrom: 4 });
    const [first, second] = sample.record.audit.entries;
    expect(first?.subjectPrev).toBeUndefined();
    expect(second?.subjectPrev).toBe(first?.entryHash);
    const honest = await failedLabels(sample.text, sample);
    expect(honest.failed).toEqual([]);
    expect(honest.links?.detail).toMatch(/from #4, which links to #2 \(the 1 entries before it were written before links existed\)/);
    const { failed } = await failedLabels(await without(sample, [2]), sample);
    expect(failed.find((c) => c.label === linksLabel)?.detail).toMatch(/\(#4\) links to an earlier entry/);
  });

  it('a record of entries written before links passes and says a gap shows only against the log', async () => {
    const sample = await sampleRecord();
    const { failed, links } = await failedLabels(await without(sample, [5]), sample);
    expect(failed).toEqual([]);
    expect(links?.detail).toMatch(/None of the 3 entries carries a subject link .* only against the log/);
  });

  it('a subject link is covered by the entry hash: one rewritten fails the entry’s hash, not only the chain', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const { signature: _old, ...body } = structuredClone<ApprovalRecord>(sample.record);
    const last = body.audit.entries.at(-1);
    if (!last) throw new Error('no entry');
    last.subjectPrev = body.audit.entries[0]?.entryHash ?? '';
    const { failed } = await failedLabels(JSON.stringify(await sample.resign(body)), sample);
    expect(failed.map((c) => c.label)).toEqual(expect.arrayContaining([`Audit entry #${last.seq}`, linksLabel]));
  });
});
