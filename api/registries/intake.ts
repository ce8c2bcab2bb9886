import { draftTemplate, modelKeyOf, registryTagNames } from '#domain/registries/draft-template.ts';
import type { RegistryModelVersion, RegistryRun } from '#domain/registries/registry-facts.ts';
import type { RegistryIntakeResult } from '#domain/contracts/registries.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { RegistryError, type RegistryConnector } from '../kernel/registry-port.ts';
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

async function readRegistry(connector: RegistryConnector, name: string, version: string): Promise<{ modelVersion: RegistryModelVersion; run: RegistryRun | null }> {
  let modelVersion: RegistryModelVersion;
  try {
    modelVersion = await connector.registry.getModelVersion(name, version);
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    if (error.kind === 'not_found') throw problems.notFound(`The ${connector.id} registry has no version ${version} of "${name}"; no draft was made.`);
    throw registryUnavailable(connector, error);
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

export async function intakeModelVersion(deps: ApiDeps, connector: RegistryConnector, event: { name: string; version: string; deliveryId: string }): Promise<RegistryIntakeResult> {
  const known = await deps.store.findRegistryIntake(connector.id, event.name, event.version);
  if (known) return { result: 'duplicate', draftId: known.id };
  const { modelVersion, run } = await readRegistry(connector, event.name, event.version);
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
