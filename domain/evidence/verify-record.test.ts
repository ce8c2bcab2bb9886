import { beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import { generateServerKey, importServerPrivateKey } from '../signing/countersign.ts';
import { signTreeHead } from '../audit/tree-head.ts';
import { sampleOverride, sampleRecord, type SampleRecord } from '#tests/fixtures/sample-record.ts';
import { keyFingerprint } from './key-pin.ts';
import { recordOutcome, verifyRecordText, type RecordVerification } from './verify-record.ts';

let sample: SampleRecord;
beforeAll(async () => {
  sample = await sampleRecord();
});

// Through JSON, as a file would be: structuredClone would keep sections shared by two versions shared.
const copy = (): ApprovalRecord => JSON.parse(sample.text) as ApprovalRecord;
const failed = (verdict: RecordVerification) => verdict.checks.filter((check) => !check.ok);
const failedLabels = (verdict: RecordVerification) => failed(verdict).map((check) => check.label);

describe('verifyRecordText on a valid record', () => {
  it('passes every check and names what it checked', async () => {
    const verdict = await verifyRecordText(sample.text, { trustedKeys: [sample.serverKey] });
    expect(failed(verdict)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.pinned).toBe(true);
    expect(recordOutcome(verdict)).toBe('valid');
    expect(verdict.record?.package.id).toBe('pkg_sample_credit');
    const labels = verdict.checks.map((check) => check.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Record schema',
        'Server signature over the record',
        'Content hash of version 1',
        'Content hash of version 2',
        'Tree head signature',
        'Audit entry #2',
        'Inclusion proof of audit entry #7',
        'Audit trail of version 2',
        'Audit trail of decision dec_sample_approval',
      ]),
    );
    expect(labels.some((label) => label.startsWith('Decision dec_sample_approval: Approved by Elena Vasquez'))).toBe(true);
    // Four entries are about the package, each with its own proof.
    expect(labels.filter((label) => label.startsWith('Inclusion proof of audit entry'))).toHaveLength(4);
  });

  it('accepts bytes as well as text, and a re-indented copy', async () => {
    const pinned = { trustedKeys: [sample.serverKey] };
    expect((await verifyRecordText(new TextEncoder().encode(sample.text), pinned)).valid).toBe(true);
    expect((await verifyRecordText(JSON.stringify(sample.record, null, 2), pinned)).valid).toBe(true);
  });

  it('pins the signer when trusted keys are given', async () => {
    expect((await verifyRecordText(sample.text, { trustedKeys: [sample.serverKey] })).valid).toBe(true);
    const stranger = await generateServerKey();
    const verdict = await verifyRecordText(sample.text, { trustedKeys: [{ publicKey: stranger.publicKey }] });
    expect(verdict.valid).toBe(false);
    expect(failed(verdict)).toEqual([expect.objectContaining({ label: 'Server signature over the record', detail: expect.stringContaining('not one of the 1 trusted key') as string })]);
    expect(verdict.pinned).toBe(false);
    expect(recordOutcome(verdict)).toBe('invalid');
  });

  it('pins the signer by the fingerprint of its key, and refuses another fingerprint', async () => {
    const fingerprint = await keyFingerprint(sample.serverKey.publicKey);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const verdict = await verifyRecordText(sample.text, { trustedKeys: [{ fingerprint }] });
    expect(recordOutcome(verdict)).toBe('valid');
    expect(verdict.checks.find((check) => check.label === 'Server signature over the record')?.detail).toContain(`fingerprint ${fingerprint}), a trusted key.`);
    const other = await verifyRecordText(sample.text, { trustedKeys: [{ fingerprint: 'ab'.repeat(32) }] });
    expect(recordOutcome(other)).toBe('invalid');
  });
});

