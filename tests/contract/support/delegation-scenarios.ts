import { expect } from 'vitest';
import type { Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn, type Draft } from './signing-scenarios.ts';

// Delegation of a reviewer role, run against the mocks, SQLite and PostgreSQL: made by the
// holder, bounded, refused in a circle or to oneself, and honoured at signing only inside
// its window and until it is revoked.

const clinical = 'pkg_clinical_deterioration_risk';
const hour = 60 * 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const pointers = (body: unknown) => ((body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** Samuel (privacy) decides the clinical package's model risk step in Elena's place. */
const samuelApproves: Draft = { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', signer: accounts.samuel };

async function elenaDelegatesToSamuel(target: Target, window: { startsAt: string; endsAt: string }) {
  const elena = await signedIn(target, 'model-risk@example.com');
  const reply = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.samuel.id, reason: 'Annual leave', ...window });
  expectStatus(reply, 201);
  return { elena, delegation: reply.body as { id: string; status: string } };
}

export const delegationScenarios: Scenario[] = [
  {
    name: 'delegation: a holder delegates their role to a colleague; to oneself, in a circle, unbounded or for another’s role is refused',
    async run(target) {
      const { elena, delegation } = await elenaDelegatesToSamuel(target, { startsAt: at(-hour), endsAt: at(7 * 24 * hour) });
      expect(delegation).toMatchObject({ role: 'model_risk', status: 'active', delegator: accounts.elena, delegate: accounts.samuel, revocation: null });

      const listed = (await elena.get('/api/delegations')).body as { items: { id: string }[] };
      expect(listed.items.map((d) => d.id)).toEqual([delegation.id]);
      const samuel = await signedIn(target, 'privacy@example.com');
      expect(((await samuel.get('/api/delegations')).body as { items: unknown[] }).items).toHaveLength(1);
      const dana = await signedIn(target, 'fair-lending@example.com');
      expect(((await dana.get('/api/delegations')).body as { items: unknown[] }).items).toHaveLength(0);
      expect(((await dana.get('/api/delegations?activeForRole=model_risk')).body as { items: unknown[] }).items).toHaveLength(1);

      const toSelf = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.elena.id, reason: 'x', startsAt: at(0), endsAt: at(hour) });
      expectStatus(toSelf, 422);
      expect(pointers(toSelf.body)).toEqual(['/delegateId']);

      const tooLong = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'x', startsAt: at(0), endsAt: at(91 * 24 * hour) });
      expectStatus(tooLong, 422);
      expect(pointers(tooLong.body)).toEqual(['/endsAt']);

      const notHeld = await elena.post('/api/delegations', { role: 'fair_lending', delegateId: accounts.dana.id, reason: 'x', startsAt: at(0), endsAt: at(hour) });
      expectStatus(notHeld, 422);
      expect(pointers(notHeld.body)).toEqual(['/role']);

      const forAnother = await elena.post('/api/delegations', { role: 'fair_lending', delegatorId: accounts.dana.id, delegateId: accounts.samuel.id, reason: 'x', startsAt: at(0), endsAt: at(hour) });
      expectStatus(forAnother, 403);

      // A circle needs two holders of one role: a second model risk reviewer, planted.
      await target.store.insertUser({ id: 'usr_model_risk_2', email: 'model-risk-2@example.com', displayName: 'Priya Raman', title: 'Model Risk Analyst', roles: ['model_risk'], passwordHash: 'unused' });
      const admin = await signedIn(target, 'admin@example.com');
      const back = await admin.post('/api/delegations', { role: 'model_risk', delegatorId: 'usr_model_risk_2', delegateId: accounts.elena.id, reason: 'Conference', startsAt: at(-hour), endsAt: at(24 * hour) });
      expectStatus(back, 201);
      expect(back.body).toMatchObject({ delegator: { id: 'usr_model_risk_2' }, delegate: accounts.elena });
      const circle = await elena.post('/api/delegations', { role: 'model_risk', delegateId: 'usr_model_risk_2', reason: 'Annual leave', startsAt: at(0), endsAt: at(hour) });
      expectStatus(circle, 422);
      expect(pointers(circle.body)).toEqual(['/delegateId']);
      expect(JSON.stringify(circle.body)).toMatch(/circle \(Elena Vasquez → Priya Raman → Elena Vasquez\)/);
      // A window after the other one ended is no circle.
      expectStatus(await elena.post('/api/delegations', { role: 'model_risk', delegateId: 'usr_model_risk_2', reason: 'Later leave', startsAt: at(25 * hour), endsAt: at(30 * hour) }), 201);

      const audit = (await admin.get(`/api/audit?action=delegation.created`)).body as { items: { subject: string }[] };
      expect(audit.items.map((e) => e.subject)).toContain(delegation.id);
    },
  },
  {
    name: 'delegation: the delegate signs the step on behalf of the holder; the decision, the record and the audit entry say so',
    async run(target) {
      const { delegation } = await elenaDelegatesToSamuel(target, { startsAt: at(-hour), endsAt: at(7 * 24 * hour) });
      const samuel = await signedIn(target, 'privacy@example.com');
      const signed = await sign(samuel, await payloadFor(samuel, samuelApproves));
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ actor: accounts.samuel, role: 'model_risk', onBehalfOf: { delegationId: delegation.id, delegator: accounts.elena } });

      const pkg = (await samuel.get(`/api/packages/${clinical}`)).body as { decisions: { stepKey: string; onBehalfOf: unknown }[]; steps: { key: string; status: string }[] };
      expect(pkg.steps.find((s) => s.key === 'model_risk')?.status).toBe('approved');
      expect(pkg.decisions.find((d) => d.stepKey === 'model_risk')?.onBehalfOf).toMatchObject({ delegator: accounts.elena });
      const earlier = pkg.decisions.filter((d) => d.stepKey !== 'model_risk');
      for (const d of earlier) expect(d.onBehalfOf).toBeNull();

      const verification = (await samuel.get(`/api/packages/${clinical}/verification`)).body as { decisions: { valid: boolean; reasons: string[] }[] };
      for (const verdict of verification.decisions) expect(verdict).toMatchObject({ valid: true, reasons: [] });

      const record = (await samuel.get(`/api/packages/${clinical}/record`)).body as { decisions: { onBehalfOf: unknown }[] };
      expect(record.decisions.some((d) => JSON.stringify(d.onBehalfOf) === JSON.stringify({ delegationId: delegation.id, delegator: accounts.elena }))).toBe(true);

      const committee = await signedIn(target, 'committee@example.com');
      const audit = (await committee.get('/api/audit?action=decision.signed')).body as { items: { after: { onBehalfOf?: unknown } }[] };
      expect(audit.items.at(-1)?.after.onBehalfOf).toEqual({ delegation: delegation.id, delegator: accounts.elena.id });
    },
  },
  {
    name: 'delegation: outside its window, or once revoked, a delegation does not let the delegate sign',
    async run(target) {
      const { elena, delegation } = await elenaDelegatesToSamuel(target, { startsAt: at(24 * hour), endsAt: at(48 * hour) });
      expect(delegation.status).toBe('scheduled');
      const samuel = await signedIn(target, 'privacy@example.com');
      const early = await sign(samuel, await payloadFor(samuel, samuelApproves));
      expectStatus(early, 403);
      expect((early.body as { detail: string }).detail).toMatch(/no active delegation/);

      const active = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.samuel.id, reason: 'Sick leave', startsAt: at(-hour), endsAt: at(24 * hour) });
      expectStatus(active, 201);
      const { id } = active.body as { id: string };
      const dana = await signedIn(target, 'fair-lending@example.com');
      expectStatus(await dana.post(`/api/delegations/${id}/revocation`, null), 404);
      const revoked = await elena.post(`/api/delegations/${id}/revocation`, null);
      expectStatus(revoked, 201);
      expect(revoked.body).toMatchObject({ status: 'revoked', revocation: { revokedBy: accounts.elena } });
      expectStatus(await elena.post(`/api/delegations/${id}/revocation`, null), 409);

      const after = await sign(samuel, await payloadFor(samuel, samuelApproves));
      expectStatus(after, 403);
      const pkg = (await samuel.get(`/api/packages/${clinical}`)).body as { steps: { key: string; status: string }[] };
      expect(pkg.steps.find((s) => s.key === 'model_risk')?.status).toBe('active');
    },
  },
];
