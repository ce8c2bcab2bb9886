import { expect } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { Client, origin, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { expectRecordValidBesidesDemonstration } from './verdicts.ts';

// The approval record export, run against the mocks, SQLite and PostgreSQL: every record a
// target serves must verify with the offline verifier's own code, pinned to the keys the
// target publishes.

const clinical = 'pkg_clinical_deterioration_risk';
const cardFraud = 'pkg_card_fraud_detection';

/** The record as the bytes the client receives, not re-serialized: that is what gets verified. */
async function exportRecord(target: Target, client: Client, packageId: string): Promise<{ response: Response; text: string }> {
  const headers = client.cookie ? { cookie: `${sessionCookieName}=${client.cookie}` } : undefined;
  const response = await target.fetch(new Request(`${origin}/api/packages/${packageId}/record`, { headers }));
  return { response, text: await response.text() };
}

async function publishedKeys(client: Client): Promise<ServerKey[]> {
  const reply = await client.get('/api/keys');
  expectStatus(reply, 200);
  return (reply.body as { keys: ServerKey[] }).keys;
}

async function verifiedRecord(target: Target, client: Client, packageId: string): Promise<ApprovalRecord> {
  const { response, text } = await exportRecord(target, client, packageId);
  expect(response.status, text.slice(0, 500)).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  const verdict = await verifyRecordText(text, { trustedKeys: await publishedKeys(client) });
  expectRecordValidBesidesDemonstration(verdict);
  const record = approvalRecordSchema.parse(JSON.parse(text));
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="approval-record-${record.package.modelKey}-${record.package.versionLabel}-v${record.versions.length}.json"`);
  return record;
}

export const recordScenarios: Scenario[] = [
  {
    name: 'record: the owner, a reviewer and the committee each get a package record that verifies offline against the published keys',
    async run(target) {
      for (const [email, userId] of [
        ['owner@example.com', 'usr_owner'],
        ['data-governance@example.com', 'usr_data_governance'],
        ['committee@example.com', 'usr_committee'],
      ] as const) {
        const client = await signedIn(target, email);
        const record = await verifiedRecord(target, client, 'pkg_retail_credit_pd');
        expect(record.exportedBy.id).toBe(userId);
        expect(record.package).toMatchObject({ id: 'pkg_retail_credit_pd', modelKey: 'retail-credit-pd', status: 'in_review', approvedVersion: null });
        expect(record.versions.map((v) => v.number)).toEqual([1, 2]);
        expect(record.versions[0]?.changesFromPrevious).toBeNull();
        expect(record.versions[1]?.changesFromPrevious?.sections.map((s) => s.key)).toContain('subgroup_fairness');
        expect(record.versions[1]?.answers).toHaveLength(1);
        expect(record.decisions).toHaveLength(5);
        // Every entry about the package, each proved against a head that covers it.
        expect(record.audit.entries.length).toBeGreaterThanOrEqual(2 + record.decisions.length);
        expect(record.audit.entries.every((entry) => entry.subject === 'pkg_retail_credit_pd')).toBe(true);
        expect(record.audit.proofs.map((proof) => proof.seq)).toEqual(record.audit.entries.map((entry) => entry.seq));
      }
    },
  },
  {
    name: 'record: a package nobody can see is 404, and signed out is 401',
    async run(target) {
      const client = await signedIn(target, 'committee@example.com');
      const unknown = await exportRecord(target, client, 'pkg_does_not_exist');
      expect(unknown.response.status).toBe(404);
      expect(unknown.response.headers.get('content-type')).toContain('application/problem+json');
      const anonymous = await exportRecord(target, new Client(target), clinical);
      expect(anonymous.response.status).toBe(401);
      expect(anonymous.response.headers.get('content-type')).toContain('application/problem+json');
    },
  },
  {
    name: 'record: the demo’s approved package names its approved version and its conditions, and its seeded decisions as demonstration data',
    async run(target) {
      const client = await signedIn(target, 'committee@example.com');
      const record = await verifiedRecord(target, client, cardFraud);
      expect(record.package).toMatchObject({ status: 'approved_with_conditions', approvedVersion: 1 });
      expect(record.decisions.map((d) => d.decision)).toEqual(['approve', 'approve_with_conditions', 'approve']);
      expect(record.decisions[1]?.conditions?.scope).toBe('Card-not-present transactions only');
      expect(record.decisions.every((d) => d.signature?.countersignature.algorithm === 'Ed25519')).toBe(true);
      expect(record.decisions.map((d) => d.signature?.signature.method)).toEqual(['demo', 'demo', 'demo']);
      expect(record.steps.every((step) => step.status === 'approved')).toBe(true);
    },
  },
  {
    name: 'record: a decision signed a moment ago is in the next record, with its audit entry proved',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', reason: 'Meets policy.', signer: accounts.elena });
      const signed = await sign(elena, payload);
      expectStatus(signed, 201);
      const decisionId = (signed.body as { id: string }).id;

      const record = await verifiedRecord(target, elena, clinical);
      expect(record.decisions.map((d) => d.id)).toContain(decisionId);
      const entry = record.audit.entries.find((e) => e.action === 'decision.signed' && (e.after as { decision?: string }).decision === decisionId);
      expect(entry?.actorId).toBe(accounts.elena.id);
      expect(record.audit.treeHead.treeSize).toBeGreaterThanOrEqual(entry?.seq ?? Infinity);
    },
  },
];
