import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { Store } from '#api/store/store.ts';
import { registryDraftListSchema, registryDraftSchema, packageRegistrySchema } from '#domain/contracts/registries.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.ts';
import { startMlflowRegistryServer, type MlflowRegistryServer } from '../support/mlflow-registry-server.ts';
import { deliverMlflowEvent, mlflowConnector, registriesOf } from '../contract/support/mlflow-deliveries.ts';
import { clinicalRelease } from '../support/fresh-content.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { sqliteTarget } from '../contract/support/targets.ts';
import type { Target } from '../contract/support/client.ts';

// MLflow model_version.created → a draft package for the owner, over real HTTP to the MLflow
// registry test double: pre-filled from the version and its run, made once however often (and
// however concurrently) the event arrives, refused and audited when the signature is forged.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function registry(): Promise<MlflowRegistryServer> {
  const server = await startMlflowRegistryServer();
  cleanups.push(() => server.close());
  server.addModelVersion('Sepsis Early Warning', {
    version: '4',
    description: 'Recalibrated on 2026 Q3 admissions.',
    source: 'models:/m-sepsis-4',
    runId: 'run-42',
    tags: { owner: 'owner@example.com', owner_team: 'Clinical ML', risk_tier: '1', business_line: 'Hospital operations', model_key: 'sepsis-early-warning' },
  });
  server.addRun({
    runId: 'run-42',
    metrics: [
      { key: 'auroc', value: 0.87 },
      { key: 'sensitivity', value: 0.81 },
    ],
    datasets: [
      { name: 'admissions-2026q3', digest: '9f2c', sourceType: 's3', source: 's3://clinical/admissions/2026q3', context: 'training' },
      { name: 'holdout-2026q3', digest: '11aa', sourceType: 's3', source: 's3://clinical/holdout/2026q3', context: 'evaluation' },
    ],
  });
  return server;
}

async function target(server: MlflowRegistryServer): Promise<Target> {
  const t = await sqliteTarget({ registries: registriesOf(mlflowConnector(server)) });
  cleanups.push(() => t.close());
  return t;
}

const event = { name: 'Sepsis Early Warning', version: '4', source: 'models:/m-sepsis-4', run_id: 'run-42', tags: {}, description: null };

async function auditActions(store: Store, action: string) {
  return store.listAuditEntries({ action }, 0, 1_000);
}

