import { draftTemplate, modelKeyOf, registryTagNames } from '#domain/registries/draft-template.ts';
import type { RegistryModelVersion, RegistryRun } from '#domain/registries/registry-facts.ts';
import type { RegistryIntakeResult } from '#domain/contracts/registries.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { RegistryError, type MlflowConnector, type RegistryConnector } from '../kernel/registry-port.ts';
import { ApiError, problems } from '../kernel/problems.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { newId } from '../kernel/new-id.ts';
import type { StoredUser } from '../store/store.ts';

// A new registry model version becomes a draft package, once. The registry is read first (the
// version, then its run), outside any transaction; the draft is then inserted on its primary
// key (connector, registered model, version), so of two deliveries of one event, however
// concurrent, exactly one inserts and is audited and the other answers "duplicate".

/** A registry that cannot be reached: the sender is asked to retry (MLflow retries 503). */
function registryUnavailable(connector: RegistryConnector, error: RegistryError): ApiError {
  return new ApiError({ type: problemTypes.unavailable, title: 'Registry unavailable', status: 503, detail: `The ${connector.id} registry could not be read (${error.message}); deliver the event again later.` }, [['retry-after', '30']]);
}

export function unavailableOrNotFound(connector: RegistryConnector, error: unknown, what: string): ApiError {
  if (!(error instanceof RegistryError)) throw error;
  if (error.kind === 'not_found') return problems.notFound(`The ${connector.id} registry has no ${what}; no draft was made.`);
  return registryUnavailable(connector, error);
}

/** What intake reads from the registry: the version and, where there is one, its run (or model card). */
export interface RegistryReading {
  modelVersion: RegistryModelVersion;
  run: RegistryRun | null;
}

async function readMlflow(connector: MlflowConnector, name: string, version: string): Promise<{ modelVersion: RegistryModelVersion; run: RegistryRun | null }> {
  let modelVersion: RegistryModelVersion;
  try {
    modelVersion = await connector.registry.getModelVersion(name, version);
  } catch (error) {
    throw unavailableOrNotFound(connector, error, `version ${version} of "${name}"`);
  }
  if (!modelVersion.runId) return { modelVersion, run: null };
  try {
    return { modelVersion, run: await connector.registry.getRun(modelVersion.runId) };
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    // A version registered from a run since deleted still makes a draft, without metrics.
    if (error.kind === 'not_found') return { modelVersion, run: null };
    throw registryUnavailable(connector, error);
  }
}

const activeOwner = (user: StoredUser | null): StoredUser | null => (user && !user.disabledAt && user.roles.includes('model_owner') ? user : null);

/** The model's owner when the model is known; else the version's owner tag; else the connector's default. */
async function ownerOf(deps: ApiDeps, connector: RegistryConnector, modelKey: string, version: RegistryModelVersion): Promise<StoredUser | null> {
  const model = await deps.store.findModel(modelKey);
  if (model) return deps.store.findUserById(model.ownerId);
  const tagged = version.tags[registryTagNames.owner];
  const byTag = tagged ? activeOwner(await deps.store.findUserByEmail(tagged)) : null;
  if (byTag) return byTag;
  return connector.defaultOwnerEmail ? activeOwner(await deps.store.findUserByEmail(connector.defaultOwnerEmail)) : null;
}

export function intakeModelVersion(deps: ApiDeps, connector: MlflowConnector, event: { name: string; version: string; deliveryId: string }): Promise<RegistryIntakeResult> {
  return intakeRegistryVersion(deps, connector, event, () => readMlflow(connector, event.name, event.version));
}

/**
 * A registry version (MLflow: registered model and version; SageMaker: the versioned ARN's
 * group part and version) becomes a draft unless it already did. `read` reads it from the
 * registry, only when it is new.
 */
export async function intakeRegistryVersion(deps: ApiDeps, connector: RegistryConnector, event: { name: string; version: string; deliveryId: string }, read: () => Promise<RegistryReading>): Promise<RegistryIntakeResult> {
  const known = await deps.store.findRegistryIntake(connector.id, event.name, event.version);
  if (known) return { result: 'duplicate', draftId: known.id };
  const { modelVersion, run } = await read();
  const modelKey = modelKeyOf(modelVersion);
  const owner = await ownerOf(deps, connector, modelKey, modelVersion);
  const intake = {
    id: newId(deps, 'rgd'),
    connectorId: connector.id,
    registryModel: event.name,
    registryVersion: event.version,
    modelKey,
    versionLabel: modelVersion.version,
    ownerId: owner?.id ?? null,
    template: JSON.stringify(draftTemplate(modelVersion, run, owner?.email ?? null)),
    runId: modelVersion.runId,
    deliveryId: event.deliveryId,
    receivedAt: deps.now().toISOString(),
  };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.insertRegistryIntake(intake))) {
      const winner = await tx.findRegistryIntake(connector.id, event.name, event.version);
      return { result: 'duplicate' as const, draftId: winner?.id ?? null };
    }
    await tx.appendAudit({
      event: {
        action: 'registry.draft_created',
        subject: intake.id,
        before: null,
        after: { connector: connector.id, registryModel: event.name, registryVersion: event.version, modelKey, versionLabel: intake.versionLabel, owner: owner?.email ?? null, deliveryId: event.deliveryId },
      },
      actorId: null,
      at: intake.receivedAt,
    });
    return { result: 'created' as const, draftId: intake.id };
  });
}
