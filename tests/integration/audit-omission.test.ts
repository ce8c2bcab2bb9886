import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { parseWitnessPolicy } from '#domain/audit/witness-policy.ts';
import { auditCheckpointSchema, consistencyProofSchema } from '#domain/contracts/audit.ts';
import type { SendRequest } from '#scripts/lib/api-actor.ts';
import { Client, origin, type Target } from '../contract/support/client.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { resigned } from '../support/resigned-record.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';
import { verifyRecordLog } from '../independent/tlog-verifier.ts';
import { verifyRecordAgainstLog } from '../independent/log-monitor.ts';

// Issue 23 (docs/decisions/0180): a server holding the log key re-signs a record that leaves out
// some of its package's audit entries. Every entry it still carries is proven in the signed tree,
// so before 0180 both verifiers said VALID. (a) A set left out in the middle now fails on the
// record alone, in both verifiers (subject links); (b) the last entries left out fail against the
// log export (GET /api/audit/chain), in both. The honest record stays VALID, with and without it.

const defer = cleanUpAfterEach();

async function download(target: Target, reader: Client, path: string): Promise<string> {
  const response = await target.fetch(new Request(`${origin}${path}`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return text;
}

/** An approved card fraud package, then model risk's new assessment after the approval: the record's last entries. */
async function approvedThenReassessed() {
  const { app, target, store } = await seededSqliteApp(defer);
  const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
  const { id } = await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-omission' });
  const modelRisk = new Client(target);
  expect((await modelRisk.login('risk-tiering@example.com')).status).toBe(200);
  const reassessed = await modelRisk.post(`/api/packages/${id}/risk-assessments`, { answers: demoRiskAnswers('card-fraud-detection') });
  expect(reassessed.status).toBe(201);
  const committee = new Client(target);
  expect((await committee.login('committee@example.com')).status).toBe(200);
  const text = await download(target, committee, `/api/packages/${id}/record`);
  const record = approvalRecordSchema.parse(JSON.parse(text));
  // The auditor's export of the log up to the record's tree size.
  const log = await download(target, committee, `/api/audit/chain?limit=${record.audit.treeHead.treeSize}`);
  const keys = ((await committee.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  const verifierKey = ((await new Client(target).get('/api/audit/checkpoint')).body as { verifierKey: string }).verifierKey;
  return { store, record, text, log, keys, verifierKey };
}

/** Drops the entries at these places of /audit/entries, with their proofs. */
function dropEntries(record: ApprovalRecord, drop: (entry: ApprovalRecord['audit']['entries'][number], index: number) => boolean): void {
  const keep = record.audit.entries.map((entry, index) => !drop(entry, index));
  record.audit.entries = record.audit.entries.filter((_, i) => keep[i]);
  record.audit.proofs = record.audit.proofs.filter((_, i) => keep[i]);
  if (record.audit.tlogProofs) record.audit.tlogProofs = record.audit.tlogProofs.filter((_, i) => keep[i]);
}

async function verdicts(text: string, keys: ServerKey[], verifierKey: string, log?: string) {
  const own = await verifyRecordText(text, { trustedKeys: keys, ...(log === undefined ? {} : { auditLog: log }) });
  const independent = verifyRecordLog(text, verifierKey);
  const monitored = log === undefined ? null : verifyRecordAgainstLog(text, log, verifierKey);
  return { valid: own.valid, failed: own.checks.filter((c) => !c.ok).map((c) => `${c.label}: ${c.detail}`), independent: independent.problems, monitored: monitored?.problems ?? null };
}

describe('a record cannot leave out its package’s audit entries unnoticed', () => {
  it('every entry about the package carries its subject link; the honest record is VALID alone and against the log, in both verifiers', async () => {
    const { record, text, log, keys, verifierKey } = await approvedThenReassessed();
    const entries = record.audit.entries;
    expect(entries.length).toBeGreaterThan(5);
    expect(entries[0]?.subjectPrev).toBe('0'.repeat(64));
    entries.slice(1).forEach((entry, i) => expect(entry.subjectPrev, `#${entry.seq}`).toBe(entries[i]?.entryHash));
    const honest = await verdicts(text, keys, verifierKey, log);
    expect(honest).toEqual({ valid: true, failed: [], independent: [], monitored: [] });
  }, 120_000);

  it('(a) a re-signed record without a self-consistent set in the middle (the first risk assessment and what it logged) fails on the record alone in both verifiers', async () => {
    const { store, record, keys, verifierKey } = await approvedThenReassessed();
    const first = record.audit.entries.findIndex((entry) => entry.action === 'risk.assessed');
    const decision = record.audit.entries.findIndex((entry) => entry.action === 'decision.signed');
    expect(first).toBeGreaterThan(0);
    expect(decision).toBeGreaterThan(first);
    // Everything the assessment wrote before the first signature: a set that agrees with itself.
    const dropped = await resigned(store, record, (r) => dropEntries(r, (_, index) => index >= first && index < decision));
    const v = await verdicts(dropped, keys, verifierKey);
    expect(v.valid).toBe(false);
    // Only the links object: every carried entry is still proven in the signed tree.
    expect(v.failed).toEqual([expect.stringMatching(/^Audit entries about the package \(subject links\): \/audit\/entries\/\d+ \(#\d+\) links to [0-9a-f]{12}… as the previous entry about \S+, not to #\d+ .*entries about the package between them were left out\.$/)]);
    expect(v.independent).toEqual([expect.stringMatching(/^entry #\d+: its subject link is not entry #\d+, the entry before it in the record: entries about the subject were left out$/)]);
  }, 120_000);

  it('(b) a re-signed record without its last entries (the assessment after approval) is VALID alone, and fails against the log in both verifiers', async () => {
    const { store, record, keys, verifierKey, log } = await approvedThenReassessed();
    const lastDecision = record.audit.entries.findLastIndex((entry) => entry.action === 'decision.signed');
    const trailing = record.audit.entries.slice(lastDecision + 1);
    expect(trailing.map((entry) => entry.action)).toContain('risk.assessed');
    const dropped = await resigned(store, record, (r) => dropEntries(r, (_, index) => index > lastDecision));
    // What a record alone can prove: every entry it carries, and the links between them, not the ones after its last.
    const alone = await verdicts(dropped, keys, verifierKey);
    expect(alone).toEqual({ valid: true, failed: [], independent: [], monitored: null });
    const held = await verdicts(dropped, keys, verifierKey, log);
    expect(held.valid).toBe(false);
    const missing = trailing.map((entry) => `#${entry.seq} (${entry.action})`).join(', ');
    expect(held.failed).toEqual([`Audit entries about the package (complete against the log): the log holds ${missing} about package ${record.package.id}, which the record does not carry.`]);
    expect(held.monitored).toEqual(trailing.map((entry) => `log #${entry.seq} (${entry.action}) is about ${record.package.id}, the record does not carry it`));
  }, 120_000);

  it('a log export that is not the signed log (an entry rewritten) fails in both verifiers', async () => {
    const { text, keys, verifierKey, log } = await approvedThenReassessed();
    const lines = log.split('\n');
    lines[0] = (lines[0] ?? '').replace(/"at":"(\d{4})/, (_, year: string) => `"at":"${Number(year) - 1}`);
    const v = await verdicts(text, keys, verifierKey, lines.join('\n'));
    expect(v.failed).toEqual([expect.stringMatching(/^Audit log export \(root of the signed tree head\): The first \d+ entries of the export hash to the root [0-9a-f]{12}…, not to the signed tree head's/)]);
    expect(v.monitored).toEqual(expect.arrayContaining(['log #1: its content does not hash to its entryHash', expect.stringMatching(/^log: the root of its first \d+ entries is not the checkpoint's root$/)]));
  }, 120_000);

  it('a record cut at an earlier tree size is held to the later checkpoint the auditor holds: the package’s entries since then fail it in both verifiers', async () => {
    const { app, target } = await seededSqliteApp(defer);
    const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
    const { id } = await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-cut' });
    const committee = new Client(target);
    expect((await committee.login('committee@example.com')).status).toBe(200);
    // The record as exported at approval: honest then, and the server may keep handing it out.
    const text = await download(target, committee, `/api/packages/${id}/record`);
    const record = approvalRecordSchema.parse(JSON.parse(text));
    // Afterwards, an entry about the package the old record cannot show: model risk reassesses it.
    const modelRisk = new Client(target);
    expect((await modelRisk.login('risk-tiering@example.com')).status).toBe(200);
    expect((await modelRisk.post(`/api/packages/${id}/risk-assessments`, { answers: demoRiskAnswers('card-fraud-detection') })).status).toBe(201);
    // The auditor holds the latest checkpoint (here vouched for by the log key alone: quorum none)
    // with its consistency proof from the record's tree, and the log up to it.
    const served = auditCheckpointSchema.parse(JSON.parse(await download(target, committee, '/api/audit/checkpoint')));
    const from = record.audit.treeHead.treeSize;
    const to = Number(served.checkpoint.split('\n')[1]);
    expect(to).toBeGreaterThan(from);
    const consistency = consistencyProofSchema.parse(JSON.parse(await download(target, committee, `/api/audit/proofs/consistency?from=${from}&to=${to}`)));
    const log = await download(target, committee, `/api/audit/chain?limit=${to}`);
    const policy = await parseWitnessPolicy(`log ${served.verifierKey}\nquorum none\n`);
    if (!policy.ok) throw new Error(policy.message);
    const keys = ((await committee.get('/api/keys')).body as { keys: ServerKey[] }).keys;
    const witnessPolicy = { policy: policy.policy, held: { checkpoint: served.checkpoint, consistency } };
    const own = await verifyRecordText(text, { trustedKeys: keys, witnessPolicy, auditLog: log });
    expect(own.valid).toBe(false);
    expect(own.checks.filter((c) => !c.ok).map((c) => c.label)).toEqual(['Audit entries about the package (complete against the log)']);
    expect(own.checks.find((c) => !c.ok)?.detail).toMatch(new RegExp(`after the record's tree size ${from} the log holds #\\d+ \\(risk\\.assessed\\)`));
    const monitored = verifyRecordAgainstLog(text, log, served.verifierKey, served.checkpoint);
    expect(monitored.problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^log #\\d+ \\(risk\\.assessed\\) is about ${id}, after the record's tree size ${from}$`))]));
    // Without the later checkpoint the same log is read only up to the record's size: VALID then, as it was.
    expect((await verifyRecordText(text, { trustedKeys: keys, auditLog: log })).valid).toBe(true);
    expect(verifyRecordAgainstLog(text, log, served.verifierKey).problems).toEqual([]);
  }, 120_000);

  it('an entry about the package appended while its record is built (after its entries were read, before the head) is in the record: it is read again', async () => {
    const { app, target, store } = await seededSqliteApp(defer);
    const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
    const { id } = await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-mid-build' });
    // Once, right after the export reads the package's entries: another request's entry about it.
    const read = store.listAuditEntries.bind(store);
    let appended = 0;
    store.listAuditEntries = async (filter, afterSeq, limit) => {
      const page = await read(filter, afterSeq, limit);
      if (filter.subject === id && appended === 0) {
        appended = (await store.appendAudit({ event: { action: 'section.reviewed', subject: id, before: null, after: { version: 1, section: 'evaluation' } }, actorId: null, at: new Date().toISOString() })).seq;
      }
      return page;
    };
    const committee = new Client(target);
    expect((await committee.login('committee@example.com')).status).toBe(200);
    const record = approvalRecordSchema.parse(JSON.parse(await download(target, committee, `/api/packages/${id}/record`)));
    expect(appended).toBeGreaterThan(0);
    expect(record.audit.treeHead.treeSize).toBeGreaterThanOrEqual(appended);
    expect(record.audit.entries.at(-1)?.seq).toBe(appended);
    const log = await download(target, committee, `/api/audit/chain?limit=${record.audit.treeHead.treeSize}`);
    const keys = ((await committee.get('/api/keys')).body as { keys: ServerKey[] }).keys;
    const verdict = await verifyRecordText(JSON.stringify(record), { trustedKeys: keys, auditLog: log });
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
  }, 120_000);
});
