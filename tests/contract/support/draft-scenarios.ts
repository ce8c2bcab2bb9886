import { expect } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { ReviewDraft } from '#domain/contracts/drafts.ts';
import type { SectionReview, Thread } from '#domain/contracts/threads.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { revised } from './resubmission-scenarios.ts';

// Batched review: a reviewer's comments and clarification requests are drafts on the server,
// theirs alone, until published on their own or with a signed decision (atomically); an
// owner's resubmission in progress lives on the server too; review marks follow a section's
// content to the next version. Run against the mocks, SQLite and PostgreSQL.

const retail = 'pkg_retail_credit_pd';
const clinical = 'pkg_clinical_deterioration_risk';
const assistant = 'pkg_support_assistant_llm';

const draftsOf = async (client: Client, id: string) => {
  const reply = await client.get(`/api/packages/${id}/review-drafts`);
  expectStatus(reply, 200);
  return (reply.body as { items: ReviewDraft[] }).items;
};
const threadsOf = async (client: Client, id: string) => ((await client.get(`/api/packages/${id}/threads`)).body as { items: Thread[] }).items;
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
const publishedAudit = async (client: Client, id: string) =>
  ((await client.get(`/api/audit?action=review.published`)).body as { items: { subject: string; actorId: string | null; after: { threads: string[]; decision: string | null } }[] }).items.filter((e) => e.subject === id);

