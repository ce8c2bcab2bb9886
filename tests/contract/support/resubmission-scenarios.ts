import { expect } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// Resubmissions answer the previous round: every concern of every rejection of the latest
// version and every open clarification request, once each. Run against mocks, SQLite and
// PostgreSQL; each scenario gets fresh demo data.

const clinical = 'pkg_clinical_deterioration_risk';
const assistant = 'pkg_support_assistant_llm';
const retail = 'pkg_retail_credit_pd';

const calibrationConcern = { sectionKey: 'evaluation', concern: 'Calibration is reported overall only, not by decile of predicted risk.', requiredChange: 'Add a calibration table by decile on the temporal holdout.' };
const ageConcern = { sectionKey: 'subgroup_fairness', concern: 'Sensitivity for patients aged 80 and over is below the policy floor.', requiredChange: 'Show a mitigation and the resulting sensitivity for that group.' };

interface VersionBody {
  content: PackageContent;
  answers: ConcernAnswer[];
}
interface ThreadBody {
  id: string;
  kind: string;
  status: string;
  messages: { body: string; authorRole: string; author: { displayName: string } }[];
}
interface DetailBody {
  status: string;
  latestVersion: number;
  openClarifications: number;
  versions: unknown[];
  decisions: { id: string; decision: string; versionNumber: number; stepKey: string }[];
}

const problemsOf = (reply: Reply) => (reply.body as { errors?: { pointer: string; message: string; code?: string }[] }).errors ?? [];
const pointers = (reply: Reply) => problemsOf(reply).map((e) => e.pointer);
const detailOf = async (client: Client, id: string) => (await client.get(`/api/packages/${id}`)).body as DetailBody;
const threadsOf = async (client: Client, id: string) => ((await client.get(`/api/packages/${id}/threads`)).body as { items: ThreadBody[] }).items;

/** The latest version's content with one section changed, as an owner's revision would be. */
export async function revised(client: Client, id: string, n: number, notes: string): Promise<PackageContent> {
  const content = structuredClone(((await client.get(`/api/packages/${id}/versions/${n}`)).body as VersionBody).content);
  const evaluation = content.sections.find((s) => s.key === 'evaluation');
  if (evaluation?.kind !== 'metric_table') throw new Error('evaluation is a metric table');
  evaluation.notes = notes;
  return content;
}

/** Model risk rejects the clinical package's version 1 with two concerns; returns the decision id. */
export async function rejectClinical(target: Target): Promise<string> {
  const elena = await signedIn(target, 'model-risk@example.com');
  const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'reject', reason: 'Calibration and the oldest age band are not shown to meet policy.', concerns: [calibrationConcern, ageConcern], signer: accounts.elena });
  const signed = await sign(elena, payload);
  expectStatus(signed, 201);
  return (signed.body as { id: string }).id;
}

/**
 * A count of audit entries without an audit route: the sequence number a probe entry gets.
 * Two probes one apart mean nothing was appended in between.
 */
async function auditProbe(target: Target): Promise<number> {
  const { seq } = await target.store.appendAudit({ event: { action: 'access.denied', subject: 'contract-probe', before: null, after: { method: 'GET', path: '/probe', reason: 'contract test probe' } }, actorId: null, at: new Date().toISOString() });
  return seq;
}

/** Everything a refused resubmission must leave as it was. */
async function snapshot(target: Target, client: Client, id: string) {
  const detail = await detailOf(client, id);
  return { versions: detail.versions.length, decisions: detail.decisions.length, threads: await threadsOf(client, id), audit: await auditProbe(target) };
}

async function expectUnchanged(target: Target, client: Client, id: string, before: Awaited<ReturnType<typeof snapshot>>) {
  const after = await snapshot(target, client, id);
  expect({ ...after, audit: after.audit - 1 }).toEqual(before);
}

