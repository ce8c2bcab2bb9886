import { sageMakerApproval } from '#domain/registries/sagemaker-approval.ts';
import { sageMakerArnOf } from '#domain/registries/sagemaker-facts.ts';
import { RegistryError, type MlflowConnector, type RegistryConnector, type SageMakerConnector } from '../kernel/registry-port.ts';
import type { StoredRegistryWriteBack } from '../store/store.ts';

// What one write-back does in an MLflow registry, every call idempotent so a retry after a
// partial attempt simply does it all again:
//   approved  tags approval_content_sha256, approval_record_url, then approval_status=approved, and
//             moves the connector's alias to the version (where the host has no alias
//             endpoints, answering 404, the tag approval_alias=<alias> stands in for it);
//   rejected  tags approval_status=rejected (with the hash and record of the rejected content)
//             and takes the alias off the version if it was there;
//   lapsed    tags approval_status=lapsed and takes the alias off, so deployments stop.
// Deployment jobs that trust tags (Databricks MLflow 3 approval tasks) follow approval_status;
// `npm run gate` trusts none of them and verifies the signed record itself.

export const approvalTags = {
  status: 'approval_status',
  contentHash: 'approval_content_sha256',
  recordUrl: 'approval_record_url',
  aliasFallback: 'approval_alias',
} as const;

export interface WriteBackOutcome {
  /** Each registry call made, with how it went ("set-tag approval_status=approved: ok"). */
  calls: string[];
  /** Why the attempt stopped short; null when every call succeeded. */
  error: RegistryError | null;
}

/** The record's URL: absolute when the public origin is known, else the path on this server. */
export function recordUrlOf(path: string, publicOrigin: string | undefined): string {
  return publicOrigin ? new URL(path, publicOrigin).toString() : path;
}

export function performWriteBack(connector: RegistryConnector, writeBack: StoredRegistryWriteBack, publicOrigin: string | undefined): Promise<WriteBackOutcome> {
  return connector.kind === 'mlflow' ? writeBackToMlflow(connector, writeBack, publicOrigin) : writeBackToSageMaker(connector, writeBack, publicOrigin);
}

const reasons = {
  approved: 'The approval chain signed it off; the record verifies offline.',
  rejected: 'A reviewer rejected it; the owner may resubmit.',
  lapsed: 'Re-review due: the conditional approval has lapsed.',
} as const;

/**
 * SageMaker: one UpdateModelPackage (idempotent: the same status and metadata again) with
 * ModelApprovalStatus Approved, Rejected, or PendingManualApproval when the approval lapsed,
 * an ApprovalDescription naming the approved content's SHA-256 and the record's URL, and
 * CustomerMetadataProperties holding both.
 */
async function writeBackToSageMaker(connector: SageMakerConnector, writeBack: StoredRegistryWriteBack, publicOrigin: string | undefined): Promise<WriteBackOutcome> {
  const arn = sageMakerArnOf(writeBack.registryModel, writeBack.registryVersion);
  const approval = sageMakerApproval(writeBack.outcome, { contentHash: writeBack.details.contentHash, recordUrl: recordUrlOf(writeBack.details.recordUrl, publicOrigin), reason: `Package ${writeBack.details.packageId} version ${writeBack.details.version}: ${writeBack.details.reason ?? reasons[writeBack.outcome]}` });
  const label = `UpdateModelPackage ModelApprovalStatus=${approval.status}`;
  try {
    await connector.registry.updateApproval(arn, approval);
    return { calls: [`${label}: ok`], error: null };
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    return { calls: [`${label}: ${error.kind}`], error };
  }
}

async function writeBackToMlflow(connector: MlflowConnector, writeBack: StoredRegistryWriteBack, publicOrigin: string | undefined): Promise<WriteBackOutcome> {
  const calls: string[] = [];
  const { registry, alias } = connector;
  const name = writeBack.registryModel;
  const version = writeBack.registryVersion;
  const step = async (label: string, call: () => Promise<void>) => {
    try {
      await call();
      calls.push(`${label}: ok`);
    } catch (error) {
      calls.push(`${label}: ${error instanceof RegistryError ? error.kind : 'failed'}`);
      throw error;
    }
  };
  const tag = (key: string, value: string) => step(`set-tag ${key}=${value}`, () => registry.setModelVersionTag(name, version, key, value));

  async function takeAliasOff(): Promise<void> {
    if (!alias) return;
    const current = await registry.getModelVersion(name, version);
    if (current.aliases.includes(alias)) await step(`delete alias ${alias}`, () => registry.deleteAlias(name, alias));
    if (current.tags[approvalTags.aliasFallback] !== undefined) await step(`delete-tag ${approvalTags.aliasFallback}`, () => registry.deleteModelVersionTag(name, version, approvalTags.aliasFallback));
  }

  try {
    // The hash and the record's URL go first and the status last, so a deployment job that
    // fires on approval_status never reads the status beside an earlier outcome's hash.
    if (writeBack.outcome !== 'lapsed') {
      await tag(approvalTags.contentHash, writeBack.details.contentHash);
      await tag(approvalTags.recordUrl, recordUrlOf(writeBack.details.recordUrl, publicOrigin));
    }
    await tag(approvalTags.status, writeBack.outcome);
    if (writeBack.outcome === 'approved' && alias) {
      try {
        await step(`set alias ${alias}=${version}`, () => registry.setAlias(name, alias, version));
      } catch (error) {
        if (!(error instanceof RegistryError && error.kind === 'unsupported')) throw error;
        await tag(approvalTags.aliasFallback, alias);
      }
    }
    if (writeBack.outcome !== 'approved') await takeAliasOff();
    return { calls, error: null };
  } catch (error) {
    if (error instanceof RegistryError) return { calls, error };
    throw error;
  }
}
