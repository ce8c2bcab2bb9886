import { expect } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { Finding } from '#domain/contracts/findings.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import { dashboardSchema } from '#domain/contracts/dashboard.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { runFindingDueSweep } from '#api/findings/due-sweep.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { findingsCheck } from '#domain/evidence/findings-check.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// Findings and their gate, against the mocks, SQLite and PostgreSQL. The clinical package
// waits for model risk (Elena): she raises a high finding on a quoted passage, the approval is
// refused naming it, the owner proposes and completes a remediation, Elena verifies it, and the
// approval goes through. Around it: the role rules, the bad inputs and the register.

const clinical = 'pkg_clinical_deterioration_risk';
const owner = 'usr_owner';
const approveAsElena = { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk' as const, decision: 'approve' as const, reason: 'Adequate.', signer: accounts.elena };

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
const findingOf = (reply: Reply) => reply.body as Finding;
const blockersOf = async (client: Client) => ((await client.get(`/api/packages/${clinical}`)).body as PackageDetail).approvalBlockers;

async function evaluationTitle(client: Client): Promise<string> {
  const { content } = (await client.get(`/api/packages/${clinical}/versions/1`)).body as { content: PackageContent };
  const section = content.sections.find((s) => s.key === 'evaluation');
  if (!section) throw new Error('the clinical package has an evaluation section');
  return section.title;
}

const raise = (overrides: Record<string, unknown> = {}) => ({
  versionNumber: 1,
  sectionKey: 'evaluation',
  title: 'Sensitivity not shown for night shifts',
  description: 'The alert threshold is tuned on day-shift admissions only; sensitivity at night is not reported.',
  severity: 'high',
  type: 'validation_finding',
  ownerId: owner,
  dueDate: daysFromNow(30),
  ...overrides,
});

const move = (client: Client, finding: Finding, body: Record<string, unknown>) => client.post(`/api/packages/${clinical}/findings/${finding.id}/transitions`, { revision: finding.revision, ...body });

export const findingScenarios: Scenario[] = [
  {
    name: 'findings: a high finding on a quoted passage blocks the approval until the owner remediates it and the raising role verifies it; every step is audited with before and after',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const priya = await signedIn(target, 'owner@example.com');
      const quote = await evaluationTitle(elena);
      const raised = await elena.post(`/api/packages/${clinical}/findings`, raise({ anchor: { exact: quote, prefix: '', suffix: '' } }));
      expectStatus(raised, 201);
      let finding = findingOf(raised);
      expect(finding).toMatchObject({ status: 'open', severity: 'high', raisedRole: 'model_risk', raisedBy: accounts.elena, owner: { id: owner }, anchor: { exact: quote }, revision: 0, overdue: false, modelKey: 'clinical-deterioration-risk' });
      expect(finding.history).toEqual([expect.objectContaining({ from: null, to: 'open', role: 'model_risk' })]);

      // The gate lists it, on the package and in the 409.
      expect(await blockersOf(elena)).toEqual([expect.objectContaining({ kind: 'open_finding', ref: finding.id, state: 'open', sectionKey: 'evaluation' })]);
      const blocked = await sign(elena, await payloadFor(elena, approveAsElena));
      expectStatus(blocked, 409);
      expect(blocked.body).toMatchObject({ type: 'https://model-approval.example/problems/approval-blocked', blockers: [{ kind: 'open_finding', ref: finding.id }] });

      // The owner team proposes and completes; the reviewer cannot do the owner's part, nor the owner the reviewer's.
      const reviewerProposes = await move(elena, finding, { to: 'remediation_proposed', plan: 'x' });
      expectStatus(reviewerProposes, 403);
      expect(pointers(reviewerProposes)).toEqual(['/to']);
      const proposed = await move(priya, finding, { to: 'remediation_proposed', plan: 'Report sensitivity by shift on the 2025 holdout.' });
      expectStatus(proposed, 201);
      finding = findingOf(proposed);
      expect(finding).toMatchObject({ status: 'remediation_proposed', remediationPlan: 'Report sensitivity by shift on the 2025 holdout.', revision: 1 });
      const remediated = await move(priya, finding, { to: 'remediated', note: 'Night-shift sensitivity 0.81, added to the evaluation notes.' });
      expectStatus(remediated, 201);
      finding = findingOf(remediated);
      const ownerVerifies = await move(priya, finding, { to: 'verified', note: 'Done.' });
      expectStatus(ownerVerifies, 403);
      // Still blocking while remediated but not verified.
      expect((await blockersOf(elena)).map((b) => [b.ref, b.state])).toEqual([[finding.id, 'remediated']]);

      const verified = await move(elena, finding, { to: 'verified', note: 'Checked against the holdout report.' });
      expectStatus(verified, 201);
      finding = findingOf(verified);
      expect(finding.status).toBe('verified');
      expect(finding.history.map((h) => [h.from, h.to, h.role])).toEqual([
        [null, 'open', 'model_risk'],
        ['open', 'remediation_proposed', 'model_owner'],
        ['remediation_proposed', 'remediated', 'model_owner'],
        ['remediated', 'verified', 'model_risk'],
      ]);
      expect(await blockersOf(elena)).toEqual([]);
      expectStatus(await sign(elena, await payloadFor(elena, approveAsElena)), 201);

      const admin = await signedIn(target, 'admin@example.com');
      const audit = (await admin.get('/api/audit?action=finding.transitioned')).body as { items: { before: { status: string; revision: number }; after: { status: string; revision: number } }[] };
      expect(audit.items.map((e) => [e.before.status, e.after.status, e.before.revision, e.after.revision])).toEqual(
        expect.arrayContaining([
          ['open', 'remediation_proposed', 0, 1],
          ['remediation_proposed', 'remediated', 1, 2],
          ['remediated', 'verified', 2, 3],
        ]),
      );
    },
  },
  {
    name: 'findings: the gate is overridable with a signed reason; a medium finding does not block; an accepted risk blocks again once expired',
    async run(target) {
      let elena = await signedIn(target, 'model-risk@example.com');
      const high = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise()));
      const medium = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ severity: 'medium', title: 'Wording of the alert text' })));
      expect((await blockersOf(elena)).map((b) => b.ref)).toEqual([high.id]);

      // Accepting the risk unblocks until its expiry; the acceptance names the accepting role.
      const accepted = await move(elena, high, { to: 'risk_accepted', rationale: 'Night shifts are covered by the rapid response team until Q3.', expiresOn: daysFromNow(10) });
      expectStatus(accepted, 201);
      expect(findingOf(accepted)).toMatchObject({ status: 'risk_accepted', acceptance: { role: 'model_risk', by: accounts.elena, expiresOn: daysFromNow(10) } });
      expect(await blockersOf(elena)).toEqual([]);
      target.advanceClock(11 * 86_400_000);
      elena = await signedIn(target, 'model-risk@example.com'); // the session idled out meanwhile
      const expired = await blockersOf(elena);
      expect(expired).toEqual([expect.objectContaining({ kind: 'expired_risk_acceptance', ref: high.id, state: 'risk_expired' })]);
      expect(medium.id).not.toBe(high.id);

      const refused = await sign(elena, await payloadFor(elena, approveAsElena));
      expectStatus(refused, 409);
      const override = { reason: 'The committee extended the acceptance in its meeting; the record follows.', blockers: [{ kind: 'expired_risk_acceptance', ref: high.id }] };
      const signed = await sign(elena, { ...(await payloadFor(elena, approveAsElena)), override });
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ override, signature: { payload: { override } } });
    },
  },
  {
    name: 'findings: bad inputs are refused with the field named, and nothing is stored',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const priya = await signedIn(target, 'owner@example.com');
      const cases: [Record<string, unknown>, string][] = [
        [raise({ severity: undefined }), '/severity'],
        [raise({ severity: 'urgent' }), '/severity'],
        [raise({ ownerId: 'usr_model_risk' }), '/ownerId'],
        [raise({ dueDate: daysFromNow(-1) }), '/dueDate'],
        [raise({ dueDate: daysFromNow(5 * 366 + 2) }), '/dueDate'],
        [raise({ dueDate: '31/12/2027' }), '/dueDate'],
        [raise({ title: '  ' }), '/title'],
        [raise({ type: 'opinion' }), '/type'],
        [raise({ anchor: { exact: 'a passage nowhere in the package', prefix: '', suffix: '' } }), '/anchor/exact'],
        [raise({ sectionKey: 'nonexistent_section' }), '/sectionKey'],
      ];
      for (const [body, pointer] of cases) {
        const reply = await elena.post(`/api/packages/${clinical}/findings`, body);
        expect(reply.status, `${pointer}: ${JSON.stringify(reply.body)}`).toBe(422);
        expect(reply.contentType).toContain('application/problem+json');
        expect(pointers(reply)).toContain(pointer);
      }
      // The owner team does not raise findings, and a model owner holds no reviewer role.
      expectStatus(await priya.post(`/api/packages/${clinical}/findings`, raise()), 403);
      expect((await elena.get(`/api/packages/${clinical}/findings`)).body).toEqual({ items: [] });

      const finding = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise()));
      // Not a move from open; an expiry in the past; a stale revision; another reviewer role.
      const fromOpen = await move(elena, finding, { to: 'verified', note: 'x' });
      expectStatus(fromOpen, 422);
      expect(pointers(fromOpen)).toEqual(['/to']);
      const pastExpiry = await move(elena, finding, { to: 'risk_accepted', rationale: 'r', expiresOn: daysFromNow(-3) });
      expectStatus(pastExpiry, 422);
      expect(pointers(pastExpiry)).toEqual(['/expiresOn']);
      const noRationale = await move(elena, finding, { to: 'risk_accepted', rationale: ' ', expiresOn: daysFromNow(3) });
      expect(pointers(noRationale)).toEqual(['/rationale']);
      const dana = await signedIn(target, 'fair-lending@example.com');
      expectStatus(await move(dana, finding, { to: 'risk_accepted', rationale: 'Fine by me.', expiresOn: daysFromNow(3) }), 403);
      expectStatus(await move(priya, { ...finding, revision: 7 }, { to: 'remediation_proposed', plan: 'A plan.' }), 409);
      const after = ((await elena.get(`/api/packages/${clinical}/findings`)).body as { items: Finding[] }).items;
      expect(after.map((f) => [f.status, f.revision, f.history.length])).toEqual([['open', 0, 1]]);
    },
  },
  {
    name: 'findings: of concurrent transitions of one finding exactly one is written',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const priya = await signedIn(target, 'owner@example.com');
      const finding = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise()));
      const replies = await Promise.all([
        move(priya, finding, { to: 'remediation_proposed', plan: 'Plan A.' }),
        move(priya, finding, { to: 'remediation_proposed', plan: 'Plan B.' }),
        move(elena, finding, { to: 'risk_accepted', rationale: 'Accepted.', expiresOn: daysFromNow(20) }),
        move(priya, finding, { to: 'remediation_proposed', plan: 'Plan C.' }),
      ]);
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      expect(replies.filter((r) => r.status === 409)).toHaveLength(3);
      const [stored] = ((await elena.get(`/api/packages/${clinical}/findings`)).body as { items: Finding[] }).items;
      expect(stored?.revision).toBe(1);
      expect(stored?.history).toHaveLength(2);
    },
  },
  {
    name: 'findings register: filtered by severity, status, owner, model and overdue, sorted, across the packages the caller may see',
    async run(target) {
      let elena = await signedIn(target, 'model-risk@example.com');
      const high = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ dueDate: daysFromNow(3) })));
      const low = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ severity: 'low', title: 'Typo in the alert text', dueDate: daysFromNow(60) })));
      const ids = async (client: Client, query: string) => {
        const reply = await client.get(`/api/inventory/findings${query}`);
        expectStatus(reply, 200);
        return (reply.body as { items: Finding[] }).items.filter((f) => f.packageId === clinical).map((f) => f.id);
      };
      expect(await ids(elena, '')).toEqual([high.id, low.id]);
      expect(await ids(elena, '?sort=severity')).toEqual([high.id, low.id]);
      expect(await ids(elena, '?severity=low')).toEqual([low.id]);
      expect(await ids(elena, '?status=verified')).toEqual([]);
      expect(await ids(elena, `?ownerId=${owner}&modelKey=clinical-deterioration-risk`)).toEqual([high.id, low.id]);
      expect(await ids(elena, '?overdue=true')).toEqual([]);
      target.advanceClock(10 * 86_400_000);
      elena = await signedIn(target, 'model-risk@example.com');
      expect(await ids(elena, '?overdue=true')).toEqual([high.id]);
      const badQuery = await elena.get('/api/inventory/findings?severity=urgent');
      expectStatus(badQuery, 400);
      expect(pointers(badQuery)).toEqual(['/query/severity']);
      // The owner sees the findings on their own packages.
      expect(await ids(await signedIn(target, 'owner@example.com'), '')).toEqual([high.id, low.id]);
    },
  },
  {
    name: 'findings in the record: the retail credit record carries its two verified findings with their history, the verifier holds them to the audit log',
    async run(target) {
      const dana = await signedIn(target, 'fair-lending@example.com');
      const reply = await dana.get('/api/packages/pkg_retail_credit_pd/record');
      expectStatus(reply, 200);
      const text = JSON.stringify(reply.body);
      const keys = ((await dana.get('/api/keys')).body as { keys: ServerKey[] }).keys;
      const verdict = await verifyRecordText(text, { trustedKeys: keys });
      expect(verdict.checks.find((c) => c.label === 'Findings and their history')).toEqual({ label: 'Findings and their history', ok: true, detail: '2 findings (0 not closed), each at the end of its history, every step in the audit log.' });
      const record = approvalRecordSchema.parse(reply.body);
      expect(record.findings?.map((f) => [f.severity, f.status, f.history.map((h) => h.to)])).toEqual([
        ['high', 'verified', ['open', 'remediation_proposed', 'remediated', 'verified']],
        ['high', 'verified', ['open', 'remediation_proposed', 'remediated', 'verified']],
      ]);
      // A record that claims a verification nobody logged fails the check.
      const [first] = record.findings ?? [];
      if (!first) throw new Error('the retail record has findings');
      const forged = { ...record, audit: { ...record.audit, entries: record.audit.entries.filter((e) => !(e.action === 'finding.transitioned' && JSON.stringify(e.after).includes('"verified"') && JSON.stringify(e.after).includes(first.id))) } };
      expect(findingsCheck(forged)).toMatchObject({ ok: false, detail: `/findings/0/history/3 (${first.id} to verified) has no audit entry in /audit/entries.` });
      expect(findingsCheck({ ...record, findings: [{ ...first, status: 'open' }] })).toMatchObject({ ok: false });
    },
  },
  {
    name: 'findings on the committee dashboard: open by severity, overdue ones, and accepted risks whose acceptance ends within 30 days',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const dashboardFindings = async (client: Client) => {
        const reply = await client.get('/api/dashboard');
        expectStatus(reply, 200);
        return dashboardSchema.parse(reply.body).findings;
      };
      const before = await dashboardFindings(committee);
      let elena = await signedIn(target, 'model-risk@example.com');
      const high = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ dueDate: daysFromNow(3) })));
      const low = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ severity: 'low', title: 'Typo in the alert text', dueDate: daysFromNow(60) })));
      expectStatus(await move(elena, low, { to: 'risk_accepted', rationale: 'Cosmetic; fixed with the next release.', expiresOn: daysFromNow(40) }), 201);
      const now = await dashboardFindings(committee);
      expect(now.openBySeverity).toEqual({ ...before.openBySeverity, high: before.openBySeverity.high + 1 });
      expect(now.overdue.map((f) => f.findingId)).not.toContain(high.id);
      expect(now.acceptancesExpiring.map((f) => f.findingId)).not.toContain(low.id);

      target.advanceClock(15 * 86_400_000);
      const later = await dashboardFindings(await signedIn(target, 'committee@example.com'));
      expect(later.overdue.find((f) => f.findingId === high.id)).toMatchObject({ packageId: clinical, severity: 'high', status: 'open', owner: { id: owner }, dueDate: daysFromNow(3), expiresOn: null });
      expect(later.acceptancesExpiring.find((f) => f.findingId === low.id)).toMatchObject({ severity: 'low', status: 'risk_accepted', expiresOn: daysFromNow(40) });
      // Reviewers outside oversight do not get the dashboard.
      elena = await signedIn(target, 'model-risk@example.com');
      expectStatus(await elena.get('/api/dashboard'), 403);
    },
  },
  {
    name: 'findings: the owner is notified when a finding is assigned, reminded once a week ahead and once overdue (two sweeps at once remind once), and not after it is closed',
    async run(target) {
      const findingNotes = async (client: Client) => notificationListSchema.parse((await client.get('/api/notifications')).body).items.filter((n) => n.kind.startsWith('finding_') && n.packageId === clinical);
      const elena = await signedIn(target, 'model-risk@example.com');
      const dueOn = daysFromNow(10);
      const found = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ dueDate: dueOn })));
      const closed = findingOf(await elena.post(`/api/packages/${clinical}/findings`, raise({ title: 'Closed before it falls due', dueDate: daysFromNow(10) })));
      expectStatus(await move(elena, closed, { to: 'risk_accepted', rationale: 'Covered by the ward protocol.', expiresOn: daysFromNow(90) }), 201);
      let priya = await signedIn(target, 'owner@example.com');
      const assigned = (await findingNotes(priya)).filter((n) => n.kind === 'finding_assigned');
      expect(assigned.map((n) => n.link)).toEqual([`/packages/${clinical}/findings#finding-${closed.id}`, `/packages/${clinical}/findings#finding-${found.id}`]);
      expect(assigned[1]?.text).toBe(`Elena Vasquez raised a high finding on Clinical Deterioration Risk (adult inpatient early warning) 2.0.1 and named you its owner: “Sensitivity not shown for night shifts”, due ${daysFromNow(10)}.`);
      // The raiser is not told of their own act.
      expect(await findingNotes(elena)).toEqual([]);

      const now = Date.now();
      expect(await runFindingDueSweep(target.store, new Date(now))).toEqual([]);
      const weekAhead = new Date(now + 4 * 86_400_000);
      const [first, second] = await Promise.all([runFindingDueSweep(target.store, weekAhead), runFindingDueSweep(target.store, weekAhead)]);
      expect([...first, ...second]).toEqual([{ findingId: found.id, packageId: clinical, stage: 'due_soon' }]);
      const overdueDay = new Date(now + 12 * 86_400_000);
      expect(await runFindingDueSweep(target.store, overdueDay)).toEqual([{ findingId: found.id, packageId: clinical, stage: 'overdue' }]);
      expect(await runFindingDueSweep(target.store, overdueDay)).toEqual([]);

      target.advanceClock(12 * 86_400_000);
      priya = await signedIn(target, 'owner@example.com');
      const due = (await findingNotes(priya)).filter((n) => n.kind === 'finding_due');
      expect(due.map((n) => n.text)).toEqual([
        `Your finding on Clinical Deterioration Risk (adult inpatient early warning) 2.0.1, “Sensitivity not shown for night shifts”, is overdue: it was due ${dueOn}.`,
        `Your finding on Clinical Deterioration Risk (adult inpatient early warning) 2.0.1, “Sensitivity not shown for night shifts”, is due ${dueOn}.`,
      ]);
      const admin = await signedIn(target, 'admin@example.com');
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=finding.due_reminder')).body);
      expect(audit.items.map((e) => [e.actorId, (e.after as { stage: string }).stage])).toEqual([
        [null, 'due_soon'],
        [null, 'overdue'],
      ]);
    },
  },
];
