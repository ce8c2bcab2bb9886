import { expect } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// The clarification loop and the approval gate, run against the mocks, SQLite and
// PostgreSQL. The support assistant demo package is paused by model risk for a clarification
// on its evaluation: whose turn it is follows the owner's answer, and an approval over the
// request still open is refused unless overridden with a reason inside the signed payload.

const assistant = 'pkg_support_assistant_llm';
const approveAsElena = { packageId: assistant, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk' as const, decision: 'approve' as const, signer: accounts.elena };
const reason = 'The owner’s answer covers the method; the interval is tracked as a condition of the monitoring plan.';

const detailOf = async (client: Client): Promise<PackageDetail> => {
  const reply = await client.get(`/api/packages/${assistant}`);
  expectStatus(reply, 200);
  return reply.body as PackageDetail;
};
const requestOf = async (client: Client): Promise<Thread> => {
  const found = ((await client.get(`/api/packages/${assistant}/threads`)).body as { items: Thread[] }).items.find((t) => t.kind === 'clarification');
  if (!found) throw new Error('the demo assistant package has a clarification request');
  return found;
};
const problem = (reply: Reply) => reply.body as { type: string; detail: string; blockers?: { kind: string; ref: string; state: string }[]; errors?: { pointer: string }[] };

export const clarificationScenarios: Scenario[] = [
  {
    name: 'clarification: the paused step is the owner’s turn until they answer, then the reviewer’s; resolving the request reopens it too',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const asked = await detailOf(elena);
      expect(asked).toMatchObject({ status: 'clarification_requested', currentStep: { key: 'model_risk' }, turn: { party: 'owner', stepKey: 'model_risk', reason: 'clarification_asked', unanswered: 1 } });
      // The due clock stops while the owner must answer: no list blames the reviewers for the wait.
      expect(asked.currentStep).toMatchObject({ dueAt: null, overdue: false });
      expect(asked.steps.find((step) => step.key === 'model_risk')).toMatchObject({ dueAt: null, overdue: false });

      const request = await requestOf(owner);
      expectStatus(await owner.post(`/api/packages/${assistant}/threads/${request.id}/messages`, { body: 'Two blind annotators per answer, 400 answers per locale; the interval is in the notes.' }), 201);
      const answered = await detailOf(elena);
      // Still paused in the record (the step's last decision asks), but the reviewers decide next.
      expect(answered).toMatchObject({ status: 'clarification_requested', turn: { party: 'reviewer', stepKey: 'model_risk', reason: 'clarification_answered', unanswered: 0 } });
      expect(answered.currentStep?.dueAt).toEqual(expect.any(String));
      const listed = ((await owner.get('/api/packages')).body as { items: PackageDetail[] }).items.find((p) => p.id === assistant);
      expect(listed?.turn.party).toBe('reviewer');

      // A reviewer's follow-up question puts the ball back with the owner; resolving it gives it back.
      expectStatus(await elena.post(`/api/packages/${assistant}/threads/${request.id}/messages`, { body: 'Which locales fall below the floor?' }), 201);
      expect((await detailOf(elena)).turn).toMatchObject({ party: 'owner', reason: 'clarification_asked' });
      expectStatus(await elena.send('POST', `/api/packages/${assistant}/threads/${request.id}/resolution`), 201);
      expect((await detailOf(owner)).turn).toMatchObject({ party: 'reviewer', reason: 'clarification_answered' });

      // Nothing blocks the approval any more: it is signed without an override.
      expect((await detailOf(elena)).approvalBlockers).toEqual([]);
      const approved = await sign(elena, await payloadFor(elena, approveAsElena));
      expectStatus(approved, 201);
      expect(approved.body).not.toHaveProperty('override');
    },
  },
  {
    name: 'approval gate: an approval over an open clarification request is refused (409, naming it) unless overridden with a reason, which is signed and kept',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      const request = await requestOf(elena);
      expectStatus(await owner.post(`/api/packages/${assistant}/threads/${request.id}/messages`, { body: 'Two blind annotators per answer.' }), 201);
      const before = await detailOf(elena);
      expect(before.approvalBlockers).toEqual([
        { kind: 'open_clarification', ref: request.id, sectionKey: 'evaluation', state: 'answered', askedBy: accounts.elena, description: 'Clarification request by Elena Vasquez on Evaluation against policy thresholds: answered, not resolved' },
      ]);

      const blocked = await sign(elena, await payloadFor(elena, approveAsElena));
      expectStatus(blocked, 409);
      expect(problem(blocked)).toMatchObject({ type: 'https://model-approval.example/problems/approval-blocked', blockers: [{ kind: 'open_clarification', ref: request.id, state: 'answered' }] });
      expect(problem(blocked).detail).toMatch(/^An open question blocks this approval: Clarification request by Elena Vasquez on .+: answered, not resolved\. Resolve it first, or override with a reason/);

      // The override is checked: a reason, blockers, only on an approval, and exactly the blockers that stand.
      const override = { reason, blockers: [{ kind: 'open_clarification', ref: request.id }] };
      const noReason = await sign(elena, { ...(await payloadFor(elena, approveAsElena)), override: { ...override, reason: ' ' } });
      expectStatus(noReason, 422);
      expect(problem(noReason).errors?.map((e) => e.pointer)).toEqual(['/payload/override/reason']);
      const onReject = await sign(elena, { ...(await payloadFor(elena, { ...approveAsElena, decision: 'reject', reason: 'No.', concerns: [{ sectionKey: 'evaluation', concern: 'x', requiredChange: 'y' }] })), override });
      expect(problem(onReject).errors?.map((e) => e.pointer)).toEqual(['/payload/override']);
      const outdated = await sign(elena, { ...(await payloadFor(elena, approveAsElena)), override: { reason, blockers: [{ kind: 'open_clarification', ref: 'thr_gone' }] } });
      expectStatus(outdated, 409);
      expect(problem(outdated).detail).toMatch(/^What blocks this approval changed since you opened the dialog \(not overridden: .+; no longer blocking: thr_gone\)/);
      expect((await detailOf(elena)).decisions.map((d) => d.id)).toEqual(before.decisions.map((d) => d.id));

      const signed = await sign(elena, { ...(await payloadFor(elena, approveAsElena)), override });
      expectStatus(signed, 201);
      const decision = signed.body as PackageDetail['decisions'][number];
      expect(decision).toMatchObject({ decision: 'approve', override, signature: { payload: { override } } });
      const after = await detailOf(elena);
      expect(after.decisions.find((d) => d.id === decision.id)?.override).toEqual(override);
      expect(after.currentStep?.key).not.toBe('model_risk');
      const verification = (await elena.get(`/api/packages/${assistant}/verification`)).body as { decisions: { decisionId: string; valid: boolean; reasons: string[] }[] };
      expect(verification.decisions.find((v) => v.decisionId === decision.id)).toEqual({ decisionId: decision.id, valid: true, demonstration: false, reasons: [] });
      const admin = await signedIn(target, 'admin@example.com');
      const audit = (await admin.get('/api/audit?action=decision.signed')).body as { items: { after: { decision: string; override?: unknown } }[] };
      expect(audit.items.find((e) => e.after.decision === decision.id)?.after.override).toEqual(override);
    },
  },
  {
    name: 'approval gate: a clarification request carried over to a resubmission and asked again blocks the new version’s approval',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const request = await requestOf(owner);
      const content = structuredClone(((await owner.get(`/api/packages/${assistant}/versions/1`)).body as { content: PackageContent }).content);
      const evaluation = content.sections.find((section) => section.key === 'evaluation');
      if (evaluation?.kind !== 'metric_table') throw new Error('evaluation is a metric table');
      evaluation.notes = 'Two blind annotators per answer; 400 answers per locale.';
      const answers = [{ target: { kind: 'clarification', threadId: request.id }, answer: 'Two blind annotators per answer; see the evaluation notes.', sectionKeys: ['evaluation'] }];
      expectStatus(await owner.post(`/api/packages/${assistant}/versions`, { content, answers }), 201);
      // The reviewer asks again in the thread, which was opened on version 1 and followed the package to version 2.
      expectStatus(await elena.post(`/api/packages/${assistant}/threads/${request.id}/messages`, { body: 'Which locales fall below the floor?' }), 201);

      const detail = await detailOf(elena);
      expect(detail.approvalBlockers.map((blocker) => [blocker.ref, blocker.state])).toEqual([[request.id, 'unanswered']]);
      const refused = await sign(elena, await payloadFor(elena, { ...approveAsElena, versionNumber: 2 }));
      expectStatus(refused, 409);
      expect(problem(refused).blockers?.map((blocker) => blocker.ref)).toEqual([request.id]);
    },
  },
];
