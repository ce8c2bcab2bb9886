import { mlflowModelVersionCreatedSchema, mlflowWebhookEnvelopeSchema, sageMakerEventSchema, type RegistryDraft, type RegistryWriteBack } from '#domain/contracts/registries.ts';
import { verifyMlflowDelivery } from '#domain/registries/mlflow-signature.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { problems, zodProblems } from '../kernel/problems.ts';
import { seePackage, signedIn } from '../package-access/package-access.ts';
import { toActor } from '../package-access/views.ts';
import { appendLimitedAnonymous } from '../throttle/rate-limits.ts';
import type { StoredRegistryIntake, StoreTx } from '../store/store.ts';
import { intakeModelVersion } from './intake.ts';
import { awaitingApproval, intakeModelPackage } from './sagemaker-intake.ts';
import { registryEventSecretHeader } from '../kernel/registry-port.ts';
import { verifyEventSecret } from '#domain/registries/event-secret.ts';
import type { AdminRegistries } from '#domain/contracts/registries.ts';
import type { RegistryConnector } from '../kernel/registry-port.ts';
import { testConnection } from './connection-test.ts';
import { registriesRoutes as routes } from './routes.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The registry intake (proven by the registry's signature: no session), the drafts it makes,
// and each package's write-backs.

export const mlflowWebhook = defineHandler(routes.mlflowWebhook, async (ctx, { params, body }) => {
  const { deps } = ctx;
  const connector = deps.registries?.find(params.connector) ?? null;
  if (connector?.kind !== 'mlflow') throw problems.notFound(`No MLflow registry connector ${params.connector}.`);
  const header = (name: string) => ctx.headers?.get(name) ?? null;
  const deliveryId = header('x-mlflow-delivery-id');
  const verdict = await verifyMlflowDelivery(connector.webhookSecret, { deliveryId, timestamp: header('x-mlflow-timestamp'), signature: header('x-mlflow-signature'), body: ctx.rawBody ?? '' }, deps.now());
  if (!verdict.ok) {
    // Recorded, within the anonymous audit budget per client, so refusals cannot flood the log.
    await appendLimitedAnonymous(deps, ctx.clientAddress, (tx, at) =>
      tx.appendAudit({ event: { action: 'registry.webhook_refused', subject: `connector ${connector.id}`, before: null, after: { reason: verdict.reason, deliveryId: deliveryId?.slice(0, 200) ?? null, client: ctx.clientAddress } }, actorId: null, at }),
    );
    throw problems.unauthenticated(`The delivery's X-MLflow-Signature does not verify with the ${connector.id} connector's secret (${verdict.reason}); nothing was done.`);
  }
  const envelope = mlflowWebhookEnvelopeSchema.safeParse(body);
  if (!envelope.success) throw problems.validation(zodProblems(envelope.error, ''));
  const { entity, action, data } = envelope.data;
  if (entity !== 'model_version' || action !== 'created') return { status: 200, body: { result: 'ignored' as const, draftId: null } };
  const created = mlflowModelVersionCreatedSchema.safeParse(data);
  if (!created.success) throw problems.validation(zodProblems(created.error, '/data'));
  // deliveryId is present: the signature covers it.
  const result = await intakeModelVersion(deps, connector, { ...created.data, deliveryId: deliveryId ?? '' });
  return { status: 200, body: result };
});

export const sageMakerEvent = defineHandler(routes.sageMakerEvent, async (ctx, { params, body }) => {
  const { deps } = ctx;
  const connector = deps.registries?.find(params.connector) ?? null;
  if (connector?.kind !== 'sagemaker') throw problems.notFound(`No SageMaker registry connector ${params.connector}.`);
  const verdict = await verifyEventSecret(connector.eventSecret, ctx.headers?.get(registryEventSecretHeader) ?? null);
  if (!verdict.ok) {
    const eventId = typeof body.id === 'string' ? body.id.slice(0, 200) : null;
    await appendLimitedAnonymous(deps, ctx.clientAddress, (tx, at) =>
      tx.appendAudit({ event: { action: 'registry.webhook_refused', subject: `connector ${connector.id}`, before: null, after: { reason: verdict.reason, deliveryId: eventId, client: ctx.clientAddress } }, actorId: null, at }),
    );
    const what = verdict.reason === 'unsigned' ? 'missing' : `not the secret of the ${connector.id} connector`;
    throw problems.unauthenticated(`The event's ${registryEventSecretHeader} header is ${what}; nothing was done.`);
  }
  const event = sageMakerEventSchema.safeParse(body);
  if (!event.success) throw problems.validation(zodProblems(event.error, ''));
  const { source, detail } = event.data;
  // A state change of a version awaiting approval; our own UpdateModelPackage's echo (Approved, Rejected) is not new work.
  if (source !== 'aws.sagemaker' || event.data['detail-type'] !== 'SageMaker Model Package State Change' || detail.ModelApprovalStatus !== awaitingApproval) return { status: 200, body: { result: 'ignored' as const, draftId: null } };
  const result = await intakeModelPackage(deps, connector, detail.ModelPackageArn, event.data.id ?? '');
  if (!result) throw problems.validation([{ pointer: '/detail/ModelPackageArn', message: 'A versioned model package ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)' }]);
  return { status: 200, body: result };
});

