import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { expect } from 'vitest';
import type { Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn, type Draft } from './signing-scenarios.ts';
import { expectValidOrDemonstration } from './verdicts.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// Delegation of a reviewer role, run against the mocks, SQLite and PostgreSQL: made by the
// holder, bounded, refused in a circle, to oneself or to someone segregation of duties keeps
// off the chain, honoured at signing only inside its window and until it is revoked, and,
// when an administrator made it, only once its delegator accepted it.

const clinical = 'pkg_clinical_deterioration_risk';
const hour = 60 * 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const pointers = (body: unknown) => ((body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/**
 * Dana (fair lending) decides the clinical package's model risk step in Elena's place. Fair
 * lending is no step of the chains waiting for model risk (tier 1, tiers 2 and 3), so
 * segregation of duties lets her; Samuel (privacy, a step of the clinical chain) it does not.
 */
const danaApproves: Draft = { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', signer: accounts.dana };

async function elenaDelegatesToDana(target: Target, window: { startsAt: string; endsAt: string }) {
  const elena = await signedIn(target, 'model-risk@example.com');
  const reply = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'Annual leave', ...window });
  expectStatus(reply, 201);
  return { elena, delegation: reply.body as { id: string; status: string } };
}

export const delegationScenarios: Scenario[] = [
  {
    name: 'delegation: a holder delegates their role to a colleague; to oneself, in a circle, unbounded, back-dated, for another’s role or to another step’s reviewer is refused',
    async run(target) {
      const { elena, delegation } = await elenaDelegatesToDana(target, { startsAt: at(-hour), endsAt: at(7 * 24 * hour) });
      expect(delegation).toMatchObject({ role: 'model_risk', status: 'active', delegator: accounts.elena, delegate: accounts.dana, revocation: null, acceptance: { required: false, acceptedAt: null } });

      const listed = (await elena.get('/api/delegations')).body as { items: { id: string }[] };
      expect(listed.items.map((d) => d.id)).toEqual([delegation.id]);
      const dana = await signedIn(target, 'fair-lending@example.com');
      expect(((await dana.get('/api/delegations')).body as { items: unknown[] }).items).toHaveLength(1);
      const samuel = await signedIn(target, 'privacy@example.com');
      expect(((await samuel.get('/api/delegations')).body as { items: unknown[] }).items).toHaveLength(0);
      expect(((await samuel.get('/api/delegations?activeForRole=model_risk')).body as { items: unknown[] }).items).toHaveLength(1);

      const toSelf = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.elena.id, reason: 'x', startsAt: at(0), endsAt: at(hour) });
      expectStatus(toSelf, 422);
      expect(pointers(toSelf.body)).toEqual(['/delegateId']);

      const tooLong = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'x', startsAt: at(0), endsAt: at(91 * 24 * hour) });
      expectStatus(tooLong, 422);
      expect(pointers(tooLong.body)).toEqual(['/endsAt']);

      // A start months back would only misstate the record: a delegation acts from when it is made.
      const backDated = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'x', startsAt: at(-89 * 24 * hour), endsAt: at(hour) });
      expectStatus(backDated, 422);
      expect(pointers(backDated.body)).toEqual(['/startsAt']);

      // Samuel decides the privacy step of the clinical chain, which waits for model risk: he would decide two steps of it.
      const secondStep = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.samuel.id, reason: 'x', startsAt: at(0), endsAt: at(hour) });
      expectStatus(secondStep, 422);
      expect(pointers(secondStep.body)).toEqual(['/delegateId']);
      expect(JSON.stringify(secondStep.body)).toMatch(/clinical-deterioration-risk \S+ \(holds the privacy role of its step Privacy\)/);

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
      // Made by an administrator: it waits for its delegator, and even so counts towards a circle.
      expect(back.body).toMatchObject({ delegator: { id: 'usr_model_risk_2' }, delegate: accounts.elena, status: 'pending', acceptance: { required: true, acceptedAt: null } });
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
      const { delegation } = await elenaDelegatesToDana(target, { startsAt: at(-hour), endsAt: at(7 * 24 * hour) });
      const dana = await signedIn(target, 'fair-lending@example.com');
      // The delegate signs whose place they take (docs/decisions/0082): another delegation or
      // delegator is refused, and so is a holder claiming to act for someone.
      const claimed = { delegationId: delegation.id, delegator: accounts.elena };
      // The attack: a delegate's signature that says nothing about whose place they take, so the
      // record's "on behalf of" would rest on the server's word alone (issue 17). Refused, nothing stored.
      const unsaid = await sign(dana, await payloadFor(dana, { ...danaApproves, onBehalfOf: null }));
      expectStatus(unsaid, 422);
      expect(JSON.stringify(unsaid.body)).toContain('/payload/onBehalfOf');
      expect((await dana.get(`/api/packages/${clinical}`)).body).toMatchObject({ steps: expect.arrayContaining([expect.objectContaining({ key: 'model_risk', status: 'active' })]) as unknown });
      const wrong = await sign(dana, { ...(await payloadFor(dana, danaApproves)), onBehalfOf: { ...claimed, delegationId: 'dlg_other' } });
      expectStatus(wrong, 422);
      expect(JSON.stringify(wrong.body)).toContain('/payload/onBehalfOf');
      const signed = await sign(dana, { ...(await payloadFor(dana, danaApproves)), onBehalfOf: claimed });
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ actor: accounts.dana, role: 'model_risk', onBehalfOf: { delegationId: delegation.id, delegator: accounts.elena }, signature: { payload: { onBehalfOf: claimed } } });

      const pkg = (await dana.get(`/api/packages/${clinical}`)).body as { decisions: { stepKey: string; onBehalfOf: unknown }[]; steps: { key: string; status: string }[] };
      expect(pkg.steps.find((s) => s.key === 'model_risk')?.status).toBe('approved');
      expect(pkg.decisions.find((d) => d.stepKey === 'model_risk')?.onBehalfOf).toMatchObject({ delegator: accounts.elena });
      const earlier = pkg.decisions.filter((d) => d.stepKey !== 'model_risk');
      for (const d of earlier) expect(d.onBehalfOf).toBeNull();

      const verification = (await dana.get(`/api/packages/${clinical}/verification`)).body as { decisions: { valid: boolean; demonstration: boolean; reasons: string[] }[] };
      expectValidOrDemonstration(verification.decisions);

      const record = (await dana.get(`/api/packages/${clinical}/record`)).body as { decisions: { id: string; onBehalfOf: unknown }[] };
      expect(record.decisions.some((d) => JSON.stringify(d.onBehalfOf) === JSON.stringify({ delegationId: delegation.id, delegator: accounts.elena }))).toBe(true);
      // The record's statement is held to the signed one: a record naming another delegator fails that decision.
      const delegated = record.decisions.find((d) => JSON.stringify(d.onBehalfOf).includes(delegation.id));
      const forged = { ...record, decisions: record.decisions.map((d) => (d === delegated ? { ...d, onBehalfOf: { delegationId: delegation.id, delegator: accounts.dana } } : d)) };
      const verdict = await verifyRecordText(JSON.stringify(forged));
      expect(verdict.checks.find((check) => check.label.startsWith(`Decision ${delegated?.id ?? '?'}:`))?.detail).toContain(`the signer signed on behalf of ${accounts.elena.displayName} (delegation ${delegation.id})`);

      const committee = await signedIn(target, 'committee@example.com');
      const audit = (await committee.get('/api/audit?action=decision.signed')).body as { items: { after: { onBehalfOf?: unknown } }[] };
      expect(audit.items.at(-1)?.after.onBehalfOf).toEqual({ delegation: delegation.id, delegator: accounts.elena.id });
    },
  },
  {
    name: 'delegation: outside its window, or once revoked, a delegation does not let the delegate sign',
    async run(target) {
      const { elena, delegation } = await elenaDelegatesToDana(target, { startsAt: at(24 * hour), endsAt: at(48 * hour) });
      expect(delegation.status).toBe('scheduled');
      const dana = await signedIn(target, 'fair-lending@example.com');
      const early = await sign(dana, await payloadFor(dana, danaApproves));
      expectStatus(early, 403);
      expect((early.body as { detail: string }).detail).toMatch(/no active delegation/);

      const active = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'Sick leave', startsAt: at(-hour), endsAt: at(24 * hour) });
      expectStatus(active, 201);
      const { id } = active.body as { id: string };
      const samuel = await signedIn(target, 'privacy@example.com');
      expectStatus(await samuel.post(`/api/delegations/${id}/revocation`, null), 404);
      const revoked = await elena.post(`/api/delegations/${id}/revocation`, null);
      expectStatus(revoked, 201);
      expect(revoked.body).toMatchObject({ status: 'revoked', revocation: { revokedBy: accounts.elena } });
      expectStatus(await elena.post(`/api/delegations/${id}/revocation`, null), 409);

      const after = await sign(dana, await payloadFor(dana, danaApproves));
      expectStatus(after, 403);
      const pkg = (await dana.get(`/api/packages/${clinical}`)).body as { steps: { key: string; status: string }[] };
      expect(pkg.steps.find((s) => s.key === 'model_risk')?.status).toBe('active');
    },
  },
  {
    name: 'delegation: one an administrator made acts only once its delegator accepts it; only the delegator may, once, and it is audited',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const made = await admin.post('/api/delegations', { role: 'model_risk', delegatorId: accounts.elena.id, delegateId: accounts.dana.id, reason: 'Arranged while Elena is away', startsAt: at(-hour), endsAt: at(24 * hour) });
      expectStatus(made, 201);
      const { id } = made.body as { id: string };
      expect(made.body).toMatchObject({ status: 'pending', createdBy: { id: 'usr_admin' }, acceptance: { required: true, acceptedAt: null } });

      // Unaccepted, it gives Dana nothing, and nobody is shown acting for the role.
      const dana = await signedIn(target, 'fair-lending@example.com');
      const early = await sign(dana, await payloadFor(dana, danaApproves));
      expectStatus(early, 403);
      expect(((await dana.get('/api/delegations?activeForRole=model_risk')).body as { items: unknown[] }).items).toHaveLength(0);

      // Neither the delegate nor the administrator consents for Elena.
      expectStatus(await dana.post(`/api/delegations/${id}/acceptance`, null), 404);
      expectStatus(await admin.post(`/api/delegations/${id}/acceptance`, null), 404);
      expectStatus(await dana.post('/api/delegations/dlg_missing/acceptance', null), 404);

      const elena = await signedIn(target, 'model-risk@example.com');
      const accepted = await elena.post(`/api/delegations/${id}/acceptance`, null);
      expectStatus(accepted, 201);
      expect(accepted.body).toMatchObject({ id, status: 'active', acceptance: { required: true } });
      expect((accepted.body as { acceptance: { acceptedAt: string | null } }).acceptance.acceptedAt).not.toBeNull();
      expectStatus(await elena.post(`/api/delegations/${id}/acceptance`, null), 409);
      // One she made herself needs no acceptance.
      const own = await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'Later leave', startsAt: at(30 * hour), endsAt: at(40 * hour) });
      expectStatus(own, 201);
      expectStatus(await elena.post(`/api/delegations/${(own.body as { id: string }).id}/acceptance`, null), 409);

      const signed = await sign(dana, await payloadFor(dana, danaApproves));
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ onBehalfOf: { delegationId: id, delegator: accounts.elena } });

      const audit = (await admin.get('/api/audit?action=delegation.accepted')).body as { items: { subject: string; actorId: string; before: unknown }[] };
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ subject: id, actorId: accounts.elena.id, before: { role: 'model_risk', delegator: accounts.elena.id, delegate: accounts.dana.id, createdBy: 'usr_admin' } });
      const created = (await admin.get('/api/audit?action=delegation.created')).body as { items: { subject: string; after: { awaitsAcceptance?: boolean } }[] };
      expect(created.items.find((e) => e.subject === id)?.after.awaitsAcceptance).toBe(true);
    },
  },
  {
    name: 'segregation of duties: a holder of two reviewer roles decides one step of a package, not the next one too',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const { passwordHash } = (await target.store.findUserById(accounts.elena.id)) ?? { passwordHash: '' };
      const dual = { id: 'usr_dual', displayName: 'Noor Haddad', title: 'Model Risk and Privacy Reviewer' };
      await target.store.insertUser({ ...dual, email: 'dual@example.com', roles: ['model_risk', 'privacy'], passwordHash });
      const noor = await signedIn(target, 'dual@example.com');
      expectStatus(await sign(noor, await payloadFor(noor, { ...danaApproves, signer: dual })), 201);

      const second = await sign(noor, await payloadFor(noor, { packageId: clinical, versionNumber: 1, stepKey: 'privacy', role: 'privacy', decision: 'approve', signer: dual }));
      expectStatus(second, 403);
      expect((second.body as { detail: string }).detail).toBe('Noor Haddad already decided Model risk management of this package (Noor Haddad, version 1): segregation of duties lets a person decide only one step of a package.');
      // The privacy step still waits for someone else.
      const pkg = (await elena.get(`/api/packages/${clinical}`)).body as { steps: { key: string; status: string }[] };
      expect(pkg.steps.find((s) => s.key === 'privacy')?.status).toBe('active');
      const denied = (await (await signedIn(target, 'admin@example.com')).get('/api/audit?action=access.denied')).body as { items: { actorId: string; after: { reason: string } }[] };
      expect(denied.items.some((e) => e.actorId === 'usr_dual' && e.after.reason.startsWith('segregation of duties:'))).toBe(true);
    },
  },
  {
    name: 'segregation of duties: a template that relaxes it explicitly lets one person decide two steps, and the package and its record say so',
    async run(target) {
      // Published like any version: the flag is part of the template and of its audit entry.
      const admin = await signedIn(target, 'admin@example.com');
      const current = ((await admin.get('/api/templates/consumer-credit/versions/1')).body as { template: Record<string, unknown> & { steps: unknown[] } }).template;
      const { key, name, riskTiers, businessLines, staleApprovals, steps, emergencyRoles } = current;
      const published = await changeAsDirect(target, '/api/templates', { key, name, riskTiers, businessLines, staleApprovals, steps, emergencyRoles, allowSameDeciderAcrossSteps: true, replacesVersion: 1 });
      expectStatus(published, 201);
      expect(published.body).toMatchObject({ template: { version: 2, allowSameDeciderAcrossSteps: true } });
      const audit = (await admin.get('/api/audit?action=template.version_created')).body as { items: { after: { allowSameDeciderAcrossSteps?: boolean } }[] };
      expect(audit.items.at(-1)?.after.allowSameDeciderAcrossSteps).toBe(true);

      const owner = await signedIn(target, 'owner@example.com');
      const content = approvableCreditContent('4.4.0-relaxed');
      const submitted = await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel: '4.4.0-relaxed', content });
      expectStatus(submitted, 201);
      const id = (submitted.body as { package: { id: string } }).package.id;
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);

      const { passwordHash } = (await target.store.findUserById(accounts.elena.id)) ?? { passwordHash: '' };
      const dual = { id: 'usr_dual', displayName: 'Noor Haddad', title: 'Data and Model Risk Reviewer' };
      await target.store.insertUser({ ...dual, email: 'dual@example.com', roles: ['data_governance', 'model_risk'], passwordHash });
      const noor = await signedIn(target, 'dual@example.com');
      for (const step of ['data_governance', 'model_risk'] as const) {
        expectStatus(await sign(noor, await payloadFor(noor, { packageId: id, versionNumber: 1, stepKey: step, role: step, decision: 'approve', signer: dual })), 201);
      }
      const detail = (await noor.get(`/api/packages/${id}`)).body as { template: { version: number; allowSameDeciderAcrossSteps?: boolean }; steps: { key: string; status: string }[] };
      expect(detail.template).toMatchObject({ version: 2, allowSameDeciderAcrossSteps: true });
      expect(detail.steps.map((step) => step.status)).toEqual(['approved', 'approved', 'active', 'waiting']);
      const record = (await noor.get(`/api/packages/${id}/record`)).body as { package: { template: { allowSameDeciderAcrossSteps?: boolean } } };
      expect(record.package.template.allowSameDeciderAcrossSteps).toBe(true);
      // The clinical package's template does not relax it: its record does not say so.
      const clinicalRecord = (await noor.get(`/api/packages/${clinical}/record`)).body as { package: { template: Record<string, unknown> } };
      expect(clinicalRecord.package.template).not.toHaveProperty('allowSameDeciderAcrossSteps');
    },
  },
];
