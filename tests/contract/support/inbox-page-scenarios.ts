import { expect } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { encodePackageCursor, inboxTabIds, packageListSchema, packageModelsSchema, type PackageList, type PackageSummary } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { inInboxTab as inTab } from '#domain/package/inbox-tabs.ts';
import { inDerivedList } from '#domain/governance/governance-figures.ts';
import { dueWithin } from '#domain/revalidation/due-date.ts';
import { demoPackages } from '#demo/index.ts';
import { Client, type Reply, type Target } from './client.ts';
import { refreshSummaries } from '#api/package-access/summaries.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// GET /api/packages a page at a time (decision record 0129), against the mocks, SQLite and
// PostgreSQL: the keyset cursor, every filter, a summary never older than the last write or
// than the clock, and an owner's packages kept to the owner through every page and cursor.

const retail = 'pkg_retail_credit_pd';
const clinical = 'pkg_clinical_deterioration_risk';
const day = 86_400_000;

function listOf(reply: Reply): PackageList {
  expectStatus(reply, 200);
  return packageListSchema.parse(reply.body);
}

/** Every page of `query` at `limit` per page, following the cursors; `between` runs after each page. */
async function walk(client: Client, query: string, limit: number, between: (page: number) => Promise<void> = () => Promise.resolve()): Promise<PackageSummary[]> {
  const items: PackageSummary[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    const list = listOf(await client.get(`/api/packages?${params.toString()}`));
    expect(list.items.length).toBeLessThanOrEqual(limit);
    items.push(...list.items);
    if (list.nextCursor === null) return items;
    expect(list.items).toHaveLength(limit);
    await between(page);
    cursor = list.nextCursor;
  }
  throw new Error('more than 100 pages');
}

const ids = (items: readonly PackageSummary[]) => items.map((p) => p.id);
const newestFirst = (items: readonly PackageSummary[]) => [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));