describe('verifyRecordText without a pinned key', () => {
  it('finds a genuine record consistent but never valid: the key it checks with comes from the record', async () => {
    for (const options of [undefined, {}, { trustedKeys: [] }]) {
      const verdict = await verifyRecordText(sample.text, options);
      expect(failed(verdict)).toEqual([]);
      expect(verdict).toMatchObject({ valid: false, pinned: false, demonstration: false });
      expect(recordOutcome(verdict)).toBe('unpinned');
    }
    const signature = (await verifyRecordText(sample.text)).checks.find((check) => check.label === 'Server signature over the record');
    expect(signature?.detail).toContain('NOT PINNED: the key comes from the record itself');
  });

  it('cannot tell a record forged under another key from a genuine one, and a pin can', async () => {
    // Same package, decision and audit trail, every signature made by a key of the forger's own.
    const forged = await sampleRecord();
    const unpinned = await verifyRecordText(forged.text);
    expect(failed(unpinned)).toEqual([]);
    expect(recordOutcome(unpinned)).toBe('unpinned');

    const pinned = await verifyRecordText(forged.text, { trustedKeys: [sample.serverKey] });
    expect(recordOutcome(pinned)).toBe('invalid');
    expect(failedLabels(pinned)).toEqual(['Server signature over the record']);
  });

  it('an unpinned record that also fails a check is invalid, not unpinned', async () => {
    const record = copy();
    record.package.modelName += ' (edited)';
    expect(recordOutcome(await verifyRecordText(JSON.stringify(record)))).toBe('invalid');
  });
});

