import { DescribeModelPackageCommand, ListModelPackagesCommand, ResourceNotFound, SageMakerClient, SageMakerServiceException, UpdateModelPackageCommand, type DescribeModelPackageCommandOutput } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.ts';
import { pollRegistry } from '#api/registries/poll.ts';
import { registryDraftListSchema, registryDraftSchema, packageRegistrySchema } from '#domain/contracts/registries.ts';
import { runReReviewSweep } from '#api/re-review/re-review-sweep-run.ts';
import { serverDeps } from '#server/deps.ts';
import { startRegistryPolling } from '#server/timers/registry-poll.ts';
import { startRegistryWriteBacks, type RegistryWriteBackDispatcher } from '#server/timers/registry-write-back.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { rejectResubmitApprove } from '../support/rejected-then-approved.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';
import { registriesOf } from '../contract/support/mlflow-deliveries.ts';
import { deliverSageMakerEvent, modelPackageStateChange, sageMakerArn, sageMakerConnector } from '../contract/support/sagemaker-deliveries.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { sqliteTarget } from '../contract/support/targets.ts';
import type { Target } from '../contract/support/client.ts';

// SageMaker Model Registry end to end with the real AWS SDK client, its transport replaced by
// aws-sdk-client-mock answering in the published API shapes: an EventBridge "Model Package
// State Change" event (API destination, secret header) makes a draft from DescribeModelPackage
// (model card, ModelMetrics), once; a forged event is refused and audited; decisions are
// written back with UpdateModelPackage through the outbox; the polling fallback finds a
// version whose event was lost.

const sagemaker = mockClient(SageMakerClient);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  sagemaker.reset();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const group = 'card-fraud';
const arn8 = sageMakerArn(group, 8);
const day = 86_400_000;

const modelCard = {
  model_overview: { model_description: 'Gradient-boosted scorer for card-not-present fraud.' },
  intended_uses: { purpose_of_model: 'Score card-not-present transactions for fraud.', intended_uses: 'Real-time authorisation decisions.', risk_rating: 'High' },
  business_details: { line_of_business: 'Cards' },
  training_details: { training_job_details: { training_datasets: ['s3://fraud-data/train/2026q3/'] } },
  evaluation_details: [
    {
      name: 'holdout 2026 Q3',
      datasets: ['s3://fraud-data/holdout/2026q3.parquet'],
      metric_groups: [
        {
          name: 'binary classification',
          metric_data: [
            { name: 'auc', type: 'number', value: 0.93 },
            { name: 'recall_at_1pct_fpr', type: 'number', value: 0.71 },
            { name: 'confusion', type: 'matrix', value: [[1, 2]] },
          ],
        },
      ],
    },
  ],
};

function described(version: number, overrides: Partial<DescribeModelPackageCommandOutput> = {}): DescribeModelPackageCommandOutput {
  return {
    $metadata: {},
    ModelPackageName: group,
    ModelPackageGroupName: group,
    ModelPackageVersion: version,
    ModelPackageArn: sageMakerArn(group, version),
    ModelPackageDescription: `Card fraud scorer v${version}`,
    CreationTime: new Date('2026-12-05T07:00:00Z'),
    ModelPackageStatus: 'Completed',
    ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
    ModelApprovalStatus: 'PendingManualApproval',
    CreatedBy: { UserProfileName: 'ana' },
    CustomerMetadataProperties: { model_key: 'card-fraud-detection', owner: 'owner@example.com', owner_team: 'Payments ML', risk_tier: '2' },
    InferenceSpecification: { Containers: [{ Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgb:1', ModelDataUrl: `s3://fraud-models/${version}/model.tar.gz` }], SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] },
    ModelMetrics: {
      ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: `s3://fraud-models/${version}/evaluation.json` } },
      Bias: { Report: { ContentType: 'application/json', S3Uri: `s3://fraud-models/${version}/bias.json` } },
    },
    ModelCard: { ModelCardContent: JSON.stringify(modelCard), ModelCardStatus: 'Draft' },
    ...overrides,
  };
}

async function world(): Promise<{ target: Target; dispatcher: RegistryWriteBackDispatcher; clock: { offsetMs: number } }> {
  const registries = registriesOf(sageMakerConnector());
  const target = await sqliteTarget({ registries });
  cleanups.push(() => target.close());
  const clock = { offsetMs: 0 };
  const dispatcher = startRegistryWriteBacks({ store: target.store, registries, intervalMs: 3_600_000, backoffBaseMs: 1_000, publicOrigin: 'https://approvals.example.com', now: () => new Date(Date.now() + clock.offsetMs) });
  cleanups.push(() => dispatcher.stop());
  sagemaker.on(DescribeModelPackageCommand, { ModelPackageName: arn8 }).resolves(described(8));
  sagemaker.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: arn8 });
  return { target, dispatcher, clock };
}