/** A new model's package (the clinical demo content under another key, and name when given), submitted by `client`. */
async function submitNew(client: Client, modelKey: string, modelName?: string): Promise<string> {
  const content = structuredClone(demoPackages[1]?.versions[0]) as PackageContent;
  const [identification] = content.sections;
  if (identification?.kind !== 'identification') throw new Error('identification first');
  identification.modelKey = modelKey;
  if (modelName) identification.modelName = modelName;
  const reply = await client.post('/api/packages', { modelKey, versionLabel: identification.versionLabel, content });
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

/** A second model owner, with the demo owner's password. */
async function otherOwner(target: Target): Promise<Client> {
  const stored = await target.store.findUserByEmail('owner@example.com');
  if (!stored) throw new Error('the demo owner exists');
  await target.store.insertUser({ id: 'usr_other_owner', email: 'other-owner@example.com', displayName: 'Jonas Berg', title: 'ML Engineer', roles: ['model_owner'], passwordHash: stored.passwordHash });
  return signedIn(target, 'other-owner@example.com');
}

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

export const inboxPageScenarios: Scenario[] = [
  {
    name: 'inbox pages: the cursor walks every package once, newest change first, while packages are submitted between pages',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      await submitNew(owner, 'inbox-page-one');
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const whole = listOf(await reviewer.get('/api/packages?limit=200'));
      expect(whole.nextCursor).toBeNull();
      expect(whole.items.length).toBeGreaterThanOrEqual(5);
      expect(ids(whole.items)).toEqual(ids(newestFirst(whole.items)));
      // Without a limit, a page holds 50: the demo fits in one.
      expect(listOf(await reviewer.get('/api/packages')).items).toEqual(whole.items);

      // One per page; after each page the owner submits another package (newer than every page read).
      const added: string[] = [];
      const walked = await walk(reviewer, '', 1, async (page) => {
        if (page < 3) added.push(await submitNew(owner, `inbox-page-added-${page}`));
      });
      expect(added).toHaveLength(3);
      expect(ids(walked)).toEqual(ids(whole.items));
      // Two per page: the same order again, the added packages first.
      const again = await walk(reviewer, '', 2);
      expect(ids(again).slice(0, 3).sort()).toEqual([...added].sort());
      expect(ids(again).slice(3)).toEqual(ids(whole.items));
    },
  },
  {
    name: 'inbox pages: each filter selects on the server, page by page, exactly what it selects in the whole list',
    async run(target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const all = listOf(await reviewer.get('/api/packages?limit=200')).items;
      const current = new Set(ids(await walk(reviewer, 'governance=current', 1)));
      expect(current.size).toBeGreaterThan(0);
      const today = new Date().toISOString().slice(0, 10);
      const filters: [string, (s: PackageSummary) => boolean][] = [
        ['status=in_review', (s) => s.status === 'in_review'],
        ['status=approved_with_conditions', (s) => s.status === 'approved_with_conditions'],
        ['riskTier=1', (s) => s.riskTier === 1],
        ['riskTier=2&status=clarification_requested', (s) => s.riskTier === 2 && s.status === 'clarification_requested'],
        ['model=retail-credit-pd', (s) => s.modelKey === 'retail-credit-pd'],
        ['stepRole=model_risk', (s) => s.currentStep?.role === 'model_risk'],
        ['stepRole=fair_lending', (s) => s.currentStep?.role === 'fair_lending'],
        ['revalidationDue=90', (s) => s.revalidationDueOn !== undefined && dueWithin(s.revalidationDueOn, today, 90)],
        ...(['pending', 'overdue', 'approved', 're_review_due'] as const).map((list): [string, (s: PackageSummary) => boolean] => [`governance=${list}`, (s) => inDerivedList(list, s, current.has(s.id))]),
      ];
      let nonEmpty = 0;
      for (const [query, keep] of filters) {
        const expected = ids(all.filter(keep));
        if (expected.length > 0) nonEmpty += 1;
        expect(ids(await walk(reviewer, query, 1)), query).toEqual(expected);
      }
      // The filters are not vacuous on the demo data.
      expect(nonEmpty).toBeGreaterThanOrEqual(8);
    },
  },
  {
    name: 'inbox pages: each tab is selected and counted on the server over every page, for the caller\'s acting roles, as inTab says',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      for (const n of [1, 2, 3]) await submitNew(owner, `inbox-tab-${n}`);
      const callers: [string, Role[]][] = [
        ['model-risk@example.com', ['model_risk']],
        ['fair-lending@example.com', ['fair_lending']],
        ['owner@example.com', ['model_owner']],
        ['committee@example.com', ['committee']],
      ];
      let nonEmpty = 0;
      for (const [email, roles] of callers) {
        const client = await signedIn(target, email);
        const viewer = { id: ((await client.get('/api/session')).body as { user: { id: string } }).user.id, roles, delegatedFrom: [] };
        const all = listOf(await client.get('/api/packages?limit=200')).items;
        expect(listOf(await client.get('/api/packages?limit=1&count=true')).total).toBe(all.length);
        // Not asked for: not counted.
        expect(listOf(await client.get('/api/packages?limit=1')).total).toBeNull();
        for (const tab of inboxTabIds) {
          const expected = ids(all.filter((pkg) => inTab(tab, pkg, viewer)));
          if (tab !== 'all' && expected.length > 0) nonEmpty += 1;
          // One per page: the tab's rows are found on every page, not only the first.
          expect(ids(await walk(client, `tab=${tab}`, 1)), `${email} ${tab}`).toEqual(expected);
          expect(listOf(await client.get(`/api/packages?tab=${tab}&limit=1&count=true`)).total, `${email} ${tab} total`).toBe(expected.length);
        }
      }
      expect(nonEmpty).toBeGreaterThanOrEqual(6);
      // Not a tab: a 400 naming the parameter, nothing listed.
      const reviewer = await signedIn(target, 'model-risk@example.com');
      expect((await reviewer.get('/api/packages?tab=mine')).status).toBe(400);
    },
  },
  {
    name: 'inbox pages: a summary is never older than the last write (a thread opened, a decision signed) or than the clock',
    async run(target) {
      const summaryOf = async (client: Client, id: string) => listOf(await client.get('/api/packages')).items.find((p) => p.id === id);
      const owner = await signedIn(target, 'owner@example.com');
      expect(await summaryOf(owner, retail)).toMatchObject({ openClarifications: 0 });

      // A clarification request: the owner's list counts it at once.
      const dana = await signedIn(target, 'fair-lending@example.com');
      const version = (await dana.get(`/api/packages/${retail}/versions/2`)).body as { content: { sections: { key: string; datasets?: { name: string }[] }[] } };
      const dataset = version.content.sections.find((s) => s.key === 'training_data')?.datasets?.[0]?.name ?? '';
      expectStatus(await dana.post(`/api/packages/${retail}/threads`, { versionNumber: 2, sectionKey: 'training_data', kind: 'clarification', anchor: { exact: dataset, prefix: '', suffix: '' }, body: 'Which authorization covers this dataset?' }), 201);
      const asked = await summaryOf(owner, retail);
      expect(asked).toMatchObject({ openClarifications: 1, openThreads: 1 });

      // A decision: the clinical package leaves model risk's step, and model risk's filter.
      const elena = await signedIn(target, 'model-risk@example.com');
      expect(ids(listOf(await elena.get('/api/packages?stepRole=model_risk')).items)).toContain(clinical);
      const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', reason: 'Adequate.', signer: accounts.elena });
      expectStatus(await sign(elena, payload), 201);
      expect(ids(listOf(await elena.get('/api/packages?stepRole=model_risk')).items)).not.toContain(clinical);
      const moved = await summaryOf(elena, clinical);
      expect(moved?.currentStep?.role).not.toBe('model_risk');
      expect(moved?.currentStep?.overdue).toBe(false);
      const dueAt = moved?.currentStep?.dueAt;
      if (!dueAt) throw new Error('the next step has a due time');

      // The clock alone: a minute past the step's due time, it is overdue, in the list and in the overdue list.
      const committee = await signedIn(target, 'committee@example.com');
      expect(ids(listOf(await committee.get('/api/packages?governance=overdue')).items)).not.toContain(clinical);
      target.advanceClock(Date.parse(dueAt) - Date.now() + 60_000);
      const later = await signedIn(target, 'committee@example.com');
      expect((await summaryOf(later, clinical))?.currentStep?.overdue).toBe(true);
      expect(ids(listOf(await later.get('/api/packages?governance=overdue')).items)).toContain(clinical);
      expect(Date.parse(dueAt) - Date.now()).toBeLessThan(365 * day);
    },
  },
  {
    name: 'inbox pages: the page read with the check for rows to refresh answers only when none is stale or past its clock, and then as the plain page does',
    async run(target) {
      const { store } = target;
      const query = { ownerId: null, after: null, limit: 50 };
      const now = () => new Date(Date.now() + 1_000).toISOString();
      await refreshSummaries(store, new Date(now()));
      const fresh = await store.pageSummariesIfFresh(query, now());
      expect(fresh?.map((r) => r.id)).toEqual((await store.pageSummaries(query)).map((r) => r.id));
      expect(fresh?.length).toBeGreaterThan(0);

      // A write marks its package's row stale: no page until a refresh.
      const dana = await signedIn(target, 'fair-lending@example.com');
      expectStatus(await dana.post(`/api/packages/${retail}/threads`, { versionNumber: 2, sectionKey: 'evaluation', kind: 'comment', body: 'Noted.' }), 201);
      expect(await store.pageSummariesIfFresh(query, now())).toBeNull();
      await refreshSummaries(store, new Date(now()));
      expect((await store.pageSummariesIfFresh(query, now()))?.map((r) => r.json)).toEqual((await store.pageSummaries(query)).map((r) => r.json));

      // The clock past a row's validUntil: no page either.
      const next = await store.nextSummaryChange();
      if (!next) throw new Error('a demo summary changes with the clock');
      expect(await store.pageSummariesIfFresh(query, next.at)).toBeNull();
    },
  },
  {
    name: 'inbox pages: an owner sees only their own packages through every page and any cursor; a cursor not given out is a 422 at /query/cursor',
    async run(target) {
      const other = await otherOwner(target);
      const own = await submitNew(other, 'inbox-page-other-owner');
      const priya = await signedIn(target, 'owner@example.com');
      const priyas = await walk(priya, '', 1);
      expect(priyas.length).toBeGreaterThanOrEqual(4);
      expect(ids(priyas)).not.toContain(own);
      expect(ids(await walk(other, '', 1))).toEqual([own]);

      // Cursors from another user's pages, and made-up positions before and after everything: still only their own.
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const first = listOf(await reviewer.get('/api/packages?limit=1'));
      const forged = [first.nextCursor ?? '', encodePackageCursor({ updatedAt: '9999-12-31T00:00:00.000Z', id: 'pkg_a' }), encodePackageCursor({ updatedAt: '2000-01-01T00:00:00.000Z', id: 'pkg_a' })];
      for (const cursor of forged) {
        for (const item of listOf(await other.get(`/api/packages?cursor=${cursor}`)).items) expect(item.id).toBe(own);
      }
      expect(ids(listOf(await other.get(`/api/packages?cursor=${forged[1] ?? ''}`)).items)).toEqual([own]);

      // Not a cursor: refused, with the field named.
      const valid = first.nextCursor ?? '';
      const tampered = `${valid.slice(0, 5)}${valid[5] === 'A' ? 'B' : 'A'}${valid.slice(6)}`;
      for (const cursor of ['not-a-cursor!', tampered, btoa('{"updatedAt":"x"}'), btoa('["2026-12-05T00:00:00.000Z"]')]) {
        const refused = await reviewer.get(`/api/packages?cursor=${encodeURIComponent(cursor)}`);
        expectStatus(refused, 422);
        expect(pointers(refused), cursor).toEqual(['/query/cursor']);
      }
      // Out of the parameter's shape (as any query parameter): 400.
      const long = await reviewer.get(`/api/packages?cursor=${'A'.repeat(600)}`);
      expectStatus(long, 400);
      expect(pointers(long)).toEqual(['/query/cursor']);
      expect(pointers(await reviewer.get('/api/packages?limit=0'))).toEqual(['/query/limit']);
    },
  },
  {
    name: 'inbox model filter: every model the caller may see a package of, by name, not only those of the first page; an owner only their own',
    async run(target) {
      const other = await otherOwner(target);
      await submitNew(other, 'inbox-models-other', 'Aardvark Churn Model');
      const priya = await signedIn(target, 'owner@example.com');
      await submitNew(priya, 'inbox-models-own', 'Zebra Claims Triage');
      const modelsOf = async (client: Client) => {
        const reply = await client.get('/api/package-models');
        expectStatus(reply, 200);
        return packageModelsSchema.parse(reply.body).models;
      };
      /** The models of every package in the caller's list (all pages), each once, by name then key. */
      const expectedOf = async (client: Client) => {
        const models = new Map((await walk(client, '', 2)).map((p) => [p.modelKey, p.modelName] as const));
        return [...models].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
      };

      const reviewer = await signedIn(target, 'model-risk@example.com');
      const all = await modelsOf(reviewer);
      expect(all).toEqual(await expectedOf(reviewer));
      // Beyond the first page of two: the list's newest packages do not name every model.
      const firstPage = new Set(listOf(await reviewer.get('/api/packages?limit=2')).items.map((p) => p.modelKey));
      expect(all.length).toBeGreaterThan(firstPage.size);
      expect(all.at(0)).toEqual({ key: 'inbox-models-other', name: 'Aardvark Churn Model' });
      expect(all.at(-1)).toEqual({ key: 'inbox-models-own', name: 'Zebra Claims Triage' });

      // An owner: the models of their own packages only.
      const priyas = await modelsOf(priya);
      expect(priyas).toEqual(await expectedOf(priya));
      expect(priyas.map((m) => m.key)).toContain('inbox-models-own');
      expect(priyas.map((m) => m.key)).not.toContain('inbox-models-other');
      expect(await modelsOf(other)).toEqual([{ key: 'inbox-models-other', name: 'Aardvark Churn Model' }]);
      // Signed out: nothing.
      expectStatus(await new Client(target).get('/api/package-models'), 401);
    },
  },
];