describe('verifyRecordText on a tampered record', () => {
  it('an edit without re-signing breaks the server signature, and a changed content its hash and the decision', async () => {
    const record = copy();
    const section = record.versions[1]?.content.sections.find((s) => s.kind === 'narrative');
    if (section?.kind !== 'narrative') throw new Error('the sample has a narrative section');
    section.markdown += ' Edited.';
    const verdict = await verifyRecordText(JSON.stringify(record));
    expect(verdict.valid).toBe(false);
    expect(verdict.record).not.toBeNull();
    expect(failedLabels(verdict)).toEqual(['Server signature over the record', 'Content hash of version 2', expect.stringMatching(/^Decision dec_sample_approval/)]);
    expect(failed(verdict)[1]?.detail).toContain('/versions/1/content was changed');
    expect(failed(verdict)[2]?.detail).toContain('Content changed after signing');
  });

  it('a dishonest server that re-signs a changed content is still caught by the content hash and the decision signature', async () => {
    const record = copy();
    const version = record.versions[0];
    if (!version) throw new Error('sample has versions');
    version.content.sections[0] = { ...version.content.sections[0], title: 'Renamed' } as (typeof version.content.sections)[0];
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    expect(failedLabels(verdict)).toEqual(['Content hash of version 1']);
  });

  it('names a changed audit entry and its proof, and a decision missing from the audit', async () => {
    const record = copy();
    const entry = record.audit.entries.find((e) => e.action === 'decision.signed');
    if (!entry) throw new Error('sample has a decision.signed entry');
    entry.after = { ...(entry.after as object), decision: 'dec_someone_else' };
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    expect(failedLabels(verdict)).toEqual([`Audit entry #${entry.seq}`, 'Audit trail of decision dec_sample_approval']);

    // Also fixing its hash only moves the failure to the proof against the signed root.
    const { auditEntryHashSync } = await import('../audit/entry-hash-sync.ts');
    entry.entryHash = auditEntryHashSync(entry);
    const rehashed = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    expect(failedLabels(rehashed)).toEqual([`Inclusion proof of audit entry #${entry.seq}`, 'Audit trail of decision dec_sample_approval']);
  });

  it('refuses proofs for the wrong entries, naming both', async () => {
    const record = copy();
    const [first, second] = record.audit.proofs;
    if (!first || !second) throw new Error('sample has proofs');
    record.audit.proofs[0] = second;
    record.audit.proofs[1] = first;
    const swapped = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    expect(failedLabels(swapped)).toEqual(['Inclusion proof of audit entry #2', 'Inclusion proof of audit entry #4']);
    expect(failed(swapped)[0]?.detail).toBe('/audit/proofs/0 is the proof of entry #4, not of entry #2 (/audit/entries/0).');

    // Only the paths swapped: the labels fit, the hashes do not lead to the root.
    const paths = copy();
    const [a, b] = paths.audit.proofs;
    if (!a || !b) throw new Error('sample has proofs');
    [a.path, b.path] = [b.path, a.path];
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(paths)));
    expect(failedLabels(verdict)).toEqual(['Inclusion proof of audit entry #2', 'Inclusion proof of audit entry #4']);
  });

  it('refuses a tree head of another log, signed or not', async () => {
    const other = await sampleRecord();
    const record = copy();
    record.audit.treeHead = other.record.audit.treeHead;
    const foreign = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    expect(failedLabels(foreign)).toContain('Tree head signature');
    expect(failedLabels(foreign).filter((label) => label.startsWith('Inclusion proof'))).toHaveLength(4);

    // The same server signing a head of a different root: the signature holds, the proofs do not.
    const lying = copy();
    lying.audit.treeHead = await signTreeHead(sample.privateKey, sample.serverKey.keyId, { ...lying.audit.treeHead, rootHash: other.record.audit.treeHead.rootHash });
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(lying)));
    expect(failedLabels(verdict)).toEqual(['Inclusion proof of audit entry #2', 'Inclusion proof of audit entry #4', 'Inclusion proof of audit entry #5', 'Inclusion proof of audit entry #7']);
  });

  it('refuses a record signed by a key it does not list, and a key whose id is not its own', async () => {
    const stranger = await generateServerKey();
    const record = copy();
    const strangerKey = await importServerPrivateKey(stranger.privateKeyPkcs8);
    const { signRecord } = await import('./record-signature.ts');
    const unlisted = await verifyRecordText(JSON.stringify(await signRecord(strangerKey, stranger.keyId, record)));
    expect(failed(unlisted)).toEqual([expect.objectContaining({ label: 'Server signature over the record', detail: expect.stringContaining(`names server key ${stranger.keyId}, which is not in /serverKeys`) as string })]);

    const renamed = copy();
    const key = renamed.serverKeys[0];
    if (!key) throw new Error('sample has a key');
    renamed.serverKeys.push({ ...key, keyId: 'not-derived' });
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(renamed)));
    expect(failedLabels(verdict)).toEqual(['Server key not-derived']);
  });

  it('finds status and steps that no signed decision backs, even under a re-signed record', async () => {
    const record = copy();
    record.decisions = [];
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    const check = failed(verdict).find((c) => c.label === 'Status and steps backed by signed decisions');
    expect(check?.detail).toMatch(/^\/steps\/\d+\/approvals\/0: no signed decision by Elena Vasquez on step model_risk, version 2/);
  });

  it('finds a decision whose audit entry says otherwise, though a dishonest server countersigned it again', async () => {
    const record = copy();
    const decision = record.decisions[0];
    if (!decision?.signature) throw new Error('the sample has a signed decision');
    const entry = record.audit.entries.find((e) => e.action === 'decision.signed');
    if (!entry) throw new Error('the sample has a decision.signed entry');
    // The audit entry is in the log and proved: it cannot change. A password decision has no
    // signature but the server's, so a server holding the key can re-make it with another step.
    const { countersign } = await import('../signing/countersign.ts');
    decision.stepKey = 'security';
    decision.signature.payload.stepKey = 'security';
    decision.signature = { ...decision.signature, countersignature: await countersign(sample.privateKey, sample.serverKey.keyId, { type: 'model-approval-countersignature/1', decisionId: decision.id, decidedAt: decision.decidedAt, payload: decision.signature.payload, signature: decision.signature.signature }) };
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    const trail = failed(verdict).find((c) => c.label === `Audit trail of decision ${decision.id}`);
    expect(trail?.detail).toBe(`Audit entry #${entry.seq} does not say what /decisions/0 says: step is "model_risk" in the entry, "security" in the decision.`);
  });

  it('checks approvedVersion against the status', async () => {
    const record = copy();
    record.package.approvedVersion = 1;
    const verdict = await verifyRecordText(JSON.stringify(await sample.resign(record)));
    expect(failed(verdict)).toEqual([expect.objectContaining({ label: 'Approved version', detail: '/package/approvedVersion is 1, but the package is approved at version 2.' })]);
  });
});

