import type { ApiDeps } from '../kernel/context.ts';
import { ApiError } from '../kernel/problems.ts';
import { RegistryError, type MlflowConnector, type RegistryConnector, type SageMakerConnector } from '../kernel/registry-port.ts';
import type { RegistryIntakeResult } from '#domain/contracts/registries.ts';
import { intakeModelVersion } from './intake.ts';
import { awaitingApproval, intakeModelPackage } from './sagemaker-intake.ts';

// The polling fallback: events get lost (a webhook not configured yet, an EventBridge rule
// disabled, the server down past the sender's retries), so every interval each registry is
// asked for the versions created since `since` and each goes through the same intake as an
// event. Intake is idempotent by registry version, so a version both polled and delivered, in
// any order or at once, makes one draft. Versions older than the look-back window are left
// alone: connecting a registry does not turn its whole history into drafts.

export interface PollReport {
  connector: string;
  /** Versions the registry listed within the window. */
  listed: number;
  created: number;
  /** Versions that could not be taken in (the registry failed mid-way); the next pass tries again. */
  failed: number;
}

const pageSize = 100;

async function take(intake: () => Promise<RegistryIntakeResult | null>, report: PollReport): Promise<void> {
  try {
    const result = await intake();
    if (result?.result === 'created') report.created++;
  } catch (error) {
    if (!(error instanceof ApiError || error instanceof RegistryError)) throw error;
    report.failed++;
  }
}

async function pollMlflow(deps: ApiDeps, connector: MlflowConnector, since: Date, deliveryId: string, report: PollReport): Promise<void> {
  const filters = connector.pollModels && connector.pollModels.length > 0 ? connector.pollModels.map((name) => `name='${name.replaceAll("'", "\\'")}'`) : [''];
  for (const filter of filters) {
    const versions = (await connector.registry.searchModelVersions(filter, pageSize)).filter((v) => v.createdAt !== null && v.createdAt >= since.toISOString());
    report.listed += versions.length;
    for (const v of versions) await take(() => intakeModelVersion(deps, connector, { name: v.name, version: v.version, deliveryId }), report);
  }
}

async function pollSageMaker(deps: ApiDeps, connector: SageMakerConnector, since: Date, deliveryId: string, report: PollReport): Promise<void> {
  // Without a group ListModelPackages lists unversioned packages only: the groups are configured.
  for (const groupName of connector.groups) {
    const packages = (await connector.registry.listModelPackages({ groupName, createdAfter: since, maxResults: pageSize })).filter((p) => p.approvalStatus === awaitingApproval);
    report.listed += packages.length;
    for (const p of packages) await take(() => intakeModelPackage(deps, connector, p.arn, deliveryId), report);
  }
}

export async function pollRegistry(deps: ApiDeps, connector: RegistryConnector, since: Date): Promise<PollReport> {
  const report: PollReport = { connector: connector.id, listed: 0, created: 0, failed: 0 };
  const deliveryId = `poll ${deps.now().toISOString()}`;
  if (connector.kind === 'mlflow') await pollMlflow(deps, connector, since, deliveryId, report);
  else await pollSageMaker(deps, connector, since, deliveryId, report);
  return report;
}
