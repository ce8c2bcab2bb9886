import type { PackageEvent } from '#domain/contracts/package-events.ts';
import type { RegistryOutcome, StoreTx } from '../store/store.ts';

// What a package event must change in the registry a package came from, queued in the same
// transaction as the change (a subscriber of api/events/), so a write-back exists exactly
// when its decision does. The dispatcher (server/timers/registry-write-back.ts) sends it, with
// retries. Packages that no registry event drafted have nothing to write back.

const outcomes: Partial<Record<PackageEvent['type'], RegistryOutcome>> = {
  'package.approved': 'approved',
  'package.emergency_approved': 'approved',
  'package.rejected': 'rejected',
  // A conditional approval reached its re-review date: deployments must stop until it is reviewed again.
  'package.re_review_due': 'lapsed',
  // A condition of the approval lapsed: as above.
  'obligation.lapsed': 'lapsed',
  // The approval was rolled back (docs/decisions/0135): this version must not be deployed.
  'package.rolled_back': 'lapsed',
  // A chain move (a stricter tier, a re-filed line) left the package in review again (0193, S30).
  'package.approval_ended': 'lapsed',
};

export async function enqueueRegistryWriteBacks(tx: StoreTx, events: readonly PackageEvent[], options: { at: string; newId: () => string }): Promise<void> {
  for (const event of events) {
    const outcome = outcomes[event.type];
    if (!outcome) continue;
    const { packageId, modelKey, versionLabel, version } = event.data;
    const intake = await tx.findRegistryIntakeForPackage(modelKey, versionLabel);
    if (!intake) continue;
    const facts = (await tx.listVersionFacts([packageId])).find((v) => v.number === version);
    if (!facts) throw new Error(`Version ${version} of ${packageId} is missing`);
    await tx.insertRegistryWriteBack({
      id: `rwb_${options.newId()}`,
      connectorId: intake.connectorId,
      registryModel: intake.registryModel,
      registryVersion: intake.registryVersion,
      packageId,
      outcome,
      // The record's address relative to the public origin, which the dispatcher knows.
      details: { packageId, version, contentHash: facts.contentHash, recordUrl: `/api/packages/${packageId}/record`, decidedAt: options.at, ...(event.data.approvalEnded ? { reason: event.data.approvalEnded.reason } : {}) },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: options.at,
      lastError: null,
      doneAt: null,
      createdAt: options.at,
    });
  }
}