describe('verifyRecordText on what is not a record', () => {
  it('refuses invalid UTF-8, naming the byte', async () => {
    const bytes = new TextEncoder().encode(sample.text);
    bytes[10] = 0xff;
    const verdict = await verifyRecordText(bytes);
    expect(verdict).toEqual({ valid: false, pinned: false, demonstration: false, record: null, checks: [{ label: 'Text encoding', ok: false, detail: 'The file is not valid UTF-8 (byte 10).' }] });
  });

  it('refuses duplicate keys and syntax errors with their place', async () => {
    const duplicated = sample.text.replace('"exportedAt":', '"exportedAt":"2026-01-01T00:00:00.000Z","exportedAt":');
    const verdict = await verifyRecordText(duplicated);
    expect(verdict.record).toBeNull();
    expect(verdict.checks).toEqual([{ label: 'JSON', ok: false, detail: '/exportedAt: Duplicate key "exportedAt" (JSON object keys must be unique)' }]);
    expect((await verifyRecordText('')).checks[0]?.detail).toMatch(/^The document: Unexpected end of input/);
  });

  it('reports schema problems by JSON pointer, and refuses members the schema does not define', async () => {
    const record = copy() as unknown as { versions: { number: unknown }[]; type: string };
    record.type = 'something-else';
    if (record.versions[0]) record.versions[0].number = 0;
    const verdict = await verifyRecordText(JSON.stringify(record));
    expect(verdict.record).toBeNull();
    expect(failed(verdict).map((check) => check.detail.split(':')[0])).toEqual(['/type', '/versions/0/number']);

    const extra = copy() as unknown as { decisions: Record<string, unknown>[] };
    const decision = extra.decisions[0];
    if (decision) decision.note = 'added later';
    const refused = await verifyRecordText(JSON.stringify(extra));
    expect(failed(refused)).toEqual([{ label: 'Record schema', ok: false, detail: '/decisions/0/note: a member the schema does not define (refused, not ignored)' }]);
  });

  it('refuses numbers and strings not written as the server wrote them, though they mean the same', async () => {
    const text = sample.text.replace('"exportedBy"', '"\\u0065xportedBy"');
    const verdict = await verifyRecordText(text);
    expect(verdict.valid).toBe(false);
    expect(failedLabels(verdict)).toEqual(['Canonical numbers and strings']);
    expect(failed(verdict)[0]?.detail).toContain('"\\u0065xportedBy" at line 1, column');
  });
});

