import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import type { SignedTreeHead } from '#domain/contracts/audit.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { signRecord } from '#domain/evidence/record-signature.ts';
import { verifyRecordText, type RecordVerification } from '#domain/evidence/verify-record.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { Client, origin } from '../contract/support/client.ts';
import { accounts, payloadFor, sign } from '../contract/support/signing-scenarios.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { clinicalRelease } from '../support/fresh-content.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';

// The exported approval record against the tampering the issue lists: any single bit of the
// file flipped, a signed version's content changed in the database by someone who dropped its
// triggers, an inclusion proof for the wrong entry and a tree head of another log (both
// re-signed with the server's own key, as a dishonest server would). Each must fail, with
// the place named. The real server runs in-process on SQLite.


const defer = cleanUpAfterEach();

const dataGovernance = { id: 'usr_data_governance', displayName: 'Marcus Oyelaran', title: 'Data Governance Lead' };

/**
 * A fresh, seeded server on its own SQLite file, with a new release of the clinical model
 * approved by password by data governance and by Elena: decisions really signed (the demo's
 * own are demonstration data, which no record verifies as valid).
 */
async function server() {
  const { store, app, target, openFile } = await seededSqliteApp(defer);

  const owner = new Client(target);
  expect((await owner.login('owner@example.com')).status).toBe(200);
  const submitted = await owner.post('/api/packages', { modelKey: 'clinical-deterioration-risk', versionLabel: '2.1.0', content: clinicalRelease('2.1.0') });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const clinical = (submitted.body as { package: { id: string } }).package.id;
  // An approval needs a risk assessment (docs/decisions/0141).
  expect((await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${clinical}/risk-assessments`, { answers: demoRiskAnswers('clinical-deterioration-risk') })).status).toBe(201);
  const marcus = new Client(target);
  expect((await marcus.login('data-governance@example.com')).status).toBe(200);
  const first = await sign(marcus, await payloadFor(marcus, { packageId: clinical, versionNumber: 1, stepKey: 'data_governance', role: 'data_governance', decision: 'approve', reason: 'Data use agreement covers this use.', signer: dataGovernance }));
  expect(first.status, JSON.stringify(first.body)).toBe(201);

  const elena = new Client(target);
  expect((await elena.login('model-risk@example.com')).status).toBe(200);
  const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', reason: 'Sensitivity and calibration meet policy.', signer: accounts.elena });
  const signed = await sign(elena, payload);
  expect(signed.status, JSON.stringify(signed.body)).toBe(201);

  const exportResponse = () => app.fetch(new Request(`${origin}/api/packages/${clinical}/record`, { headers: { cookie: `${sessionCookieName}=${elena.cookie ?? ''}` } }));
  const exportText = async (): Promise<string> => {
    const response = await exportResponse();
    const text = await response.text();
    expect(response.status, text.slice(0, 500)).toBe(200);
    return text;
  };
  const keys = ((await elena.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  const treeHead = async () => (await elena.get('/api/audit/tree-head')).body as SignedTreeHead;
  /** Signs a changed record with the server's own key: what only a dishonest server could do. */
  const resign = async (record: ApprovalRecord): Promise<string> => {
    const { key, privateKey } = await currentServerKey(store, () => new Date());
    return JSON.stringify(await signRecord(privateKey, key.keyId, record));
  };
  return { clinical, elena, exportText, exportResponse, keys, treeHead, resign, attacker: openFile, decisionId: (signed.body as { id: string }).id };
}

const failedLabels = (verdict: RecordVerification) => verdict.checks.filter((check) => !check.ok).map((check) => check.label);
const detailOf = (verdict: RecordVerification, label: string) => verdict.checks.find((check) => check.label === label)?.detail ?? '';

/** Byte offsets of every occurrence of an ASCII value in the record's bytes. */
function byteRange(text: string, value: string): number[] {
  const at = text.indexOf(value);
  if (at === -1) throw new Error(`${value} is not in the record`);
  const start = new TextEncoder().encode(text.slice(0, at)).length;
  return Array.from({ length: value.length }, (_, index) => start + index);
}

describe('an exported approval record', () => {
  it('verifies after a signed decision, pinned to the published keys', async () => {
    const { exportText, keys, decisionId } = await server();
    const verdict = await verifyRecordText(await exportText(), { trustedKeys: keys });
    expect(failedLabels(verdict)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.record?.decisions.map((d) => d.id)).toContain(decisionId);
  });

  it('fails with any single bit flipped, at every byte of the signature and of several hashes and at a large random sample of positions', async () => {
    const { exportText, keys } = await server();
    const text = await exportText();
    const record = JSON.parse(text) as ApprovalRecord;
    const bytes = new TextEncoder().encode(text);
    const random = seededRandom(0x5eed_0007);

    const positions = new Set<number>();
    const entry = record.audit.entries.at(-1);
    const decision = record.decisions.at(-1);
    const version = record.versions[0];
    if (!entry || !decision?.signature || !version) throw new Error('the record has an entry, a signed decision and a version');
    for (const value of [record.signature.value, version.contentHash, record.audit.treeHead.rootHash, record.audit.treeHead.signature, entry.entryHash, decision.signature.countersignature.value]) {
      for (const position of byteRange(text, value)) positions.add(position);
    }
    const targeted = positions.size;
    while (positions.size < targeted + 2_500) positions.add(Math.floor(random() * bytes.length));

    const survivors: string[] = [];
    for (const position of positions) {
      const bit = Math.floor(random() * 8);
      const flipped = bytes.slice();
      flipped[position] = (flipped[position] ?? 0) ^ (1 << bit);
      const verdict = await verifyRecordText(flipped, { trustedKeys: keys });
      if (verdict.valid) survivors.push(`byte ${position} bit ${bit}: ${JSON.stringify(text.slice(Math.max(0, position - 20), position + 20))}`);
    }
    expect(survivors).toEqual([]);
    expect(targeted).toBeGreaterThanOrEqual(86 + 64 * 3 + 86 * 2);
    expect(positions.size).toBe(targeted + 2_500);
  });

  it('names the content hash and the decision signatures when a signed version is changed in the database', async () => {
    const { clinical, exportText, attacker, decisionId } = await server();
    const db = attacker();
    db.exec('DROP TRIGGER package_versions_no_update');
    const row = db.prepare('SELECT canonical_content FROM package_versions WHERE package_id = ? AND number = 1').get(clinical) as { canonical_content: string };
    const content = JSON.parse(row.canonical_content) as PackageContent;
    const narrative = content.sections.find((section) => section.kind === 'narrative');
    if (narrative?.kind !== 'narrative') throw new Error('the clinical package has a narrative section');
    narrative.markdown = narrative.markdown.replace(/\d+/, (digits) => String(Number(digits) + 1));
    db.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = 1').run(canonicalize(content), clinical);

    const verdict = await verifyRecordText(await exportText());
    expect(verdict.valid).toBe(false);
    const failed = failedLabels(verdict);
    // Both decisions on version 1 (data governance's and Elena's) were signed over the old content.
    expect(failed).toHaveLength(3);
    expect(failed[0]).toBe('Content hash of version 1');
    expect(detailOf(verdict, 'Content hash of version 1')).toMatch(/^\/versions\/0\/content was changed: it hashes to [0-9a-f]{12}…, \/versions\/0\/contentHash says [0-9a-f]{12}…\.$/);
    expect(failed.slice(1).every((label) => label.startsWith('Decision '))).toBe(true);
    expect(failed.some((label) => label.startsWith(`Decision ${decisionId}:`))).toBe(true);
    for (const label of failed.slice(1)) expect(detailOf(verdict, label)).toContain('Content changed after signing');
  });

  it('refuses to export while an audit entry was changed in the database, and names it', async () => {
    const { clinical, exportResponse, attacker } = await server();
    const db = attacker();
    db.exec('DROP TRIGGER audit_log_no_update');
    const row = db.prepare("SELECT seq, after FROM audit_log WHERE action = 'decision.signed' AND subject = ? ORDER BY seq DESC LIMIT 1").get(clinical) as { seq: number; after: string };
    db.prepare('UPDATE audit_log SET after = ? WHERE seq = ?').run(JSON.stringify({ ...(JSON.parse(row.after) as object), kind: 'reject' }), row.seq);

    // The server signs nothing over a log that fails its own check.
    const response = await exportResponse();
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { type: string; detail: string };
    expect(problem.type).toBe('https://model-approval.example/problems/audit-log-broken');
    expect(problem.detail).toMatch(new RegExp(`^Entry #${row.seq} does not match its recorded hash`));
  });

  it('names an audit entry changed in a record a dishonest server re-signed', async () => {
    const { exportText, resign, decisionId } = await server();
    const record = JSON.parse(await exportText()) as ApprovalRecord;
    const index = record.audit.entries.findLastIndex((entry) => entry.action === 'decision.signed');
    const entry = record.audit.entries[index];
    if (!entry) throw new Error('the record has a decision.signed entry');
    entry.after = { ...(entry.after as object), kind: 'reject' };

    const verdict = await verifyRecordText(await resign(record));
    // The proof still proves the recorded hash; it is the content that no longer matches it,
    // and the entry no longer says what the decision it names says.
    expect(failedLabels(verdict)).toEqual([`Audit entry #${entry.seq}`, `Audit trail of decision ${decisionId}`]);
    expect(detailOf(verdict, `Audit entry #${entry.seq}`)).toMatch(/was changed: its content hashes to/);
    expect(verdict.record?.decisions.map((d) => d.id)).toContain(decisionId);
  });

  it('names the entries when a dishonest server re-signs a record whose inclusion proofs it swapped', async () => {
    const { exportText, resign } = await server();
    const record = JSON.parse(await exportText()) as ApprovalRecord;
    const [first, second] = record.audit.entries;
    const [p0, p1] = record.audit.proofs;
    if (!first || !second || !p0 || !p1) throw new Error('the record has two entries');
    record.audit.proofs[0] = p1;
    record.audit.proofs[1] = p0;

    const verdict = await verifyRecordText(await resign(record));
    // The C2SP tlog-proofs (docs/decisions/0081) no longer carry the swapped paths either.
    expect(failedLabels(verdict)).toEqual([`Inclusion proof of audit entry #${first.seq}`, `Inclusion proof of audit entry #${second.seq}`, 'Inclusion proofs (C2SP tlog-proof)']);
    expect(detailOf(verdict, `Inclusion proof of audit entry #${first.seq}`)).toBe(`/audit/proofs/0 is the proof of entry #${second.seq}, not of entry #${first.seq} (/audit/entries/0).`);

    // Relabelled to fit, a proof of another entry still does not lead to the signed root.
    const relabelled = JSON.parse(await exportText()) as ApprovalRecord;
    const [q0, q1] = relabelled.audit.proofs;
    if (!q0 || !q1) throw new Error('the record has two proofs');
    [q0.path, q1.path] = [q1.path, q0.path];
    const again = await verifyRecordText(await resign(relabelled));
    expect(failedLabels(again)).toEqual([`Inclusion proof of audit entry #${first.seq}`, `Inclusion proof of audit entry #${second.seq}`, 'Inclusion proofs (C2SP tlog-proof)']);
    expect(detailOf(again, `Inclusion proof of audit entry #${first.seq}`)).toContain('does not lead from entry');
  });

  it('names the thread when an operator rewrites a message text in the database, or leaves a message out of a re-signed record', async () => {
    const { clinical, elena, exportText, keys, attacker, resign } = await server();
    const sectionKey = clinicalRelease('2.1.0').sections[0]?.key ?? '';
    const opened = await elena.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey, kind: 'comment', body: 'The calibration plot stops at 0.6.' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const threadId = (opened.body as { id: string }).id;
    const reply = await elena.post(`/api/packages/${clinical}/threads/${threadId}/messages`, { body: 'Accepted: the tail is in the appendix.' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const honest = await verifyRecordText(await exportText(), { trustedKeys: keys });
    expect(failedLabels(honest)).toEqual([]);
    expect(detailOf(honest, `Audit trail of thread ${threadId}`)).toBe('2 messages, each text as its audit entries say.');

    // The attack: with the database, the operator drops the trigger and rewrites the reply.
    // The server exports and signs the rewritten text honestly; the log still holds the original.
    const db = attacker();
    db.exec('DROP TRIGGER thread_messages_no_update');
    db.prepare('UPDATE thread_messages SET body = ? WHERE thread_id = ? AND position = 1').run('Not accepted: the tail is missing.', threadId);
    const rewritten = await verifyRecordText(await exportText(), { trustedKeys: keys });
    expect(failedLabels(rewritten)).toEqual([`Audit trail of thread ${threadId}`]);
    expect(detailOf(rewritten, `Audit trail of thread ${threadId}`)).toMatch(/^\/threads\/0: message msg_\S+ reads "Not accepted: the tail is missing\.", its audit entries say "Accepted: the tail is in the appendix\."\.$/);

    // A re-signed record that drops the reply (or the whole thread) leaves audit entries naming it.
    const dropped = JSON.parse(await exportText()) as ApprovalRecord;
    dropped.threads = dropped.threads.map((thread) => ({ ...thread, messages: thread.messages.slice(0, 1) }));
    expect(detailOf(await verifyRecordText(await resign(dropped)), `Audit trail of thread ${threadId}`)).toMatch(/audit entry #\d+ adds message msg_\S+, which the record leaves out/);
    const noThread = JSON.parse(await exportText()) as ApprovalRecord;
    noThread.threads = [];
    expect(detailOf(await verifyRecordText(await resign(noThread)), `Audit trail of thread ${threadId}`)).toMatch(/^Audit entry #\d+ opens thread \S+, which \/threads leaves out\.$/);
  });

  it('names the answers when an operator rewrites a resubmission’s answer in the database', async () => {
    const { app, target, openFile } = await seededSqliteApp(defer);
    const committee = new Client(target);
    expect((await committee.login('committee@example.com')).status).toBe(200);
    // The demo's retail credit package: version 2 answers a concern of the rejection of version 1.
    const exportRetail = async () => {
      const response = await app.fetch(new Request(`${origin}/api/packages/pkg_retail_credit_pd/record`, { headers: { cookie: `${sessionCookieName}=${committee.cookie ?? ''}` } }));
      expect(response.status).toBe(200);
      return verifyRecordText(await response.text());
    };
    const honest = await exportRetail();
    expect(detailOf(honest, 'Answers of version 2')).toMatch(/^1 answer, hashing to [0-9a-f]{12}… as audit entry #\d+ says\.$/);
    expect(honest.checks.find((check) => check.label === 'Answers of version 2')?.ok).toBe(true);

    const db = openFile();
    db.exec('DROP TRIGGER version_answers_no_update');
    db.prepare("UPDATE version_answers SET answer = 'Nothing changed; the concern does not apply.' WHERE package_id = 'pkg_retail_credit_pd'").run();
    const rewritten = await exportRetail();
    expect(rewritten.checks.find((check) => check.label === 'Answers of version 2')?.ok).toBe(false);
    expect(detailOf(rewritten, 'Answers of version 2')).toMatch(/^\/versions\/1\/answers hash to [0-9a-f]{12}…; audit entry #\d+ says [0-9a-f]{12}…: the answers were changed after they were submitted\.$/);
  });

  it('carries the template it was decided under, held to its steps and to the hash its submission logged; a template rewritten in the database or in a re-signed record fails', async () => {
    const { exportText, keys, attacker, resign } = await server();
    const honest = await verifyRecordText(await exportText(), { trustedKeys: keys });
    expect(failedLabels(honest)).toEqual([]);
    const record = honest.record;
    if (!record?.templateDefinition) throw new Error('the record carries its template');
    expect(record.templateDefinition.steps.map((step) => step.key)).toEqual(record.steps.map((step) => step.key));
    expect(detailOf(honest, 'Workflow template')).toMatch(/each as \/steps lists it and every decision in its step's role, the definition audit entry #\d+ fixed at submission \(hash [0-9a-f]{12}…\)\.$/);

    // The attack: with the database, the operator halves the approvals a step needs.
    const { key, version } = record.templateDefinition;
    const db = attacker();
    db.exec('DROP TRIGGER workflow_templates_no_update');
    const row = db.prepare('SELECT definition FROM workflow_templates WHERE key = ? AND version = ?').get(key, version) as { definition: string };
    const definition = JSON.parse(row.definition) as { steps: { approvalsRequired: number; name: string }[] };
    const first = definition.steps[0];
    if (!first) throw new Error('the template has a step');
    first.name = `${first.name} (light)`;
    db.prepare('UPDATE workflow_templates SET definition = ? WHERE key = ? AND version = ?').run(JSON.stringify(definition), key, version);
    const rewritten = await verifyRecordText(await exportText(), { trustedKeys: keys });
    expect(failedLabels(rewritten)).toEqual(['Workflow template']);
    expect(detailOf(rewritten, 'Workflow template')).toMatch(/^\/templateDefinition hashes to [0-9a-f]{12}…; audit entry #\d+ \(package\.submitted\) fixed [0-9a-f]{12}…: the package was submitted to another definition\.$/);

    // A re-signed record whose steps are not the template's, or whose template is another.
    const steps = JSON.parse(await exportText()) as ApprovalRecord;
    const step = steps.steps[0];
    if (!step) throw new Error('the record lists a step');
    step.approvalsRequired += 1;
    expect(detailOf(await verifyRecordText(await resign(steps)), 'Workflow template')).toContain('/steps/0/approvalsRequired is 2, the template says 1.');
  });

  it('fails with a tree head of another log, even re-signed and with that log’s key listed', async () => {
    const ours = await server();
    const theirs = await server();
    const foreignHead = await theirs.treeHead();
    const entries = (JSON.parse(await ours.exportText()) as ApprovalRecord).audit.entries.length;

    const swapped = JSON.parse(await ours.exportText()) as ApprovalRecord;
    swapped.audit.treeHead = foreignHead;
    const verdict = await verifyRecordText(await ours.resign(swapped));
    const failed = failedLabels(verdict);
    expect(failed[0]).toBe('Tree head signature');
    expect(failed.filter((label) => label.startsWith('Inclusion proof of audit entry #'))).toHaveLength(entries);

    // The other log's key added, so the head's signature verifies: the proofs still do not,
    // and the signed key history (docs/decisions/0080) does not hold the added key.
    const listed = JSON.parse(await ours.exportText()) as ApprovalRecord;
    listed.audit.treeHead = foreignHead;
    listed.serverKeys.push(...theirs.keys);
    const still = await verifyRecordText(await ours.resign(listed));
    expect(failedLabels(still)).not.toContain('Tree head signature');
    // Nor does the record's C2SP checkpoint (docs/decisions/0081), which states our log's root.
    const [history, ...rest] = failedLabels(still);
    expect(history).toBe('Server key history');
    expect(rest.filter((label) => !label.startsWith('Inclusion proof of audit entry #'))).toEqual(['Checkpoint (C2SP signed note)']);
    expect(rest.filter((label) => label.startsWith('Inclusion proof of audit entry #'))).toHaveLength(entries);
  });
});