export const resubmissionScenarios: Scenario[] = [
  {
    name: 'an owner answers each rejection concern and open clarification request in a resubmission; the version shows the answers in their order',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const opened = await elena.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey: 'training_data', kind: 'clarification', body: 'Which sites contributed the 2023 admissions?' });
      expectStatus(opened, 201);
      const threadId = (opened.body as ThreadBody).id;
      const decisionId = await rejectClinical(target);

      const owner = await signedIn(target, 'owner@example.com');
      const answers = [
        { target: { kind: 'concern', decisionId, index: 1 }, answer: 'Reweighted training by age band; sensitivity for 80+ is now 0.81.', sectionKeys: ['subgroup_fairness', 'design_methodology'] },
        { target: { kind: 'clarification', threadId }, answer: 'All four acute sites; see the lineage table.' },
        { target: { kind: 'concern', decisionId, index: 0 }, answer: 'Calibration by decile added to the evaluation notes.', sectionKeys: ['evaluation'] },
      ];
      const content = await revised(owner, clinical, 1, 'Calibration by decile of predicted risk on the temporal holdout: slope 0.97, intercept -0.02.');
      const reply = await owner.post(`/api/packages/${clinical}/versions`, { content, answers });
      expectStatus(reply, 201);
      expect(reply.body).toMatchObject({ package: { status: 'in_review', latestVersion: 2 }, version: { number: 2 } });
      expect(reply.headers.get('location')).toBe(`/api/packages/${clinical}/versions/2`);

      const v2 = (await owner.get(`/api/packages/${clinical}/versions/2`)).body as VersionBody;
      expect(v2.answers).toEqual([answers[0], { ...answers[1], sectionKeys: [] }, answers[2]]);
      expect(((await owner.get(`/api/packages/${clinical}/versions/1`)).body as VersionBody).answers).toEqual([]);

      // The clarification answer is also the owner's reply in its thread.
      const thread = (await threadsOf(owner, clinical)).find((t) => t.id === threadId);
      expect(thread?.status).toBe('answered');
      expect(thread?.messages.at(-1)).toMatchObject({ body: 'All four acute sites; see the lineage table.', authorRole: 'model_owner', author: { displayName: 'Priya Natarajan' } });
      expect((await detailOf(owner, clinical)).openClarifications).toBe(0);
    },
  },
  {
    name: 'the demo resubmission carries its answer to the fair lending concern',
    async run(target) {
      const dana = await signedIn(target, 'fair-lending@example.com');
      const rejection = (await detailOf(dana, retail)).decisions.find((d) => d.decision === 'reject');
      const v2 = (await dana.get(`/api/packages/${retail}/versions/2`)).body as VersionBody;
      expect(v2.answers.map((a) => [a.target, a.sectionKeys])).toEqual([[{ kind: 'concern', decisionId: rejection?.id, index: 0 }, ['subgroup_fairness', 'design_methodology']]]);
      expect(v2.answers[0]?.answer).toMatch(/^Addressed in Subgroup fairness and Design and methodology: .*0\.78 to 0\.86/);
    },
  },
  {
    name: 'a resubmission without an answer to each concern is refused, naming the reviewer and section, and writes nothing',
    async run(target) {
      const decisionId = await rejectClinical(target);
      const owner = await signedIn(target, 'owner@example.com');
      const content = await revised(owner, clinical, 1, 'Calibration by decile added.');
      const before = await snapshot(target, owner, clinical);

      const none = await owner.post(`/api/packages/${clinical}/versions`, { content });
      expectStatus(none, 422);
      expect(problemsOf(none)).toEqual([
        { pointer: '/answers', code: 'missing_answer', message: `Answer the concern of Elena Vasquez on "Evaluation against policy thresholds": ${calibrationConcern.concern}` },
        { pointer: '/answers', code: 'missing_answer', message: `Answer the concern of Elena Vasquez on "Subgroup fairness": ${ageConcern.concern}` },
      ]);
      const one = await owner.post(`/api/packages/${clinical}/versions`, { content, answers: [{ target: { kind: 'concern', decisionId, index: 0 }, answer: 'Calibration by decile added.' }] });
      expectStatus(one, 422);
      expect(pointers(one)).toEqual(['/answers']);
      expect(problemsOf(one)[0]?.message).toMatch(/^Answer the concern of Elena Vasquez on "Subgroup fairness": /);

      await expectUnchanged(target, owner, clinical, before);
      expectStatus(await owner.get(`/api/packages/${clinical}/versions/2`), 404);
    },
  },
  {
    name: 'answers to unknown or foreign targets, duplicates and unknown sections are refused with their field',
    async run(target) {
      const decisionId = await rejectClinical(target);
      const owner = await signedIn(target, 'owner@example.com');
      const retailRejection = (await detailOf(owner, retail)).decisions.find((d) => d.decision === 'reject')?.id ?? '';
      const [foreignThread] = await threadsOf(owner, assistant);
      const content = await revised(owner, clinical, 1, 'Calibration by decile added.');
      const right = [
        { target: { kind: 'concern', decisionId, index: 0 }, answer: 'Calibration by decile added.' },
        { target: { kind: 'concern', decisionId, index: 1 }, answer: 'Reweighted by age band.', sectionKeys: ['subgroup_fairness'] },
      ];
      const before = await snapshot(target, owner, clinical);
      const submit = (answers: unknown[]) => owner.post(`/api/packages/${clinical}/versions`, { content, answers });
      const refused = async (extra: unknown, pointer: string, message: RegExp) => {
        const reply = await submit([...right, extra]);
        expectStatus(reply, 422);
        expect(pointers(reply)).toEqual([pointer]);
        expect(problemsOf(reply)[0]?.message).toMatch(message);
      };

      await refused({ target: { kind: 'concern', decisionId: 'dec_nowhere', index: 0 }, answer: 'x' }, '/answers/2/target', /no decision dec_nowhere/);
      await refused({ target: { kind: 'concern', decisionId: retailRejection, index: 0 }, answer: 'x' }, '/answers/2/target', /no decision/);
      await refused({ target: { kind: 'concern', decisionId, index: 2 }, answer: 'x' }, '/answers/2/target', /has 2 concerns .*no concern 2/);
      await refused({ target: { kind: 'clarification', threadId: foreignThread?.id ?? 'thr_x' }, answer: 'x' }, '/answers/2/target', /no clarification request/);
      await refused({ target: { kind: 'concern', decisionId, index: 1 }, answer: 'Again.' }, '/answers/2/target', /already answers this/);
      const badSection = await submit([right[0], { ...right[1], sectionKeys: ['subgroup_fairness', 'no_such_section'] }]);
      expectStatus(badSection, 422);
      expect(pointers(badSection)).toEqual(['/answers/1/sectionKeys/1']);
      // The contract itself: a target of no known kind.
      expect(pointers(await submit([...right, { target: { kind: 'finding', threadId: 'x' }, answer: 'x' }]))).toEqual(['/answers/2/target/kind']);

      await expectUnchanged(target, owner, clinical, before);
      expectStatus(await submit(right), 201);
    },
  },
  {
    name: 'a clarification request answered through a resubmission is answered in its thread; one answered already is not owed',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const [request] = await threadsOf(owner, assistant);
      if (!request) throw new Error('the demo assistant package has a clarification request');
      expect(request).toMatchObject({ kind: 'clarification', status: 'open' });
      // A second request, which the owner answers in its thread before resubmitting.
      const elena = await signedIn(target, 'model-risk@example.com');
      const asked = await elena.post(`/api/packages/${assistant}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Which locales fall below the policy floor?' });
      expectStatus(asked, 201);
      const askedId = (asked.body as ThreadBody).id;
      expectStatus(await owner.post(`/api/packages/${assistant}/threads/${askedId}/messages`, { body: 'None; see the per-locale table.' }), 201);
      const content = await revised(owner, assistant, 1, 'Hallucination labels: two annotators per answer, blind to model version; 400 answers per locale; 95% CI per metric.');

      const missing = await owner.post(`/api/packages/${assistant}/versions`, { content });
      expectStatus(missing, 422);
      expect(pointers(missing)).toEqual(['/answers']);
      expect(problemsOf(missing)[0]?.message).toMatch(/^Answer the clarification request of Elena Vasquez on "[^"]+": How was the hallucination rate measured/);
      const answer = 'Two annotators per answer, blind to the model version; 400 answers per locale; the 95% CI is in the evaluation notes.';
      const toRequest = { target: { kind: 'clarification', threadId: request.id }, answer, sectionKeys: ['evaluation'] };
      const notOwed = await owner.post(`/api/packages/${assistant}/versions`, { content, answers: [toRequest, { target: { kind: 'clarification', threadId: askedId }, answer: 'Again.' }] });
      expectStatus(notOwed, 422);
      expect(pointers(notOwed)).toEqual(['/answers/1/target']);
      expect(problemsOf(notOwed)[0]?.message).toMatch(/is answered already/);

      const reply = await owner.post(`/api/packages/${assistant}/versions`, { content, answers: [toRequest] });
      expectStatus(reply, 201);
      const thread = (await threadsOf(owner, assistant)).find((t) => t.id === request.id);
      expect(thread).toMatchObject({ status: 'answered' });
      expect(thread?.messages.map((m) => m.authorRole)).toEqual(['model_risk', 'model_owner']);
      expect(thread?.messages.at(-1)?.body).toBe(answer);
      expect(((await owner.get(`/api/packages/${assistant}/versions/2`)).body as VersionBody).answers).toEqual([toRequest]);
      expect((await detailOf(owner, assistant)).openClarifications).toBe(0);
    },
  },
  {
    name: 'only the package owner resubmits: a reviewer and another model owner are refused, and nothing is written',
    async run(target) {
      const decisionId = await rejectClinical(target);
      const owner = await signedIn(target, 'owner@example.com');
      const content = await revised(owner, clinical, 1, 'Calibration by decile added.');
      const answers = [0, 1].map((index) => ({ target: { kind: 'concern', decisionId, index }, answer: 'Done.' }));
      const stored = await target.store.findUserByEmail('owner@example.com');
      if (!stored) throw new Error('the demo owner exists');
      await target.store.insertUser({ id: 'usr_other_owner', email: 'other-owner@example.com', displayName: 'Jonas Berg', title: 'ML Engineer', roles: ['model_owner'], passwordHash: stored.passwordHash });
      const before = await detailOf(owner, clinical);

      const reviewer = await signedIn(target, 'model-risk@example.com');
      expectStatus(await reviewer.post(`/api/packages/${clinical}/versions`, { content, answers }), 403);
      const other = await signedIn(target, 'other-owner@example.com');
      expectStatus(await other.post(`/api/packages/${clinical}/versions`, { content, answers }), 404);

      expect(await detailOf(owner, clinical)).toEqual(before);
      expectStatus(await owner.post(`/api/packages/${clinical}/versions`, { content, answers }), 201);
    },
  },
];
