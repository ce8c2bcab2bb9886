import { expect } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import { dashboardSchema } from '#domain/contracts/dashboard.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { registeredWebhookSchema, webhookDeliveryListSchema } from '#domain/webhooks/contract.ts';
import { demoPackages } from '#demo/index.ts';
import { emergencyStepKey } from '#domain/workflow/emergency.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn, type Draft } from './signing-scenarios.ts';

// The emergency approval path, run against the mocks, SQLite and PostgreSQL. The clinical
// demo package (tier 1, whose template lets the committee use the path) waits on model risk:
// the committee approves it in an emergency, and the chain then completes as its follow-up.

const clinical = 'pkg_clinical_deterioration_risk';
const robert = { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair, AI Governance Committee' };
const details = { justification: 'Deterioration alerts of the current model fail on the new EHR feed; patients go unflagged.', incidentRef: 'INC-4821' };

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
const detail = (reply: Reply) => (reply.body as { detail?: string }).detail ?? '';

/** The emergency payload the sign dialog builds: no step, no reason, the details signed with the rest. */
async function emergencyPayload(client: Client, signer: SigningPayload['signer'], change: Partial<SigningPayload> = {}, packageId = clinical): Promise<SigningPayload> {
  const base = await payloadFor(client, { packageId, versionNumber: 1, stepKey: emergencyStepKey, role: 'committee', decision: 'emergency_approve', signer });
  return { ...base, emergency: details, ...change };
}

async function detailOf(client: Client, id = clinical): Promise<PackageDetail> {
  const reply = await client.get(`/api/packages/${id}`);
  expectStatus(reply, 200);
  return reply.body as PackageDetail;
}

async function approveStep(target: Target, email: string, draft: Omit<Draft, 'packageId' | 'versionNumber' | 'decision'>) {
  const client = await signedIn(target, email);
  expectStatus(await sign(client, await payloadFor(client, { packageId: clinical, versionNumber: 1, decision: 'approve', ...draft })), 201);
}

async function expectNothingStored(client: Client, before: PackageDetail) {
  const after = await detailOf(client);
  expect(after.decisions.map((d) => d.id)).toEqual(before.decisions.map((d) => d.id));
  expect(after.status).toBe(before.status);
}

export const emergencyScenarios: Scenario[] = [
  {
    name: 'emergency: a committee member emergency approves; the package is emergency approved, the chain stays open as the follow-up, a second one is refused, and completing the chain completes it',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const hook = registeredWebhookSchema.parse((await admin.post('/api/webhooks', { url: 'http://localhost:9/hook', description: '', events: ['package.emergency_approved', 'package.approved'] })).body).endpoint;
      const committee = await signedIn(target, 'committee@example.com');
      const before = await detailOf(committee);
      expect(before).toMatchObject({ status: 'in_review', emergencyRoles: ['committee'], currentStep: { key: 'model_risk' } });

      const signed = await sign(committee, await emergencyPayload(committee, robert));
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ decision: 'emergency_approve', stepKey: emergencyStepKey, role: 'committee', actor: robert, reason: '', emergency: details, signature: { payload: { emergency: details } } });
      const decisionId = (signed.body as { id: string }).id;

      const during = await detailOf(committee);
      expect(during.status).toBe('emergency_approved');
      // It approves no step: the chain is exactly where it was, model risk still to act.
      expect(during.steps).toEqual(before.steps);
      expect(during.currentStep?.key).toBe('model_risk');
      const verification = (await committee.get(`/api/packages/${clinical}/verification`)).body as { decisions: { decisionId: string; valid: boolean; reasons: string[] }[] };
      expect(verification.decisions.find((v) => v.decisionId === decisionId)).toEqual({ decisionId, valid: true, demonstration: false, reasons: [] });
      const audit = (await admin.get('/api/audit?action=decision.signed')).body as { items: { after: { decision: string; kind: string; step: string; emergency?: unknown } }[] };
      expect(audit.items.find((e) => e.after.decision === decisionId)?.after).toMatchObject({ kind: 'emergency_approve', step: emergencyStepKey, role: 'committee', emergency: { incidentRef: 'INC-4821' } });
      const listed = dashboardSchema.parse((await committee.get('/api/dashboard')).body).emergencyFollowUps;
      expect(listed).toEqual([expect.objectContaining({ packageId: clinical, decisionId, incidentRef: 'INC-4821', approvedBy: robert, waitingOn: 'Model risk management' })]);
      const deliveries = async () => webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${hook.id}/deliveries`)).body);
      expect((await deliveries()).items.map((d) => d.eventType)).toEqual(['package.emergency_approved']);

      // At most one per version: a second emergency approval is a conflict, and nothing is stored.
      const again = await sign(committee, await emergencyPayload(committee, robert));
      expectStatus(again, 409);
      expect(detail(again)).toMatch(/^Version 1 already has an emergency approval \(by Robert Castellano on \d{4}-\d{2}-\d{2}\): at most one stands per version\.$/);
      await expectNothingStored(committee, during);

      // The follow-up: the chain completes as usual, each step by its own role.
      await approveStep(target, 'model-risk@example.com', { stepKey: 'model_risk', role: 'model_risk', signer: accounts.elena });
      expect((await detailOf(committee)).status).toBe('emergency_approved');
      await approveStep(target, 'privacy@example.com', { stepKey: 'privacy', role: 'privacy', signer: accounts.samuel });
      // Segregation of duties: the emergency approval was Robert's step of this package, so
      // another committee member decides the committee step of the follow-up.
      const decidedTwice = await sign(committee, await payloadFor(committee, { packageId: clinical, versionNumber: 1, decision: 'approve', stepKey: 'committee', role: 'committee', signer: robert }));
      expectStatus(decidedTwice, 403);
      expect(detail(decidedTwice)).toMatch(/^Robert Castellano already decided the emergency approval of this package/);
      const { passwordHash } = (await target.store.findUserByEmail('committee@example.com')) ?? { passwordHash: '' };
      const amara = { id: 'usr_committee_2', displayName: 'Amara Osei', title: 'Member, AI Governance Committee' };
      await target.store.insertUser({ ...amara, email: 'committee-2@example.com', roles: ['committee'], passwordHash });
      await approveStep(target, 'committee-2@example.com', { stepKey: 'committee', role: 'committee', signer: amara });
      const done = await detailOf(committee);
      expect(done.status).toBe('approved');
      expect(dashboardSchema.parse((await committee.get('/api/dashboard')).body).emergencyFollowUps).toEqual([]);
      expect((await deliveries()).items.map((d) => d.eventType).sort()).toEqual(['package.approved', 'package.emergency_approved']);

      const record = approvalRecordSchema.parse((await committee.get(`/api/packages/${clinical}/record`)).body);
      const lastApproval = done.decisions.at(-1)?.decidedAt ?? '';
      expect(record.emergencyApprovals).toEqual([{ decisionId, incidentRef: 'INC-4821', justification: details.justification, followUp: { state: 'completed', at: lastApproval } }]);
      expect(record.decisions.find((d) => d.id === decisionId)?.emergency).toEqual(details);

      // Nothing is left to approve in an emergency.
      const late = await sign(committee, await emergencyPayload(committee, robert));
      expectStatus(late, 409);
    },
  },
  {
    name: 'emergency: another role (403), the owner (403), a missing justification or incident (422 with pointers) are refused and nothing is stored',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const before = await detailOf(elena);

      // Model risk is no emergency role under tier-1, whatever role the payload claims.
      const asModelRisk = await sign(elena, await emergencyPayload(elena, accounts.elena, { role: 'model_risk' }));
      expectStatus(asModelRisk, 403);
      expect(detail(asModelRisk)).toBe('An emergency approval needs the AI governance committee role under template tier-1 v1 (Tier 1 (critical) models), which you do not hold.');
      expectStatus(await sign(elena, await emergencyPayload(elena, accounts.elena)), 403);
      await expectNothingStored(elena, before);

      const committee = await signedIn(target, 'committee@example.com');
      const noJustification = await sign(committee, await emergencyPayload(committee, robert, { emergency: { justification: 'Urgent.', incidentRef: 'INC-4821' } }));
      expectStatus(noJustification, 422);
      expect(pointers(noJustification)).toEqual(['/payload/emergency/justification']);
      const badIncident = await sign(committee, await emergencyPayload(committee, robert, { emergency: { justification: details.justification, incidentRef: 'the outage' } }));
      expectStatus(badIncident, 422);
      expect(pointers(badIncident)).toEqual(['/payload/emergency/incidentRef']);
      const { emergency: _, ...bare } = await emergencyPayload(committee, robert);
      const missing = await sign(committee, bare);
      expectStatus(missing, 422);
      expect(pointers(missing)).toEqual(['/payload/emergency']);
      // Only the emergency kind carries emergency details, and it decides no step.
      const onStep = await sign(committee, await emergencyPayload(committee, robert, { stepKey: 'committee' }));
      expect(pointers(onStep)).toEqual(['/payload/stepKey']);
      await expectNothingStored(committee, before);

      // The owner, even holding the committee role, may not approve their own package.
      const committeeUser = await target.store.findUserByEmail('committee@example.com');
      if (!committeeUser) throw new Error('demo committee user missing');
      await target.store.insertUser({ id: 'usr_owner_committee', email: 'owner-committee@example.com', displayName: 'Jordan Lee', title: 'ML Lead and committee member', roles: ['model_owner', 'committee'], passwordHash: committeeUser.passwordHash });
      const jordan = await signedIn(target, 'owner-committee@example.com');
      const content = structuredClone(demoPackages[1]?.versions[0]) as PackageContent;
      const [identification] = content.sections;
      if (identification?.kind !== 'identification') throw new Error('identification first');
      identification.modelKey = 'clinical-deterioration-risk-next';
      const submitted = await jordan.post('/api/packages', { modelKey: 'clinical-deterioration-risk-next', versionLabel: identification.versionLabel, content });
      expectStatus(submitted, 201);
      const ownId = (submitted.body as { package: { id: string } }).package.id;
      const own = await sign(jordan, await emergencyPayload(jordan, { id: 'usr_owner_committee', displayName: 'Jordan Lee', title: 'ML Lead and committee member' }, {}, ownId));
      expectStatus(own, 403);
      expect(detail(own)).toMatch(/segregation of duties/);
      expect((await detailOf(jordan, ownId)).decisions).toEqual([]);

      const denied = (await (await signedIn(target, 'admin@example.com')).get('/api/audit?action=access.denied')).body as { items: { after: { reason: string } }[] };
      expect(denied.items.filter((e) => e.after.reason.startsWith('emergency approval refused'))).toHaveLength(3);
    },
  },
];