export const draftScenarios: Scenario[] = [
  {
    name: 'review drafts: a reviewer’s drafts are theirs alone until published; publishing opens each thread once, audited',
    async run(target) {
      const dana = await signedIn(target, 'fair-lending@example.com');
      const threadsBefore = (await threadsOf(dana, retail)).length;
      const draft = { versionNumber: 2, sectionKey: 'evaluation', kind: 'comment', body: 'The holdout period should be stated next to the metric.' };

      // Bad drafts are refused at their field and store nothing.
      const empty = await dana.post(`/api/packages/${retail}/review-drafts`, { ...draft, body: ' ' });
      expectStatus(empty, 422);
      expect(pointers(empty)).toEqual(['/body']);
      expect(pointers(await dana.post(`/api/packages/${retail}/review-drafts`, { ...draft, kind: 'finding' }))).toEqual(['/kind']);
      expect(pointers(await dana.post(`/api/packages/${retail}/review-drafts`, { ...draft, anchor: { exact: 'words that are nowhere in it', prefix: '', suffix: '' } }))).toEqual(['/anchor/exact']);
      expectStatus(await dana.post(`/api/packages/${retail}/review-drafts`, { ...draft, versionNumber: 1 }), 409);
      expect(await draftsOf(dana, retail)).toEqual([]);

      const saved = await dana.post(`/api/packages/${retail}/review-drafts`, draft);
      expectStatus(saved, 201);
      const first = saved.body as ReviewDraft;
      expect(first).toMatchObject({ ...draft, packageId: retail, anchor: null });
      const question = await dana.post(`/api/packages/${retail}/review-drafts`, { ...draft, kind: 'clarification', body: 'Which population does the holdout cover?' });
      expectStatus(question, 201);

      // Another device of the same reviewer sees both; nobody else sees either, or can touch them.
      const danaElsewhere = await signedIn(target, 'fair-lending@example.com');
      expect((await draftsOf(danaElsewhere, retail)).map((d) => d.body).sort()).toEqual([draft.body, 'Which population does the holdout cover?']);
      const elena = await signedIn(target, 'model-risk@example.com');
      expect(await draftsOf(elena, retail)).toEqual([]);
      expectStatus(await elena.send('PUT', `/api/packages/${retail}/review-drafts/${first.id}`, { json: { body: 'Taken over.' } }), 404);
      expectStatus(await elena.delete(`/api/packages/${retail}/review-drafts/${first.id}`), 404);
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.get(`/api/packages/${retail}/review-drafts`), 403);
      // A draft is not a thread: the owner is not asked anything yet.
      expect((await threadsOf(owner, retail)).length).toBe(threadsBefore);

      const edited = await danaElsewhere.send('PUT', `/api/packages/${retail}/review-drafts/${first.id}`, { json: { body: 'State the holdout period next to the metric.' } });
      expectStatus(edited, 200);
      expect(edited.body).toMatchObject({ id: first.id, body: 'State the holdout period next to the metric.' });
      expectStatus(await dana.delete(`/api/packages/${retail}/review-drafts/${(question.body as ReviewDraft).id}`), 204);

      // Elena's publication publishes Elena's drafts (none), never Dana's.
      expect((await elena.send('POST', `/api/packages/${retail}/review-drafts/publication`)).body).toEqual({ published: [] });
      const published = await dana.send('POST', `/api/packages/${retail}/review-drafts/publication`);
      expectStatus(published, 201);
      const threads = (published.body as { published: Thread[] }).published;
      expect(threads).toHaveLength(1);
      expect(threads[0]).toMatchObject({ kind: 'comment', status: 'open', sectionKey: 'evaluation', createdBy: accounts.dana, messages: [{ body: 'State the holdout period next to the metric.' }] });
      expect(await draftsOf(dana, retail)).toEqual([]);
      expect((await threadsOf(owner, retail)).length).toBe(threadsBefore + 1);
      // Again: nothing left to publish, nothing published twice.
      expect((await dana.send('POST', `/api/packages/${retail}/review-drafts/publication`)).body).toEqual({ published: [] });
      expect((await threadsOf(owner, retail)).length).toBe(threadsBefore + 1);

      const admin = await signedIn(target, 'admin@example.com');
      expect(await publishedAudit(admin, retail)).toMatchObject([{ actorId: accounts.dana.id, after: { threads: [threads[0]?.id], decision: null } }]);
    },
  },
  {
    name: 'review drafts: signing a decision publishes the signer’s drafts in its transaction; a refused signature leaves them drafts',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const question = { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Is calibration shown by decile of predicted risk?' };
      expectStatus(await elena.post(`/api/packages/${clinical}/review-drafts`, question), 201);
      expectStatus(await elena.post(`/api/packages/${clinical}/review-drafts`, { ...question, kind: 'comment', body: 'Sensitivity at the alert threshold looks adequate.' }), 201);
      const threadsBefore = (await threadsOf(elena, clinical)).length;
      // The pause points to a clarification request: the drafted one, published with it.
      const pause = { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk' as const, decision: 'request_clarification' as const, reason: 'Calibration by decile is needed before a decision.', signer: accounts.elena };

      const refused = await sign(elena, await payloadFor(elena, pause), 'not-the-password');
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await draftsOf(elena, clinical)).toHaveLength(2);
      expect((await threadsOf(elena, clinical)).length).toBe(threadsBefore);

      const signed = await sign(elena, await payloadFor(elena, pause));
      expectStatus(signed, 201);
      const decisionId = (signed.body as { id: string }).id;
      expect(await draftsOf(elena, clinical)).toEqual([]);
      const opened = (await threadsOf(elena, clinical)).slice(threadsBefore);
      expect(opened.map((t) => [t.kind, t.messages[0]?.body]).sort()).toEqual([
        ['clarification', question.body],
        ['comment', 'Sensitivity at the alert threshold looks adequate.'],
      ]);
      const admin = await signedIn(target, 'admin@example.com');
      expect(await publishedAudit(admin, clinical)).toMatchObject([{ actorId: accounts.elena.id, after: { decision: decisionId } }]);
      expect((await publishedAudit(admin, clinical))[0]?.after.threads.sort()).toEqual(opened.map((t) => t.id).sort());
    },
  },
  {
    name: 'resubmit drafts: one per owner and package on the server, seen from every device, private, and spent by the submission',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const version = (await owner.get(`/api/packages/${assistant}/versions/1`)).body as { contentHash: string; content: PackageContent };
      expect((await owner.get(`/api/packages/${assistant}/resubmit-draft`)).body).toEqual({ draft: null });
      const content = await revised(owner, assistant, 1, 'Two blind annotators per answer; 400 answers per locale.');
      const draft = { baseVersion: 1, baseHash: version.contentHash, content, answers: { 'clarification:x': { answer: 'Half written', sectionKeys: ['evaluation'] } } };

      const bad = await owner.send('PUT', `/api/packages/${assistant}/resubmit-draft`, { json: { ...draft, baseHash: 'nope' } });
      expectStatus(bad, 422);
      expect(pointers(bad)).toEqual(['/baseHash']);
      const saved = await owner.send('PUT', `/api/packages/${assistant}/resubmit-draft`, { json: draft });
      expectStatus(saved, 200);

      const otherTab = await signedIn(target, 'owner@example.com');
      const seen = (await otherTab.get(`/api/packages/${assistant}/resubmit-draft`)).body as { draft: typeof draft & { savedAt: string } };
      expect(seen.draft).toMatchObject(draft);
      expect(seen.draft.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const reviewer = await signedIn(target, 'model-risk@example.com');
      expectStatus(await reviewer.get(`/api/packages/${assistant}/resubmit-draft`), 403);

      const [request] = (await threadsOf(owner, assistant)).filter((t) => t.kind === 'clarification');
      const answers = [{ target: { kind: 'clarification', threadId: request?.id }, answer: 'Two blind annotators per answer.', sectionKeys: ['evaluation'] }];
      expectStatus(await otherTab.post(`/api/packages/${assistant}/versions`, { content, answers }), 201);
      expect((await owner.get(`/api/packages/${assistant}/resubmit-draft`)).body).toEqual({ draft: null });
      expectStatus(await owner.delete(`/api/packages/${assistant}/resubmit-draft`), 204);
    },
  },
  {
    name: 'review marks follow the section’s hash: an unchanged section stays reviewed on the next version, a changed one does not',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      for (const key of ['evaluation', 'training_data']) expectStatus(await elena.send('PUT', `/api/packages/${assistant}/versions/1/sections/${key}/review`), 200);
      const owner = await signedIn(target, 'owner@example.com');
      const content = await revised(owner, assistant, 1, 'Two blind annotators per answer; 400 answers per locale.');
      const [request] = (await threadsOf(owner, assistant)).filter((t) => t.kind === 'clarification');
      const answers = [{ target: { kind: 'clarification', threadId: request?.id }, answer: 'See the evaluation notes.', sectionKeys: ['evaluation'] }];
      expectStatus(await owner.post(`/api/packages/${assistant}/versions`, { content, answers }), 201);

      const marks = async () => ((await elena.get(`/api/packages/${assistant}/reviews`)).body as { items: SectionReview[] }).items.filter((m) => m.reviewer.id === accounts.elena.id);
      const onTwo = (await marks()).filter((m) => m.versionNumber === 2);
      expect(onTwo.map((m) => [m.sectionKey, m.carriedFrom])).toEqual([['training_data', 1]]);
      // Withdrawn on version 2, the carried mark is gone there; version 1 keeps its own.
      expectStatus(await elena.delete(`/api/packages/${assistant}/versions/2/sections/training_data/review`), 204);
      expect((await marks()).map((m) => [m.versionNumber, m.sectionKey])).toEqual([
        [1, 'evaluation'],
        [1, 'training_data'],
      ]);
    },
  },
];
