import { sageMakerFacts, sageMakerKeyOf } from '#domain/registries/sagemaker-facts.ts';
import type { RegistryIntakeResult } from '#domain/contracts/registries.ts';
import type { ApiDeps } from '../kernel/context.ts';
import type { SageMakerConnector } from '../kernel/registry-port.ts';
import { intakeRegistryVersion, unavailableOrNotFound } from './intake.ts';

// A SageMaker model package version becomes a draft, once per ARN, whichever path saw it first
// (an EventBridge event or the polling fallback): the package is read with
// DescribeModelPackage (ModelMetrics, the model card) only when it is new.

/** Versions waiting for a decision are drafted; one created already approved or rejected is not ours to judge. */
export const awaitingApproval = 'PendingManualApproval';

/** Null when the ARN is not a versioned model package's. */
export async function intakeModelPackage(deps: ApiDeps, connector: SageMakerConnector, arn: string, deliveryId: string): Promise<RegistryIntakeResult | null> {
  const key = sageMakerKeyOf(arn);
  if (!key) return null;
  return intakeRegistryVersion(deps, connector, { name: key.registryModel, version: key.registryVersion, deliveryId }, async () => {
    try {
      return sageMakerFacts(await connector.registry.describeModelPackage(arn));
    } catch (error) {
      throw unavailableOrNotFound(connector, error, `model package ${arn}`);
    }
  });
}