describe('MLflow intake', () => {
  it('a signed model_version.created makes one draft for the owner, pre-filled from the registry; the owner completes and submits it', async () => {
    const server = await registry();
    const t = await target(server);
    const first = await deliverMlflowEvent(t, event, { deliveryId: 'delivery-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const { result, draftId } = first.body as { result: string; draftId: string };
    expect(result).toBe('created');
    expect(draftId).toMatch(/^rgd_/);

    // The same event again (MLflow retries), and a second delivery of it: nothing new.
    expect((await deliverMlflowEvent(t, event, { deliveryId: 'delivery-1' })).body).toEqual({ result: 'duplicate', draftId });
    expect((await deliverMlflowEvent(t, event, { deliveryId: 'delivery-2' })).body).toEqual({ result: 'duplicate', draftId });
    expect(await auditActions(t.store, 'registry.draft_created')).toHaveLength(1);
    // The registry was read for the version and its run, once.
    expect(server.requests.map((r) => r.path)).toEqual(['/api/2.0/mlflow/model-versions/get', '/api/2.0/mlflow/runs/get']);

    const owner = await signedIn(t, 'owner@example.com');
    const list = registryDraftListSchema.parse((await owner.get('/api/registries/drafts')).body);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: draftId, modelKey: 'sepsis-early-warning', versionLabel: '4', owner: { id: 'usr_owner' }, packageId: null });
    const draft = registryDraftSchema.parse((await owner.get(`/api/registries/drafts/${draftId}`)).body);
    const sections = draft.template.sections as Record<string, unknown>[];
    expect(sections[0]).toMatchObject({ modelKey: 'sepsis-early-warning', modelName: 'Sepsis Early Warning', versionLabel: '4', ownerTeam: 'Clinical ML', ownerContact: 'owner@example.com', riskTier: 1, changeSummary: 'Recalibrated on 2026 Q3 admissions.' });
    expect(sections[4]).toMatchObject({ dataset: { name: 'holdout-2026q3', version: '11aa' }, metrics: [expect.objectContaining({ key: 'auroc', value: 0.87, threshold: null }), expect.objectContaining({ key: 'sensitivity', value: 0.81 })] });

    // Another owner does not see it.
    const reviewer = await signedIn(t, 'model-risk@example.com');
    expect((await reviewer.get(`/api/registries/drafts/${draftId}`)).status).toBe(403);

    // The owner completes what the registry could not say (narratives, thresholds, risks) and submits.
    const completed = clinicalRelease('4', 'sepsis-early-warning');
    const identification = completed.sections[0];
    if (identification?.kind !== 'identification') throw new Error('identification first');
    Object.assign(identification, { modelName: 'Sepsis Early Warning', ownerTeam: 'Clinical ML', changeSummary: 'Recalibrated on 2026 Q3 admissions.' });
    // A line the registry's tags or the owner name that is not on the organisation's list does not slip through (0168).
    const unlisted = structuredClone(completed);
    Object.assign(unlisted.sections[0] ?? {}, { businessLine: 'Clinical ops' });
    const refused = await owner.post('/api/packages', { modelKey: 'sepsis-early-warning', versionLabel: '4', content: unlisted });
    expect(refused.status).toBe(422);
    expect((refused.body as { errors: { pointer: string; code?: string }[] }).errors).toEqual([expect.objectContaining({ pointer: '/content/sections/0/businessLine', code: 'unknown_business_line' })]);
    expect(registryDraftListSchema.parse((await owner.get('/api/registries/drafts')).body).items[0]?.packageId).toBeNull();
    const submitted = await owner.post('/api/packages', { modelKey: 'sepsis-early-warning', versionLabel: '4', content: completed });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const packageId = (submitted.body as { package: { id: string } }).package.id;
    expect(registryDraftListSchema.parse((await owner.get('/api/registries/drafts')).body).items[0]?.packageId).toBe(packageId);
    expect(packageRegistrySchema.parse((await owner.get(`/api/packages/${packageId}/registry`)).body)).toEqual({ source: { connector: 'mlflow', registryModel: 'Sepsis Early Warning', registryVersion: '4' }, writeBacks: [] });
  });

  it('a forged delivery (other secret, changed body, replayed late, unsigned) is refused, audited, and makes nothing', async () => {
    const server = await registry();
    const t = await target(server);
    const otherSecret = await deliverMlflowEvent(t, event, { secret: 'not-the-secret' });
    expect(otherSecret.status).toBe(401);
    expect(otherSecret.contentType).toBe('application/problem+json');
    const tampered = await deliverMlflowEvent(t, { name: 'Sepsis Early Warning', version: '3' }, { tamper: (body) => body.replace('"3"', '"4"') });
    expect(tampered.status).toBe(401);
    const stale = await deliverMlflowEvent(t, event, { at: new Date(Date.now() - 3_600_000) });
    expect(stale.status).toBe(401);
    const unsigned = await new (await import('../contract/support/client.ts')).Client(t).send('POST', '/api/registries/mlflow/mlflow/webhook', { json: { entity: 'model_version', action: 'created', timestamp: '', data: event } });
    expect(unsigned.status).toBe(401);

    const refused = await auditActions(t.store, 'registry.webhook_refused');
    expect(refused.map((e) => (JSON.parse(e.afterJson) as { reason: string }).reason)).toEqual(['mismatch', 'mismatch', 'stale', 'unsigned']);
    expect(await t.store.listRegistryIntakes()).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it('a version the registry does not know makes nothing (404); an unknown connector is 404; other events are ignored', async () => {
    const server = await registry();
    const t = await target(server);
    const unknown = await deliverMlflowEvent(t, { ...event, version: '99' });
    expect(unknown.status).toBe(404);
    expect(await t.store.listRegistryIntakes()).toEqual([]);
    expect((await deliverMlflowEvent(t, event, { connector: 'sagemaker-eu' })).status).toBe(404);
    const tagSet = await deliverMlflowEvent(t, { name: 'Sepsis Early Warning', version: '4', key: 'x', value: 'y' }, { entity: 'model_version_tag', action: 'set' });
    expect(tagSet.body).toEqual({ result: 'ignored', draftId: null });
    const missingVersion = await deliverMlflowEvent(t, { name: 'Sepsis Early Warning' });
    expect(missingVersion.status).toBe(422);
    expect(missingVersion.body).toMatchObject({ errors: [expect.objectContaining({ pointer: '/data/version' })] });
  });

  it('while the registry is down the delivery is answered 503 (MLflow retries) and nothing is stored; the retry makes the draft', async () => {
    const server = await registry();
    const t = await target(server);
    server.options.down = true;
    const down = await deliverMlflowEvent(t, event, { deliveryId: 'd-1' });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(await t.store.listRegistryIntakes()).toEqual([]);
    server.options.down = false;
    expect((await deliverMlflowEvent(t, event, { deliveryId: 'd-1' })).body).toMatchObject({ result: 'created' });
  });
});

describe('MLflow intake on PostgreSQL, two API instances', () => {
  let database: TestDatabase;
  let server: MlflowRegistryServer;
  const instances: { target: Target; store: Store }[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'));
    server = await registry();
    for (const seed of [true, false]) {
      const store = await openStore({ databaseUrl: database.url, dataDir: '/nonexistent' });
      const deps: ApiDeps = serverDeps(store, { sessionTtlHours: 12, registries: registriesOf(mlflowConnector(server)) });
      if (seed) await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
      const app = createApp(deps);
      instances.push({ store, target: { fetch: async (request) => app.fetch(request), store, advanceClock: () => undefined, close: () => store.close() } });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.target.close();
    await server.close();
    await database.drop();
  });

  it('twelve concurrent deliveries of one event make exactly one draft and one audit entry', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => deliverMlflowEvent(instances[i % 2]?.target as Target, event, { deliveryId: `concurrent-${i}` })));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
    const results = replies.map((r) => (r.body as { result: string }).result);
    expect(results.filter((r) => r === 'created')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(11);
    const ids = new Set(replies.map((r) => (r.body as { draftId: string }).draftId));
    expect(ids.size).toBe(1);
    expect(await instances[0]?.store.listRegistryIntakes()).toHaveLength(1);
    expect(await auditActions(instances[0]?.store as Store, 'registry.draft_created')).toHaveLength(1);
  });
});
