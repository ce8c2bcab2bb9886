import { expect } from 'vitest';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';

// Annotations, clarification threads and review marks, run against mocks, SQLite and PostgreSQL.

interface ThreadBody {
  id: string;
  status: string;
  messages: { id: string; body: string; authorRole: string; history: { body: string }[]; retractedAt: string | null }[];
}

async function signedIn(target: Target, email: string): Promise<Client> {
  const client = new Client(target);
  expect((await client.login(email)).status).toBe(200);
  return client;
}

async function packageId(client: Client, modelKey: string): Promise<string> {
  const list = (await client.get('/api/packages')).body as { items: { id: string; modelKey: string }[] };
  const found = list.items.find((i) => i.modelKey === modelKey);
  if (!found) throw new Error(`no ${modelKey}`);
  return found.id;
}

const threads = async (client: Client, id: string) => ((await client.get(`/api/packages/${id}/threads`)).body as { items: ThreadBody[] }).items;
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

function expectStatus(reply: Reply, status: number) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  if (status >= 400) expect(reply.contentType).toContain('application/problem+json');
}

export const threadScenarios: Scenario[] = [
  {
    name: 'a reviewer asks for clarification on a quoted passage; the owner answers; the reviewer resolves',
    async run(target) {
      const reviewer = await signedIn(target, 'fair-lending@example.com');
      const id = await packageId(reviewer, 'retail-credit-pd');
      const version = (await reviewer.get(`/api/packages/${id}/versions/2`)).body as { content: { sections: { key: string; kind: string; datasets?: { name: string }[] }[] } };
      const dataset = version.content.sections.find((s) => s.key === 'training_data')?.datasets?.[0]?.name ?? '';
      const opened = await reviewer.post(`/api/packages/${id}/threads`, { versionNumber: 2, sectionKey: 'training_data', kind: 'clarification', anchor: { exact: dataset, prefix: '', suffix: '' }, body: 'Which authorization covers this dataset for credit decisioning?' });
      expectStatus(opened, 201);
      const thread = opened.body as ThreadBody;
      expect(thread.status).toBe('open');

      const owner = await signedIn(target, 'owner@example.com');
      const summary = ((await owner.get('/api/packages')).body as { items: { id: string; openClarifications: number }[] }).items.find((i) => i.id === id);
      expect(summary?.openClarifications).toBe(1);
      const answered = await owner.post(`/api/packages/${id}/threads/${thread.id}/messages`, { body: 'Data use agreement DUA-2024-031, section 4.2.' });
      expectStatus(answered, 201);
      expect(answered.body).toMatchObject({ status: 'answered', messages: [{ authorRole: 'fair_lending' }, { authorRole: 'model_owner' }] });

      expectStatus(await owner.post(`/api/packages/${id}/threads/${thread.id}/resolution`, {}), 403);
      // A reviewer of another role does not close fair lending's request.
      const otherRole = await signedIn(target, 'model-risk@example.com');
      const refused = await otherRole.send('POST', `/api/packages/${id}/threads/${thread.id}/resolution`);
      expectStatus(refused, 403);
      expect((refused.body as { detail: string }).detail).toBe('Only its author or a fair lending reviewer may resolve this clarification request.');
      const resolved = await reviewer.send('POST', `/api/packages/${id}/threads/${thread.id}/resolution`);
      expectStatus(resolved, 201);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { displayName: 'Dana Whitfield' } });
      expect((await threads(owner, id)).find((t) => t.id === thread.id)?.status).toBe('resolved');
      expectStatus(await owner.post(`/api/packages/${id}/threads/${thread.id}/messages`, { body: 'One more thing' }), 409);
    },
  },
  {
    name: 'bad annotations are refused with a clear reason and change nothing',
    async run(target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const retail = await packageId(reviewer, 'retail-credit-pd');
      const fraud = await packageId(reviewer, 'card-fraud-detection');
      const before = (await threads(reviewer, retail)).length;
      const base = { versionNumber: 2, sectionKey: 'evaluation', kind: 'comment', body: 'Looks fine.' };

      const empty = await reviewer.post(`/api/packages/${retail}/threads`, { ...base, body: '   ' });
      expectStatus(empty, 422);
      expect(pointers(empty)).toEqual(['/body']);
      expect(pointers(await reviewer.post(`/api/packages/${retail}/threads`, { ...base, body: 'x'.repeat(20_001) }))).toEqual(['/body']);
      const quote = await reviewer.post(`/api/packages/${retail}/threads`, { ...base, anchor: { exact: 'text that is nowhere in the package', prefix: '', suffix: '' } });
      expectStatus(quote, 422);
      expect(pointers(quote)).toEqual(['/anchor/exact']);
      expect(pointers(await reviewer.post(`/api/packages/${retail}/threads`, { ...base, sectionKey: 'no_such_section' }))).toEqual(['/sectionKey']);
      expect(pointers(await reviewer.post(`/api/packages/${retail}/threads`, { ...base, kind: 'finding' }))).toEqual(['/severity']);
      expectStatus(await reviewer.post(`/api/packages/${retail}/threads`, { ...base, versionNumber: 1 }), 409);
      // A number no version can have is bad input at its field, not a database error (PostgreSQL's integer column ends at 2^31 - 1).
      const huge = await reviewer.post(`/api/packages/${retail}/threads`, { ...base, versionNumber: 2 ** 31 });
      expectStatus(huge, 422);
      expect(pointers(huge)).toEqual(['/versionNumber']);
      expectStatus(await reviewer.post(`/api/packages/${fraud}/threads`, { ...base, versionNumber: 1 }), 409);
      expectStatus(await reviewer.post('/api/packages/pkg_nope/threads', base), 404);

      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post(`/api/packages/${retail}/threads`, base), 403);
      const admin = await signedIn(target, 'admin@example.com');
      const assistant = await packageId(admin, 'support-assistant-llm');
      const [open] = await threads(admin, assistant);
      expectStatus(await admin.post(`/api/packages/${assistant}/threads/${open?.id ?? ''}/messages`, { body: 'Admin here' }), 403);

      expect(await threads(reviewer, retail)).toHaveLength(before);
    },
  },
  {
    name: 'an edit keeps the earlier text in the history; a retraction hides the text; only the author may do either',
    async run(target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const id = await packageId(reviewer, 'clinical-deterioration-risk');
      const opened = (await reviewer.post(`/api/packages/${id}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'finding', severity: 'medium', body: 'PPV at the operating point is low.' })).body as ThreadBody;
      const message = opened.messages[0]?.id ?? '';
      const edited = await reviewer.post(`/api/packages/${id}/threads/${opened.id}/messages/${message}/revisions`, { body: 'PPV of 0.24 at the operating point needs a workload analysis.' });
      expectStatus(edited, 201);
      expect((edited.body as ThreadBody).messages[0]).toMatchObject({ body: 'PPV of 0.24 at the operating point needs a workload analysis.', history: [{ body: 'PPV at the operating point is low.' }] });

      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post(`/api/packages/${id}/threads/${opened.id}/messages/${message}/revisions`, { body: 'Not mine' }), 403);
      expectStatus(await owner.send('POST', `/api/packages/${id}/threads/${opened.id}/messages/${message}/retraction`), 403);

      const retracted = await reviewer.send('POST', `/api/packages/${id}/threads/${opened.id}/messages/${message}/retraction`);
      expectStatus(retracted, 201);
      expect((retracted.body as ThreadBody).messages[0]).toMatchObject({ body: '', history: [] });
      expect((retracted.body as ThreadBody).messages[0]?.retractedAt).toBeTruthy();
      expectStatus(await reviewer.post(`/api/packages/${id}/threads/${opened.id}/messages/${message}/revisions`, { body: 'Again' }), 409);
    },
  },
  {
    name: 'reviewers mark sections reviewed per version; marks can be withdrawn; decided versions are locked',
    async run(target) {
      const reviewer = await signedIn(target, 'fair-lending@example.com');
      const id = await packageId(reviewer, 'retail-credit-pd');
      const path = (n: number, key: string) => `/api/packages/${id}/versions/${n}/sections/${key}/review`;
      const first = await reviewer.send('PUT', path(2, 'subgroup_fairness'));
      expectStatus(first, 200);
      const again = await reviewer.send('PUT', path(2, 'subgroup_fairness'));
      expect(again.body).toEqual(first.body);
      expectStatus(await reviewer.send('PUT', path(2, 'intended_use')), 200);
      const list = ((await reviewer.get(`/api/packages/${id}/reviews`)).body as { items: { sectionKey: string; versionNumber: number; reviewer: { id: string } }[] }).items;
      expect(list.map((r) => r.sectionKey).sort()).toEqual(['intended_use', 'subgroup_fairness']);

      expectStatus(await reviewer.send('DELETE', path(2, 'intended_use')), 204);
      expect(((await reviewer.get(`/api/packages/${id}/reviews`)).body as { items: unknown[] }).items).toHaveLength(1);

      expectStatus(await reviewer.send('PUT', path(2, 'no_such_section')), 422);
      expectStatus(await reviewer.send('PUT', path(1, 'subgroup_fairness')), 409);
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.send('PUT', path(2, 'evaluation')), 403);
    },
  },
];