describe('verifyRecordText on a record with an emergency approval', () => {
  let emergency: SampleRecord;
  beforeAll(async () => {
    emergency = await sampleRecord({ emergency: true });
  });
  const copyEmergency = (): ApprovalRecord => JSON.parse(emergency.text) as ApprovalRecord;

  it('verifies it like any decision, and states its incident and completed follow-up', async () => {
    const verdict = await verifyRecordText(emergency.text);
    expect(failed(verdict)).toEqual([]);
    const labels = verdict.checks.map((check) => check.label);
    expect(labels.some((label) => label.startsWith('Decision dec_sample_emergency: Emergency approval for deployment'))).toBe(true);
    expect(labels).toContain('Audit trail of decision dec_sample_emergency');
    expect(verdict.checks.find((check) => check.label === 'Emergency approvals and their follow-up')?.detail).toMatch(/^1 emergency approval \(INC-4821: follow-up completed 2026-01-12T15:00:00\.000Z\)/);
    expect(verdict.record?.emergencyApprovals).toEqual([
      { decisionId: 'dec_sample_emergency', incidentRef: 'INC-4821', justification: expect.stringMatching(/^Card-not-present fraud/) as string, followUp: { state: 'completed', at: '2026-01-12T15:00:00.000Z' } },
    ]);
  });

  it('fails a changed incident (not signed that way), and a follow-up claimed other than the decisions give', async () => {
    const changed = copyEmergency();
    const decision = changed.decisions.find((d) => d.id === 'dec_sample_emergency');
    if (!decision?.emergency) throw new Error('sample has an emergency approval');
    decision.emergency.incidentRef = 'INC-1';
    const incident = await verifyRecordText(JSON.stringify(await emergency.resign(changed)));
    expect(failedLabels(incident)).toEqual([expect.stringMatching(/^Decision dec_sample_emergency/), 'Emergency approvals and their follow-up']);
    expect(failed(incident)[0]?.detail).toMatch(/differs from what was signed: emergency details/);

    const claimed = copyEmergency();
    const stated = claimed.emergencyApprovals?.[0];
    if (!stated) throw new Error('sample states its emergency approval');
    stated.followUp = { state: 'open', at: null };
    const followUp = await verifyRecordText(JSON.stringify(await emergency.resign(claimed)));
    expect(failed(followUp)).toEqual([
      { label: 'Emergency approvals and their follow-up', ok: false, detail: '/emergencyApprovals says dec_sample_emergency open; the decisions, steps and status of the record give dec_sample_emergency completed.' },
    ]);

    // Dropping the statement altogether is caught too.
    const { emergencyApprovals: _, ...silent } = copyEmergency();
    expect(failedLabels(await verifyRecordText(JSON.stringify(await emergency.resign(silent))))).toEqual(['Emergency approvals and their follow-up']);
  });
});

describe('verifyRecordText on a record with an approval over an open question', () => {
  let overridden: SampleRecord;
  beforeAll(async () => {
    overridden = await sampleRecord({ override: true });
  });

  it('verifies it and shows the blockers overridden and the signed reason', async () => {
    const verdict = await verifyRecordText(overridden.text);
    expect(failed(verdict)).toEqual([]);
    const check = verdict.checks.find((c) => c.label.startsWith('Decision dec_sample_approval'));
    expect(check?.detail).toContain(`Approved over 1 open question (open clarification thr_sample_question), overridden with the signed reason: "${sampleOverride.reason}".`);
  });

  it('fails a record whose override reason was changed or dropped after signing', async () => {
    const changed = JSON.parse(overridden.text) as ApprovalRecord;
    const decision = changed.decisions.find((d) => d.id === 'dec_sample_approval');
    if (!decision?.override || !decision.signature?.payload.override) throw new Error('sample has an override');
    decision.override.reason = 'No reason needed.';
    const { signature: _, ...body } = changed;
    const verdict = await verifyRecordText(JSON.stringify(await overridden.resign(body)));
    expect(failed(verdict).map((c) => c.detail)).toEqual([expect.stringContaining('The decision record differs from what was signed: override.')]);

    const dropped = JSON.parse(overridden.text) as ApprovalRecord;
    const signedPayload = dropped.decisions.find((d) => d.id === 'dec_sample_approval')?.signature?.payload;
    if (!signedPayload) throw new Error('sample is signed');
    delete signedPayload.override;
    const { signature: __, ...droppedBody } = dropped;
    const droppedVerdict = await verifyRecordText(JSON.stringify(await overridden.resign(droppedBody)));
    expect(failed(droppedVerdict).map((c) => c.detail)).toEqual([expect.stringContaining('The server countersignature does not verify.')]);
  });
});
