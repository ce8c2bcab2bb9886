import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { currentServerKey, useServerKey } from '#api/signing/server-key.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.ts';
import type { Client, Reply, Target } from '../contract/support/client.ts';
import { payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { freshContent } from '../support/fresh-content.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';

// Two decisions on a step that needs ONE approval, sent at the same moment: by two reviewers
// holding the role, or by one reviewer from two tabs (two nonces). Exactly one may win (201);
// the other must be told why (409), and the audit chain must still verify. PostgreSQL runs
// two API instances (two pools) on one database; SQLite runs one instance, as deployed.

const rounds = 20;

interface Instance {
  target: Target;
  store: Store;
}

async function instance(location: { databaseUrl?: string; dataDir: string }, seed: boolean): Promise<Instance> {
  const store = await openStore(location);
  const deps: ApiDeps = serverDeps(store, { sessionTtlHours: 12 });
  if (seed) await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  return { store, target: { fetch: async (request) => app.fetch(request), store, advanceClock: () => undefined, close: () => store.close() } };
}

/** A second holder of the data governance role, so two different people can race. */
async function addSecondReviewer(store: Store): Promise<void> {
  const passwords = serverDeps(store, { sessionTtlHours: 1 }).passwords;
  await store.insertUser({ id: 'usr_data_governance_2', email: 'data-governance-2@example.com', displayName: 'Ines Carvalho', title: 'Data Steward', roles: ['data_governance'], passwordHash: await passwords.hash('demo-password') });
}

const signer = async (client: Client) => ((await client.get('/api/session')).body as { user: { id: string; displayName: string; title: string } }).user;

interface RaceResult {
  rounds: number;
  /** The losers' 409 details, counted: which check stopped them. */
  refusals: Map<string, number>;
}

/**
 * Runs `rounds` races on fresh packages. `left` and `right` are the two sides; each side
 * prepares its payload (own nonce) first, then both signing requests go out together.
 */
async function race(owner: Client, sides: () => [Client, Client][], audit: Client): Promise<RaceResult> {
  const result: RaceResult = { rounds: 0, refusals: new Map() };
  const pairs = sides();
  for (let round = 0; round < rounds; round++) {
    const modelKey = `race-${round}-${Date.now()}`;
    const submitted = await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: freshContent(modelKey) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const packageId = (submitted.body as { package: { id: string } }).package.id;
    // An approval needs a risk assessment (docs/decisions/0141).
    expect((await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${packageId}/risk-assessments`, { answers: demoRiskAnswers('clinical-deterioration-risk') })).status).toBe(201);
    const detail = (await owner.get(`/api/packages/${packageId}`)).body as PackageDetail;
    const step = detail.steps.find((s) => s.status === 'active');
    if (!step) throw new Error('a fresh package has an active step');
    expect(step.role).toBe('data_governance');
    expect(step.approvalsRequired).toBe(1);

    const [a, b] = pairs[round % pairs.length] ?? [];
    if (!a || !b) throw new Error('no pair');
    // One side approves, the other rejects on odd rounds: a race between opposite decisions too.
    const drafts = await Promise.all(
      [a, b].map(async (client, i) =>
        payloadFor(client, { packageId, versionNumber: 1, stepKey: step.key, role: step.role, decision: i === 1 && round % 2 === 1 ? 'reject' : 'approve', reason: `Race ${round}, side ${i}.`, signer: await signer(client), concerns: i === 1 && round % 2 === 1 ? [{ sectionKey: 'training_data', concern: 'Lineage gap.', requiredChange: 'Document it.' }] : [] }),
      ),
    );
    const replies: Reply[] = await Promise.all([sign(a, drafts[0] ?? fail()), sign(b, drafts[1] ?? fail())]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses, `round ${round}: ${JSON.stringify(replies.map((r) => r.body))}`).toEqual([201, 409]);
    const loser = replies.find((r) => r.status === 409);
    expect(loser?.contentType).toContain('application/problem+json');
    expect((loser?.body as { detail?: string }).detail ?? '').toMatch(/already approved|already rejected|already|nothing to decide|not active/i);

    const after = (await owner.get(`/api/packages/${packageId}`)).body as PackageDetail;
    expect(after.decisions.filter((d) => d.stepKey === step.key)).toHaveLength(1);
    const verdict = (await owner.get(`/api/packages/${packageId}/verification`)).body as { decisions: { valid: boolean; reasons: string[] }[] };
    expect(verdict.decisions.map((d) => d.valid)).toEqual([true]);
    result.rounds += 1;
    const reason = ((loser?.body as { detail?: string }).detail ?? '').replace(/version \d+/, 'version N');
    result.refusals.set(reason, (result.refusals.get(reason) ?? 0) + 1);
  }
  const verified = await audit.get('/api/audit/verify');
  expect(verified.status).toBe(200);
  expect(verified.body, JSON.stringify(verified.body)).toMatchObject({ valid: true, breaks: [] });
  return result;
}

function fail(): never {
  throw new Error('missing payload');
}

describe('two decisions racing for one step', () => {
  describe('PostgreSQL, two API instances', () => {
    let database: TestDatabase;
    let first: Instance;
    let second: Instance;
    beforeAll(async () => {
      database = await createTestDatabase(inject('databaseUrl'));
      first = await instance({ databaseUrl: database.url, dataDir: '/nonexistent' }, true);
      second = await instance({ databaseUrl: database.url, dataDir: '/nonexistent' }, false);
      // Two servers of one deployment share the key file: the key never lives in the database.
      useServerKey(second.store, await currentServerKey(first.store, () => new Date()));
      await addSecondReviewer(first.store);
    });
    afterAll(async () => {
      await first.target.close();
      await second.target.close();
      await database.drop();
    });

    it(`lets exactly one of two signers win, ${rounds} rounds`, async () => {
      const owner = await signedIn(first.target, 'owner@example.com');
      const audit = await signedIn(second.target, 'committee@example.com');
      const marcus = [await signedIn(first.target, 'data-governance@example.com'), await signedIn(second.target, 'data-governance@example.com')] as const;
      const ines = await signedIn(second.target, 'data-governance-2@example.com');
      // Two people on two instances, and one person in two tabs on two instances.
      const result = await race(owner, () => [[marcus[0], ines], [marcus[0], marcus[1]]], audit);
      console.info(`[decision-race] PostgreSQL, two instances: ${result.rounds} races, each won exactly once; the losers were told: ${JSON.stringify(Object.fromEntries(result.refusals))}`);
    });
  });

  describe('SQLite, one API instance', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'decision-race-'));
    let only: Instance;
    beforeAll(async () => {
      only = await instance({ dataDir }, true);
      await addSecondReviewer(only.store);
    });
    afterAll(async () => {
      await only.target.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(`lets exactly one of two signers win, ${rounds} rounds`, async () => {
      const owner = await signedIn(only.target, 'owner@example.com');
      const audit = await signedIn(only.target, 'committee@example.com');
      const marcus = [await signedIn(only.target, 'data-governance@example.com'), await signedIn(only.target, 'data-governance@example.com')] as const;
      const ines = await signedIn(only.target, 'data-governance-2@example.com');
      const result = await race(owner, () => [[marcus[0], ines], [marcus[0], marcus[1]]], audit);
      console.info(`[decision-race] SQLite: ${result.rounds} races, each won exactly once; the losers were told: ${JSON.stringify(Object.fromEntries(result.refusals))}`);
    });
  });
});