async function draftView(tx: StoreTx, intake: StoredRegistryIntake): Promise<Omit<RegistryDraft, 'template'>> {
  const owner = intake.ownerId ? await tx.findUserById(intake.ownerId) : null;
  const pkg = await tx.findPackageByModelVersion(intake.modelKey, intake.versionLabel);
  return {
    id: intake.id,
    connector: intake.connectorId,
    registryModel: intake.registryModel,
    registryVersion: intake.registryVersion,
    modelKey: intake.modelKey,
    versionLabel: intake.versionLabel,
    owner: intake.ownerId ? toActor(owner ?? undefined, intake.ownerId) : null,
    runId: intake.runId,
    receivedAt: intake.receivedAt,
    packageId: pkg?.id ?? null,
  };
}

export const listRegistryDrafts = defineHandler(routes.listRegistryDrafts, async (ctx) => {
  const user = signedIn(ctx);
  const { store } = ctx.deps;
  const admin = user.roles.includes('admin');
  const intakes = (await store.listRegistryIntakes()).filter((i) => admin || i.ownerId === user.id);
  return { status: 200, body: { items: await Promise.all(intakes.map((i) => draftView(store, i))) } };
});

export const getRegistryDraft = defineHandler(routes.getRegistryDraft, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const { store } = ctx.deps;
  const intake = await store.findRegistryIntakeById(params.id);
  if (!intake || !(user.roles.includes('admin') || intake.ownerId === user.id)) throw problems.notFound(`No draft ${params.id} of yours.`);
  const template = parseJson(intake.template) as Record<string, unknown>;
  return { status: 200, body: { ...(await draftView(store, intake)), template } };
});

export const getPackageRegistry = defineHandler(routes.getPackageRegistry, async (ctx, { params }) => {
  const { store } = ctx.deps;
  const pkg = await seePackage(ctx, params.id);
  const intake = await store.findRegistryIntakeForPackage(pkg.modelKey, pkg.versionLabel);
  const writeBacks = await store.listRegistryWriteBacks(pkg.id);
  const attempts = await store.listRegistryWriteBackAttempts(writeBacks.map((w) => w.id));
  const items = writeBacks.map(
    (w): RegistryWriteBack => ({
      id: w.id,
      connector: w.connectorId,
      registryModel: w.registryModel,
      registryVersion: w.registryVersion,
      outcome: w.outcome,
      status: w.status,
      attempts: w.attempts,
      nextAttemptAt: w.status === 'pending' ? w.nextAttemptAt : null,
      lastError: w.lastError,
      doneAt: w.doneAt,
      createdAt: w.createdAt,
      attemptLog: attempts.filter((a) => a.writeBackId === w.id).map(({ attempt, at, calls, error }) => ({ attempt, at, calls, error })),
    }),
  );
  return { status: 200, body: { source: intake ? { connector: intake.connectorId, registryModel: intake.registryModel, registryVersion: intake.registryVersion } : null, writeBacks: items } };
});

const connectorView = (connector: RegistryConnector): AdminRegistries['connectors'][number] =>
  connector.kind === 'mlflow'
    ? { id: connector.id, kind: 'mlflow', location: connector.url, intakePath: `/api/registries/${connector.id}/mlflow/webhook`, authentication: 'X-MLflow-Signature (HMAC-SHA256 with the webhook secret)', alias: connector.alias, polled: [...(connector.pollModels ?? [])], defaultOwner: connector.defaultOwnerEmail }
    : { id: connector.id, kind: 'sagemaker', location: connector.url, intakePath: `/api/registries/${connector.id}/sagemaker/events`, authentication: `${registryEventSecretHeader} header (the API destination connection's API key)`, alias: null, polled: [...connector.groups], defaultOwner: connector.defaultOwnerEmail };

const recentWriteBacks = 30;

export const adminRegistries = defineHandler(routes.adminRegistries, async (ctx) => {
  const { store } = ctx.deps;
  const connectors = (ctx.deps.registries?.list() ?? []).map(connectorView);
  const items = (await store.listRecentRegistryWriteBacks(recentWriteBacks)).map(({ id, connectorId, registryModel, registryVersion, packageId, outcome, status, attempts, nextAttemptAt, lastError, doneAt, createdAt }) => ({
    id,
    connector: connectorId,
    registryModel,
    registryVersion,
    packageId,
    outcome,
    status,
    attempts,
    nextAttemptAt: status === 'pending' ? nextAttemptAt : null,
    lastError,
    doneAt,
    createdAt,
  }));
  return { status: 200, body: { connectors, recentWriteBacks: items } };
});

export const testRegistryConnection = defineHandler(routes.testRegistryConnection, async (ctx, { params }) => {
  const connector = ctx.deps.registries?.find(params.connector) ?? null;
  if (!connector) throw problems.notFound(`No registry connector ${params.connector}.`);
  const result = await testConnection(connector, ctx.deps.now);
  return { status: 200, body: result };
});