const sendTo = (target: Target) => (url: string, init: RequestInit) => target.fetch(new Request(url, init));
const updates = () => sagemaker.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input);

describe('SageMaker intake from EventBridge', () => {
  it('a Model Package State Change event makes one draft, pre-filled from DescribeModelPackage (model card, ModelMetrics)', async () => {
    const { target } = await world();
    const event = modelPackageStateChange(group, 8);
    const first = await deliverSageMakerEvent(target, event);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const { result, draftId } = first.body as { result: string; draftId: string };
    expect(result).toBe('created');
    // EventBridge delivers at least once: the same event, another event for the same ARN.
    expect((await deliverSageMakerEvent(target, event)).body).toEqual({ result: 'duplicate', draftId });
    expect((await deliverSageMakerEvent(target, modelPackageStateChange(group, 8))).body).toEqual({ result: 'duplicate', draftId });
    expect(sagemaker.commandCalls(DescribeModelPackageCommand).map((c) => c.args[0].input)).toEqual([{ ModelPackageName: arn8 }]);
    expect(await target.store.listAuditEntries({ action: 'registry.draft_created' }, 0, 10)).toHaveLength(1);

    const owner = await signedIn(target, 'owner@example.com');
    expect(registryDraftListSchema.parse((await owner.get('/api/registries/drafts')).body).items).toMatchObject([{ id: draftId, connector: 'sagemaker', registryModel: `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}`, registryVersion: '8', modelKey: 'card-fraud-detection', versionLabel: '8' }]);
    const draft = registryDraftSchema.parse((await owner.get(`/api/registries/drafts/${draftId}`)).body);
    const sections = draft.template.sections as Record<string, unknown>[];
    expect(sections[0]).toMatchObject({ modelKey: 'card-fraud-detection', modelName: group, versionLabel: '8', ownerTeam: 'Payments ML', ownerContact: 'owner@example.com', riskTier: 2, businessLine: 'Cards', changeSummary: 'Card fraud scorer v8' });
    expect(sections[1]).toMatchObject({ key: 'intended_use', markdown: 'Score card-not-present transactions for fraud.\n\nReal-time authorisation decisions.' });
    expect(sections[3]).toMatchObject({
      key: 'training_data',
      datasets: [expect.objectContaining({ name: '2026q3', location: 's3://fraud-data/train/2026q3/' }), expect.objectContaining({ name: '2026q3.parquet', location: 's3://fraud-data/holdout/2026q3.parquet' })],
      notes: 'Model artifacts: s3://fraud-models/8/model.tar.gz\nSageMaker ModelMetrics ModelQuality.Statistics: s3://fraud-models/8/evaluation.json\nSageMaker ModelMetrics Bias.Report: s3://fraud-models/8/bias.json',
    });
    // Metrics from the model card; thresholds never from the registry.
    expect(sections[4]).toMatchObject({ dataset: { name: '2026q3.parquet' }, metrics: [expect.objectContaining({ name: 'auc', value: 0.93, threshold: null }), expect.objectContaining({ name: 'recall_at_1pct_fpr', value: 0.71, threshold: null })] });
  });

  it('a forged or missing secret is refused (401), audited, and neither reads SageMaker nor stores anything', async () => {
    const { target } = await world();
    const forged = await deliverSageMakerEvent(target, modelPackageStateChange(group, 8, 'PendingManualApproval', 'evt-forged'), { secret: 'eventbridge-api-destination-secreT' });
    expect(forged.status).toBe(401);
    expect(forged.contentType).toBe('application/problem+json');
    const missing = await deliverSageMakerEvent(target, modelPackageStateChange(group, 8, 'PendingManualApproval', 'evt-unsigned'), { secret: null });
    expect(missing.status).toBe(401);
    // Not even the body's shape is answered before the secret is proven.
    expect((await deliverSageMakerEvent(target, { nonsense: true }, { secret: 'wrong' })).status).toBe(401);
    const refused = await target.store.listAuditEntries({ action: 'registry.webhook_refused' }, 0, 10);
    expect(refused.map((e) => JSON.parse(e.afterJson) as { reason: string; deliveryId: string | null })).toMatchObject([
      { reason: 'mismatch', deliveryId: 'evt-forged' },
      { reason: 'unsigned', deliveryId: 'evt-unsigned' },
      { reason: 'mismatch', deliveryId: null },
    ]);
    expect(await target.store.listRegistryIntakes()).toEqual([]);
    expect(sagemaker.commandCalls(DescribeModelPackageCommand)).toHaveLength(0);
  });

  it('other states are ignored; an unknown package is 404; throttling is 503 with Retry-After (EventBridge retries); a bad ARN is 422', async () => {
    const { target } = await world();
    expect((await deliverSageMakerEvent(target, modelPackageStateChange(group, 8, 'Approved'))).body).toEqual({ result: 'ignored', draftId: null });
    sagemaker.on(DescribeModelPackageCommand, { ModelPackageName: sageMakerArn(group, 9) }).rejects(new ResourceNotFound({ message: 'Model package not found', $metadata: { httpStatusCode: 400 } }));
    expect((await deliverSageMakerEvent(target, modelPackageStateChange(group, 9))).status).toBe(404);
    sagemaker.on(DescribeModelPackageCommand, { ModelPackageName: sageMakerArn(group, 10) }).rejectsOnce(new SageMakerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' })).resolves(described(10));
    const throttled = await deliverSageMakerEvent(target, modelPackageStateChange(group, 10));
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('30');
    expect(await target.store.listRegistryIntakes()).toEqual([]);
    expect((await deliverSageMakerEvent(target, modelPackageStateChange(group, 10))).body).toMatchObject({ result: 'created' });
    const bad = modelPackageStateChange(group, 8);
    bad.detail.ModelPackageArn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/card-fraud';
    const badReply = await deliverSageMakerEvent(target, bad);
    expect(badReply.status).toBe(422);
    expect(badReply.body).toMatchObject({ errors: [expect.objectContaining({ pointer: '/detail/ModelPackageArn' })] });
  });
});

describe('SageMaker write-back', () => {
  it('final approval sends UpdateModelPackage Approved naming the content hash and record; the re-review date passing takes it back to PendingManualApproval', async () => {
    const { target, dispatcher, clock } = await world();
    await deliverSageMakerEvent(target, modelPackageStateChange(group, 8));
    const pkg = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    expect(updates()).toEqual([]);
    await dispatcher.tick();
    const [approved] = updates();
    const record = `https://approvals.example.com/api/packages/${pkg.id}/record`;
    const hash = approved?.CustomerMetadataProperties?.approval_content_sha256 ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(approved).toEqual({
      ModelPackageArn: arn8,
      ModelApprovalStatus: 'Approved',
      ApprovalDescription: `Approved in Model Approval. Content SHA-256 ${hash}; record ${record}. Package ${pkg.id} version 1: The approval chain signed it off; the record verifies offline.`,
      CustomerMetadataProperties: { approval_status: 'approved', approval_content_sha256: hash, approval_record_url: record },
    });
    const owner = await signInActor('http://localhost', 'owner@example.com', 'demo-password', sendTo(target));
    const view = packageRegistrySchema.parse(await owner.get(`/api/packages/${pkg.id}/registry`));
    expect(view.source).toEqual({ connector: 'sagemaker', registryModel: `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}`, registryVersion: '8' });
    expect(view.writeBacks[0]).toMatchObject({ outcome: 'approved', status: 'done', attemptLog: [{ calls: ['UpdateModelPackage ModelApprovalStatus=Approved: ok'] }] });

    clock.offsetMs = 366 * day;
    await runReReviewSweep(target.store, { now: new Date(Date.now() + clock.offsetMs), newId: () => crypto.randomUUID() });
    await dispatcher.tick();
    expect(updates().map((u) => [u.ModelApprovalStatus, u.CustomerMetadataProperties?.approval_status])).toEqual([
      ['Approved', 'approved'],
      ['PendingManualApproval', 'lapsed'],
    ]);
  });

  it('rejected, resubmitted, then approved: SageMaker ends Approved with the approved content’s hash', async () => {
    const { target, dispatcher } = await world();
    await deliverSageMakerEvent(target, modelPackageStateChange(group, 8));
    await rejectResubmitApprove({
      send: sendTo(target),
      versionLabel: '8',
      afterRejection: async () => {
        await dispatcher.tick();
        expect(updates().map((u) => u.ModelApprovalStatus)).toEqual(['Rejected']);
      },
    });
    await dispatcher.tick();
    const all = updates();
    expect(all.map((u) => u.ModelApprovalStatus)).toEqual(['Rejected', 'Approved']);
    expect(all[1]?.CustomerMetadataProperties?.approval_content_sha256).not.toBe(all[0]?.CustomerMetadataProperties?.approval_content_sha256);
    expect(all[1]?.ApprovalDescription).toContain(`version 2`);
  });

  it('a throttled UpdateModelPackage is retried until it goes through, each attempt shown on the package', async () => {
    const { target, dispatcher, clock } = await world();
    await deliverSageMakerEvent(target, modelPackageStateChange(group, 8));
    sagemaker.on(UpdateModelPackageCommand).rejectsOnce(new SageMakerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' })).resolves({ ModelPackageArn: arn8 });
    const pkg = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    await dispatcher.tick();
    const owner = await signInActor('http://localhost', 'owner@example.com', 'demo-password', sendTo(target));
    const read = async () => packageRegistrySchema.parse(await owner.get(`/api/packages/${pkg.id}/registry`)).writeBacks[0];
    expect(await read()).toMatchObject({ status: 'pending', attempts: 1, attemptLog: [{ calls: ['UpdateModelPackage ModelApprovalStatus=Approved: unavailable'] }] });
    clock.offsetMs += 2_000;
    await dispatcher.tick();
    expect(await read()).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(updates()).toHaveLength(2);
  });
});

describe('polling fallback', () => {
  it('finds a pending version whose event never came (ListModelPackages), once, and the late event is a duplicate', async () => {
    const { target } = await world();
    sagemaker.on(ListModelPackagesCommand).resolves({
      ModelPackageSummaryList: [
        { ModelPackageArn: arn8, ModelPackageGroupName: group, ModelPackageVersion: 8, ModelPackageStatus: 'Completed', ModelApprovalStatus: 'PendingManualApproval', CreationTime: new Date() },
        { ModelPackageArn: sageMakerArn(group, 7), ModelPackageGroupName: group, ModelPackageVersion: 7, ModelPackageStatus: 'Completed', ModelApprovalStatus: 'Approved', CreationTime: new Date() },
      ],
    });
    const deps: ApiDeps = serverDeps(target.store, { sessionTtlHours: 12, registries: registriesOf(sageMakerConnector()) });
    const poller = startRegistryPolling({ deps, intervalMs: 3_600_000, lookbackHours: 72 });
    cleanups.push(() => poller.stop());
    // The start-up pass and two concurrent ones (two instances): one draft.
    const reports = await Promise.all([poller.poll(), poller.poll()]);
    expect(reports.flat().reduce((n, r) => n + r.created, 0)).toBeLessThanOrEqual(1);
    expect(reports[0][0]).toMatchObject({ connector: 'sagemaker', listed: 1, failed: 0 });
    const [list] = sagemaker.commandCalls(ListModelPackagesCommand).map((c) => c.args[0].input);
    expect(list).toMatchObject({ ModelPackageGroupName: group, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 });
    expect(list?.CreationTimeAfter?.getTime()).toBeLessThanOrEqual(Date.now() - 72 * 3_600_000 + 5_000);
    expect(await target.store.listRegistryIntakes()).toHaveLength(1);
    expect((await deliverSageMakerEvent(target, modelPackageStateChange(group, 8))).body).toMatchObject({ result: 'duplicate' });
    expect(await target.store.listAuditEntries({ action: 'registry.draft_created' }, 0, 10)).toHaveLength(1);
  });
});

describe('SageMaker intake on PostgreSQL, two API instances', () => {
  let database: TestDatabase;
  const instances: { target: Target; store: Store; deps: ApiDeps }[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'));
    for (const seed of [true, false]) {
      const store = await openStore({ databaseUrl: database.url, dataDir: '/nonexistent' });
      const deps: ApiDeps = serverDeps(store, { sessionTtlHours: 12, registries: registriesOf(sageMakerConnector()) });
      if (seed) await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
      const app = createApp(deps);
      instances.push({ store, deps, target: { fetch: async (request) => app.fetch(request), store, advanceClock: () => undefined, close: () => store.close() } });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.target.close();
    await database.drop();
  });

  it('ten concurrent deliveries and two concurrent polls of one package make exactly one draft and one audit entry', async () => {
    sagemaker.on(DescribeModelPackageCommand).resolves(described(8));
    sagemaker.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [{ ModelPackageArn: arn8, ModelPackageGroupName: group, ModelPackageVersion: 8, ModelPackageStatus: 'Completed', ModelApprovalStatus: 'PendingManualApproval', CreationTime: new Date() }] });
    const [a, b] = instances;
    if (!a || !b) throw new Error('two instances');
    const event = modelPackageStateChange(group, 8);
    const [replies, polls] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, (_, i) => deliverSageMakerEvent((i % 2 === 0 ? a : b).target, event))),
      Promise.all([pollRegistry(a.deps, sageMakerConnector(), new Date(Date.now() - 3_600_000)), pollRegistry(b.deps, sageMakerConnector(), new Date(Date.now() - 3_600_000))]),
    ]);
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const created = replies.filter((r) => (r.body as { result: string }).result === 'created').length + polls.reduce((n, p) => n + p.created, 0);
    expect(created).toBe(1);
    expect(new Set(replies.map((r) => (r.body as { draftId: string }).draftId)).size).toBe(1);
    expect(await a.store.listRegistryIntakes()).toHaveLength(1);
    expect(await a.store.listAuditEntries({ action: 'registry.draft_created' }, 0, 10)).toHaveLength(1);
  });
});
